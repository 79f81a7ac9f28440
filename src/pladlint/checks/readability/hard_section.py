"""PL109 difficulty: a section harder to read than its audience's `max_difficulty`."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.context import SHORT_FLOOR
from pladlint.checks.readability.difficulty import (
    difficulty_scan,
    hardest_sentences,
    hotspot,
    reasons,
)

MAX_SHOWN = 3  # hardest sentences named in a finding


class SectionDifficulty(Rule):
    code = "PL109"
    name = "difficulty"
    severity = Severity.INFO
    summary = "A section is harder to read than its audience's difficulty target."
    rationale = (
        "Grade formulas count only sentence and word length; readers stumble on words they "
        "do not know. pladlint's difficulty (0-100, higher is harder) weighs sentence length, "
        "how rare the words are in everyday English, unexplained jargon and acronyms, formal "
        "words and numbers, with weights fitted to how people rated the difficulty of medical "
        "sentences (rules/difficulty.yml). It ranks the hardest sentences better than any "
        "grade formula does, so it is what to fix first. A section above its audience's "
        "`max_difficulty` (rules/audiences.yml) is reported at its heading, with the "
        "sentences that score highest and what makes each hard; `pladlint explain-difficulty "
        "PAGE` shows every part. It is an info because content leads set grade targets; "
        "raise it to a warning in the configuration to enforce it."
    )
    example = (
        "## Treatment\n\nPatients with metastatic disease receive adjuvant chemotherapy and "
        "radiotherapy; hepatotoxicity and myelosuppression necessitate CBC monitoring.\n"
    )
    fix = (
        "Start with the sentences named: explain or replace the unexplained terms, spell out "
        "acronyms, use everyday words, and split long sentences."
    )
    tags = ("plain-language", "readability")
    audiences = ("patient", "caregiver", "general")
    languages = ("en",)
    options = {
        "max": Option(None, (int, float, type(None)),
                      "Highest difficulty of a section (default: the audience's max_difficulty)."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        limit = options["max"] if options["max"] is not None else ctx.audience.max_difficulty
        if limit is None:
            return
        doc = ctx.doc
        for index, d in sorted(difficulty_scan(ctx).sections.items()):
            if d.value <= limit or ctx.section_scores[index].words < SHORT_FLOOR:
                continue  # a few words (a list of links) are no text to judge
            section = doc.sections[index]
            hard = [hotspot(ctx, s) for s in hardest_sentences(ctx, (index,), MAX_SHOWN)]
            if not hard:
                continue  # headings or labels only: nothing a writer could rewrite
            why = reasons(d)
            text = (f"section '{section.heading}' has difficulty {d.value:g} (0-100); the most "
                    f"for {ctx.audience.name} pages is {limit:g}")
            if why:
                text += f", mostly from {' and '.join(why)}"
            text += "; hardest sentences: " + ", ".join(
                f"line {h['line']}:{h['column']} ({h['difficulty']:g}"
                + (f": {', '.join(h['why'])}" if h["why"] else "") + ")" for h in hard)
            span = section.heading_span or doc.units[section.units[0]].block
            quotes = "; ".join(f"{h['line']}:{h['column']} \"{h['excerpt']}\"" for h in hard)
            yield Violation(
                span, text, suggestion=f"simplify {quotes}", section=index,
                data={"difficulty": d.value, "max": limit, "sentences": hard,
                      "parts": {p.feature: round(p.points, 1) for p in d.parts}},
            )
