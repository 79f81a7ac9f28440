"""PL304 heading-empty: a heading marker with no text after it."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Rule, Severity, Violation


class HeadingEmpty(Rule):
    code = "PL304"
    name = "heading-empty"
    severity = Severity.WARNING
    summary = "A heading has no text (a '##' alone on its line)."
    rationale = (
        "Screen reader users move through a page by its headings; an empty heading is "
        "announced as 'heading level 2' and nothing else, and the text meant as the heading "
        "is read as an ordinary paragraph. WCAG 2.2 success criteria 1.3.1 (Info and "
        "Relationships) and 2.4.6 (Headings and Labels) ask that headings be marked up as "
        "headings and describe their section. Exports from web content systems often leave "
        "the heading text on the line below the '##'."
    )
    example = "##\n\nWhat is targeted therapy?\n\nTargeted therapy is a type of cancer treatment.\n"
    fix = "Put the heading text on the heading line: '## What is targeted therapy?'"
    tags = ("accessibility", "headings", "wcag-1.3.1", "wcag-2.4.6")

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        for section in ctx.doc.sections:
            if section.level == 0 or not section.empty_heading or section.heading_span is None:
                continue
            marker = "#" * section.level
            if section.heading:
                name = section.heading if len(section.heading) <= 80 else section.heading[:77] + "..."
                message = (f"empty heading; the text under it ('{name}') reads as a paragraph: "
                           "put it on the heading line")
                suggestion = f"{marker} {name}"
            else:
                message = "empty heading; give it text that names the section, or remove it"
                suggestion = None
            yield Violation(section.heading_span, message, suggestion=suggestion,
                            section=section.index)
