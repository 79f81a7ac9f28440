"""`pladlint explain-difficulty PAGE [--line N]`: why a page's sections and sentences score as
hard as they do: each difficulty with its parts (what each feature adds, in points)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pladlint.config import Config

SHOWN = 3  # hardest sentences per section without --line


def difficulty_report(page: Path, config: Config, line: int | None = None,
                      today: dt.date | None = None) -> dict[str, Any]:
    """The `explain-difficulty` document: every section's difficulty and parts, and its
    hardest sentences (or, with `line`, every sentence on that line)."""
    from pladlint.checks.readability.difficulty import (
        difficulty_scan,
        hardest_sentences,
        page_difficulty,
        reasons,
        sentence_location,
    )
    from pladlint.cli.term_report import display_name, read_page
    from pladlint.engine import build_context

    ctx = build_context(read_page(page, config), config, today)
    out: dict[str, Any] = {"file": display_name(page), "audience": ctx.audience.name,
                           "language": ctx.language, "max_difficulty": ctx.audience.max_difficulty}
    if ctx.language != "en":
        out.update(difficulty=None, sections=[],
                   note=f"the page is in '{ctx.language}': difficulty is fitted for English only")
        return out
    whole = page_difficulty(ctx)
    out["difficulty"] = whole.value if whole is not None else None
    out["parts"] = _parts(whole)
    scan = difficulty_scan(ctx)
    doc = ctx.doc
    sections = []
    for index, d in sorted(scan.sections.items()):
        section = doc.sections[index]
        chosen = scan.by_section.get(index, []) if line is not None else \
            hardest_sentences(ctx, (index,), SHOWN)
        sentences = []
        for s in chosen:
            where = sentence_location(ctx, s.sentence)
            if line is not None and not where["line"] <= line <= where["end_line"]:
                continue
            detail = s.difficulty
            sentences.append({k: where[k] for k in ("line", "column", "end_line", "end_column",
                                                    "words")}
                             | {"difficulty": detail.value, "why": reasons(detail),
                                "text": where["text"], "parts": _parts(detail)})
        if line is not None and not sentences:
            continue
        sections.append({"heading": section.heading, "line": section.start_line,
                         "difficulty": d.value, "parts": _parts(d), "sentences": sentences})
    out["sections"] = sections
    return out


def _parts(d: Any) -> list[dict[str, Any]]:
    from pladlint.vocab.difficulty import LABELS

    if d is None:
        return []
    return [{"feature": p.feature, "label": LABELS[p.feature], "value": p.value,
             "points": round(p.points, 1)} for p in d.parts]


def report_text(report: dict[str, Any]) -> str:
    limit = report.get("max_difficulty")
    head = f"{report['file']}: {report['audience']} page"
    if report.get("difficulty") is None:
        return head + ": " + report.get("note", "no sentence to score")
    lines = [f"{head}, difficulty {report['difficulty']:g} of 100"
             + (f" (most for a section: {limit:g})" if limit is not None else ""),
             "Difficulty is fitted to people's ratings of medical sentences; each part is what a "
             "feature adds (+) or takes off (-), in points, next to a typical rated sentence.",
             "  " + _parts_text(report["parts"])]
    for s in report["sections"]:
        over = " over the target" if limit is not None and s["difficulty"] > limit else ""
        lines += ["", f"{s['heading']}  (line {s['line']}): difficulty {s['difficulty']:g}{over}",
                  "  " + _parts_text(s["parts"])]
        for h in s["sentences"]:
            text = h["text"] if len(h["text"]) <= 100 else h["text"][:99] + "…"
            lines += [f"  line {h['line']}:{h['column']}  difficulty {h['difficulty']:g}  "
                      f"\"{text}\"", "    " + _parts_text(h["parts"])]
    return "\n".join(lines)


def _parts_text(parts: list[dict[str, Any]]) -> str:
    return " · ".join(f"{p['label']} {p['points']:+.1f} ({_value(p)})" for p in parts)


def _value(p: dict[str, Any]) -> str:
    unit = {"words_per_sentence": "words per sentence",
            "unfamiliarity_per_word": "per word",
            "numbers_per_sentence": "per sentence",
            "jargon_per_sentence": "per sentence",
            "acronyms_per_sentence": "per sentence",
            "hard_words_per_sentence": "per sentence"}.get(p["feature"], "")
    return f"{p['value']:g} {unit}".strip()
