"""`pladlint explain-term WORD [--file PAGE]`: why a term was, or was not, reported as jargon.

For a writer or a content lead. The lexicon facts: which jargon pack lists the word (its
listed form, the plain alternatives), its wordfreq Zipf frequency against the audience's
`jargon_zipf`, whether it counts as an unlisted rare word, whether it is on the everyday list
or in the project glossary. With a page: every use of it, and for each whether a rule
reported it or how it counted as explained (the same jargon scan the rules read).

Pure: `term_report` returns a dict (the `--format json` document), `report_text` the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pladlint.cli.term_facts import JARGON_RULES, lexicon_facts, rule_state
from pladlint.config import Config

REASONS = {
    "glossary": "listed as a glossary term (the page's `glossary:` front matter or the "
                "project glossary file)",
    "earlier": "explained earlier",
    "glossary-link": "in the text of a glossary link",
    "link": "in the text of a link to another page of the site",
    "inline": "defined next to it in the text",
    "abbr": "inside <abbr title=\"...\">",
}


class TermReportError(Exception):
    """The page cannot be read (missing, not text, broken front matter)."""


def display_name(path: Path) -> str:
    from pladlint.api import display_path

    return display_path(path)


def read_page(page: Path, config: Config):
    from pladlint.document import FrontMatterError, parse_document
    from pladlint.document.source import InputError, read_source

    if not page.is_file():
        raise TermReportError(f"{page}: no such file")
    try:
        source = read_source(page, config.max_file_size)
        return parse_document(page, source.text)
    except (InputError, FrontMatterError) as exc:
        raise TermReportError(f"{display_name(page)}: {exc}") from None
    except OSError as exc:
        raise TermReportError(f"{page}: cannot read: {exc.strerror or exc}") from None


def term_report(word: str, config: Config, page: Path | None = None,
                today: dt.date | None = None) -> dict[str, Any]:
    """The `explain-term` document: lexicon facts, and with `page` every mention on it."""
    from pladlint.vocab.audiences import load_audiences

    word = " ".join(word.split())
    if page is None:
        audience = load_audiences().resolve(config.audience)
        facts, _, _ = lexicon_facts(word, config, audience)
        facts.update(file=None, audience_from="from the configuration" if config.audience
                     else "the default",
                     mentions=None)
        return facts
    from pladlint.engine import build_context, resolve_audience, run_rules
    from pladlint.checks.jargon.explanations import front_matter_glossary
    from pladlint.checks.jargon.scan import scan
    from pladlint.engine.suppressions import apply_suppressions

    doc = read_page(page, config)
    ctx = build_context(doc, config, today)
    declared = doc.metadata.get("audienceLevel", doc.metadata.get("audience"))
    unknown = resolve_audience(doc, config)[1]
    if declared is not None and unknown is None:
        audience_from = "from the page's front matter"
    else:
        audience_from = "from the configuration" if config.audience else "the default"
    facts, keys, matched = lexicon_facts(word, config, ctx.audience,
                                         front_matter_glossary(doc.metadata))
    shown = display_name(page)
    facts.update(file=shown, language=ctx.language, audience_from=audience_from)
    if unknown is not None:
        facts["audience_from"] += f"; the page names an unknown audience '{unknown}'"
    if ctx.language != "en":
        facts["mentions"] = []
        facts["note"] = f"the page is in '{ctx.language}': the jargon rules check English only"
        return facts
    findings = apply_suppressions(doc, run_rules(ctx, config, shown), config, shown)
    facts["mentions"] = _mentions(ctx, config, scan(ctx), keys, findings, matched)
    facts["reported"] = sum(1 for m in facts["mentions"] if m["status"] == "reported")
    return facts


def _location(doc: Any, offset: int) -> tuple[int, int]:
    loc = doc.index.location(offset)
    return loc.line, loc.column


def _mentions(ctx: Any, config: Config, scanned: Any, keys: set[str], findings: list[Any],
              matched: Any) -> list[dict[str, Any]]:
    doc = ctx.doc
    jargon = [f for f in findings if f.rule in JARGON_RULES]
    out: list[dict[str, Any]] = []
    seen_spans: list[tuple[int, int]] = []
    first_explained: dict[str, dict[str, Any]] = {}
    first_reported: dict[tuple[int, str], dict[str, Any]] = {}
    for m in scanned.mentions:
        unit = doc.units[m.unit]
        surface = " ".join(unit.text[m.start:m.end].lower().split())
        if m.key.lower() not in keys and surface not in keys:
            continue
        span = unit.source_span(m.start, m.end)
        seen_spans.append((span.start, span.end))
        line, column = _location(doc, span.start)
        entry: dict[str, Any] = {
            "line": line, "column": column, "text": doc.text[span.start:span.end],
            "section": doc.sections[m.section].heading, "term": m.key,
            "explained": m.explained, "detail": m.detail, "first": m.first,
        }
        hit = next((f for f in jargon if f.start == span.start and f.end == span.end), None)
        if hit is not None:
            entry.update(status="reported", rule=hit.rule, code=hit.code,
                         severity=hit.severity.value,
                         note=f"reported by {hit.rule} ({hit.code}, {hit.severity.value})")
            first_reported.setdefault((m.section, m.key), entry)
        elif m.explained is not None:
            entry.update(status="explained", rule=None,
                         note=_explained_note(m, entry, doc, unit, first_explained))
        elif not m.first:
            first = first_reported.get((m.section, m.key))
            where = f" (line {first['line']})" if first else ""
            entry.update(status="repeat", rule=None,
                         note="not reported again: only the first unexplained use in a section "
                              f"is reported{where}")
        else:
            entry.update(status="not-reported", rule=None, note=_silent_why(m, ctx, config))
        if m.explained is not None and m.explained != "earlier":
            first_explained.setdefault(m.key, entry)
        out.append(entry)
    out.extend(_unjudged(ctx, keys, seen_spans, matched,
                         rule_state(config, "jargon-unexplained", ctx.audience.name)))
    out.sort(key=lambda e: (e["line"], e["column"]))
    return out


def _explained_note(m: Any, entry: dict[str, Any], doc: Any, unit: Any,
                    first_explained: dict[str, dict[str, Any]]) -> str:
    note = REASONS.get(m.explained, m.explained)
    detail = entry["detail"]
    if m.explained == "earlier":
        first = first_explained.get(m.key)
        if first is not None:
            note += f" (line {first['line']}: {first['explained']})"
    elif m.explained in ("glossary-link", "link"):
        for link in doc.links:
            if link.unit == m.unit and link.prose_start <= m.start and m.end <= link.prose_end:
                entry["url"] = link.url
                note += f" ({link.url})"
                break
    elif m.explained == "inline" and not detail:
        around = unit.text[max(0, m.start - 30): m.end + 60]
        detail = " ".join(around.split())
    entry["detail"] = detail
    return note + (f": {detail}" if detail else "")


def _silent_why(m: Any, ctx: Any, config: Config) -> str:
    """An unexplained first use that no finding reports: why not."""
    if m.term is not None and m.term.is_acronym:
        return "an acronym: left to acronym-unexpanded (PL307)"
    rule = "jargon-rare-word" if m.rare else "jargon-unexplained"
    off = rule_state(config, rule, ctx.audience.name)
    if off:
        return f"not reported: {rule} {off}"
    return f"not reported: a pladlint-disable comment suppresses {rule} here"


def _unjudged(ctx: Any, keys: set[str], seen: list[tuple[int, int]], matched: Any,
              off: str | None = None) -> list[dict[str, Any]]:
    """Uses of the word that the jargon scan did not count: in headings, in names or titles,
    or inside a longer term."""
    doc = ctx.doc
    wanted = [k.split() for k in keys if k]
    out = []
    for ui, unit in enumerate(doc.units):
        tokens = [t for t in ctx.analysis[ui].tokens if t.is_word or t.text == "-"]
        for i in range(len(tokens)):
            for words in wanted:
                n = len(words)
                run = tokens[i:i + n]
                if len(run) != n or not all(w in (t.text.lower(), t.lemma.lower())
                                            for w, t in zip(words, run)):
                    continue
                span = unit.source_span(run[0].start, run[-1].end)
                if any(a < span.end and span.start < b for a, b in seen):
                    break
                seen.append((span.start, span.end))
                line, column = _location(doc, span.start)
                out.append({"line": line, "column": column,
                            "text": doc.text[span.start:span.end],
                            "section": doc.sections[unit.section].heading, "term": None,
                            "explained": None, "detail": None, "first": False,
                            "status": "not-counted", "rule": None,
                            "note": _unjudged_why(unit, run, matched, off)})
                break
    return out


def _unjudged_why(unit: Any, run: list[Any], matched: Any, off: str | None = None) -> str:
    if unit.kind == "heading":
        return "in a heading: not counted as a use here (a heading names what it is about)"
    if off:
        return f"not counted: jargon-unexplained {off}"
    if matched is None:
        return "not counted as jargon (see the verdict above)"
    first = run[0].text
    if matched.term[:1].islower() and first[:1].isupper() and not first.isupper():
        return ("capitalised where the pack writes it in lower case: read as part of a name "
                "or title")
    return "not counted here: part of a longer listed term, or common enough for the audience"


def report_text(report: dict[str, Any]) -> str:
    """The report for people."""
    lines = [f"'{report['word']}'" + (f" (lemma '{report['lemma']}')"
                                       if report["lemma"] != report["word"].lower() else "")]
    aud = f"audience {report['audience']}"
    if report.get("audience_from"):
        aud += f" ({report['audience_from']})"
    lines.append(f"  {aud}; jargon_zipf {report['jargon_zipf']} (rules/audiences.yml)")
    if report["packs"]:
        for p in report["packs"]:
            plain = ", ".join(p["plain"]) if p["plain"] else "none listed"
            lines.append(f"  in pack {p['pack']} ({p['kind']}) as '{p['term']}'; plain "
                         f"alternatives: {plain}")
    else:
        lines.append("  in no jargon pack")
    matched = report["matched"]
    if matched and not any(p["term"] == matched["term"] for p in report["packs"]):
        lines.append(f"  matches the listed term '{report['matched']['term']}' "
                     f"({report['matched']['pack']})")
    z = f"  wordfreq Zipf {report['zipf']}"
    if report.get("lemma_zipf") is not None:
        z += f" (lemma: {report['lemma_zipf']})"
    z += (" — rarer than" if report["zipf"] < report["jargon_zipf"] else " — not rarer than") + \
        f" the audience's {report['jargon_zipf']}"
    lines.append(z)
    rare = report["rare_word"]
    if rare["rare"]:
        said = f"yes (Zipf {rare['zipf']} below {rare['threshold']}, technical-looking)"
        if rare["note"]:
            said += f", {rare['note']}"
    else:
        said = f"no ({rare['note']})" if rare["note"] else "no"
    lines.append("  unlisted rare word: " + said)
    lines.append(f"  everyday list: {'yes' if report['everyday'] else 'no'}")
    if report["project_glossary"]:
        lines.append("  project glossary file: listed (every use counts as explained)")
    if report.get("page_glossary"):
        lines.append("  page's glossary front matter: listed (every use counts as explained)")
    verdict = report["verdict"]
    lines.append("  verdict: " + (f"an unexplained use is reported by {verdict}"
                                  if verdict else "not reported as jargon")
                 + f" — {report['verdict_reason']}")
    if report.get("file") is None:
        return "\n".join(lines)
    lines.append("")
    if report.get("note"):
        lines.append(f"{report['file']}: {report['note']}")
        return "\n".join(lines)
    mentions = report["mentions"] or []
    if not mentions:
        lines.append(f"{report['file']}: '{report['word']}' does not appear in the prose")
        return "\n".join(lines)
    n = len(mentions)
    lines.append(f"{report['file']}: {n} use{'s' if n != 1 else ''}, "
                 f"{report.get('reported', 0)} reported")
    for m in mentions:
        lines.append(f"  {report['file']}:{m['line']}:{m['column']}  [{m['section']}]  "
                     f"'{m['text']}': {m['note']}")
    return "\n".join(lines)
