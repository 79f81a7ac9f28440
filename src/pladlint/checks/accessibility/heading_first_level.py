"""PL306 heading-first-level: the page's first heading is not at the expected level."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation


class HeadingFirstLevel(Rule):
    code = "PL306"
    name = "heading-first-level"
    severity = Severity.WARNING
    summary = "The first heading of the page is not at the expected level (default '#')."
    rationale = (
        "The first heading tells a screen reader user what the page is about and starts its "
        "outline (WCAG 2.2 success criteria 1.3.1 Info and Relationships and 2.4.6 Headings "
        "and Labels). A page that opens with '###' leaves a gap at the top of the outline. "
        "Sites that print the front matter title as the page's '#' heading should set the "
        "expected level to 2."
    )
    example = "### Preparing for surgery\n\nEat nothing after midnight.\n"
    fix = "Start the page with a '#' heading that names it (or the configured level)."
    tags = ("accessibility", "headings", "wcag-1.3.1", "wcag-2.4.6")
    options = {
        "level": Option(1, int, "Level the first heading must have (1 for '#', 2 for '##')."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        want = options["level"]
        for section in ctx.doc.sections:
            if section.level == 0 or section.heading_span is None:
                continue
            if section.level != want:
                message = (f"first heading is level {section.level} ('{'#' * section.level}'); "
                           f"pages here start at level {want} ('{'#' * want}')")
                yield Violation(section.heading_span, message, suggestion="#" * want,
                                section=section.index)
            return
