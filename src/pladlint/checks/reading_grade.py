"""PL101 reading-grade: a section reads above its audience's target grade."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation


class ReadingGrade(Rule):
    code = "PL101"
    name = "reading-grade"
    severity = Severity.WARNING
    summary = "A section reads above the target grade level for its audience."
    rationale = (
        "Half of U.S. adults read at or below an 8th-grade level, and health literacy is lower "
        "still: the CDC and NIH advise writing patient material at grade 6 to 8. A section "
        "scored above its audience's target will lose many of the readers it is written for. "
        "The grade is the median of five grade-level formulas (Flesch-Kincaid, SMOG, "
        "Coleman-Liau, Gunning Fog, ARI) computed on the section's prose only."
    )
    example = (
        "## Treatment\n\nPharmacological interventions targeting oncogenic signalling "
        "pathways demonstrate considerable therapeutic efficacy in appropriately selected "
        "patient populations.\n"
    )
    fix = (
        "Use shorter sentences (15-20 words) and everyday words. Split long sentences, turn "
        "lists of items into bullets, and replace long words with short ones."
    )
    options = {
        "target": Option(None, (int, float, type(None)), "Override the audience's target grade."),
        "error-grade": Option(None, (int, float, type(None)),
                              "Grade from which the finding is an error (default: audience)."),
        "min-words": Option(None, (int, type(None)),
                            "Sections with fewer words are not scored alone (default: audience)."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        if ctx.language != "en":
            return
        target = options["target"] if options["target"] is not None else ctx.audience.target_grade
        error_grade = (options["error-grade"] if options["error-grade"] is not None
                       else ctx.audience.error_grade)
        min_words = options["min-words"] if options["min-words"] is not None else ctx.audience.min_words
        doc = ctx.doc
        for score in ctx.section_scores:
            grade = score.scores.grade
            if grade is None or score.scores.words < min_words or grade <= target:
                continue
            section = doc.sections[score.section]
            span = section.heading_span or doc.units[section.units[0]].block
            severity = Severity.ERROR if grade >= error_grade else None
            yield Violation(
                span,
                f"section '{section.heading}' reads at grade {grade:g}; the target for "
                f"{ctx.audience.name} pages is {target:g} or lower",
                suggestion="use shorter sentences and everyday words",
                severity=severity,
                section=section.index,
                data={"grade": grade, "target": target},
            )
