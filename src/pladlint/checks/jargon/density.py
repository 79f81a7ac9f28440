"""PL203 jargon-density: a section uses too many unexplained terms for its length."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.checks.jargon.scan import acronym_uses, scan
from pladlint.positions import Span


class JargonDensity(Rule):
    code = "PL203"
    name = "jargon-density"
    severity = Severity.WARNING
    summary = "A section has more unexplained jargon per 100 words than the set limit."
    rationale = (
        "One unexplained term is a speed bump; several in a short passage stop a reader. "
        "Jargon density is the number of unexplained uses of listed medical terms, rare "
        "technical words and acronyms not yet spelled out per 100 words of a section (also given as `jargon_density` in the "
        "JSON section summary). A content lead can set the limit a section must stay under."
    )
    example = (
        "## Treatment\n\nAdjuvant chemoradiation after a lobectomy lowers the risk of "
        "locoregional recurrence and metastasis.\n"
    )
    fix = (
        "Explain or replace the terms the section needs, drop the ones it does not, and "
        "spread the rest over more plain sentences."
    )
    tags = ("plain-language", "jargon")
    audiences = ("patient", "caregiver", "general")
    languages = ("en",)
    options = {
        "max-density": Option(4.0, (float, int),
                              "Highest unexplained jargon uses per 100 words in a section."),
        "min-words": Option(50, int, "Sections with fewer words are not judged (too noisy)."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        result = scan(ctx)
        acronyms = acronym_uses(ctx)
        limit = float(options["max-density"])
        for section in ctx.doc.sections:
            words = result.section_words.get(section.index, 0)
            if words < options["min-words"]:
                continue
            density = result.density(section.index, acronyms.get(section.index, 0))
            if density <= limit:
                continue
            terms = sorted({ctx.doc.units[m.unit].text[m.start : m.end].lower()
                            for m in result.unexplained_by_section.get(section.index, ())})
            shown = ", ".join(terms[:5]) + (", ..." if len(terms) > 5 else "")
            span = section.heading_span or _first_unit_span(ctx, section)
            yield Violation(
                span,
                f"section has {density:.1f} unexplained terms and acronyms per 100 words (limit "
                f"{limit:g}): {shown}; explain or replace some of them",
                section=section.index, data={"density": density},
            )


def _first_unit_span(ctx, section) -> Span:
    for ui in section.units:
        unit = ctx.doc.units[ui]
        if unit.text.strip():
            return unit.source_span(0, len(unit.text.rstrip()))
    return Span(0, 0)
