"""PL305 heading-skip: a heading level skipped going down (## followed by ####)."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Rule, Severity, Violation


class HeadingSkip(Rule):
    code = "PL305"
    name = "heading-skip"
    severity = Severity.WARNING
    summary = "A heading skips a level going down, e.g. '##' followed by '####'."
    rationale = (
        "Heading levels are the outline of the page. Screen reader users list the headings to "
        "understand how a page is built and to jump to the part they need; a skipped level "
        "('##' then '####') suggests a missing section and breaks that outline. WCAG 2.2 "
        "success criterion 1.3.1 (Info and Relationships) asks that structure shown visually "
        "also be in the markup; pick heading levels for structure, not for their size."
    )
    example = "## Side effects\n\n#### Hair loss\n"
    fix = "Go down one level at a time: '## Side effects' then '### Hair loss'."
    tags = ("accessibility", "headings", "wcag-1.3.1")

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        previous = 0
        for section in ctx.doc.sections:
            if section.level == 0 or section.heading_span is None:
                continue
            if previous and section.level > previous + 1:
                want = previous + 1
                message = (f"heading goes from level {previous} to level {section.level}, "
                           f"skipping a level; make it level {want} ('{'#' * want}')")
                yield Violation(section.heading_span, message, suggestion="#" * want,
                                section=section.index)
            previous = section.level
