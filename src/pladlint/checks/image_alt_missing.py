"""PL301 image-alt-missing: an image without alternative text."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Rule, Severity, Violation


class ImageAltMissing(Rule):
    code = "PL301"
    name = "image-alt-missing"
    severity = Severity.ERROR
    summary = "An image has no alt text, or an empty one."
    rationale = (
        "People who use screen readers hear an image's alt text instead of seeing it; without "
        "it they hear the file name or nothing at all, and lose what the picture shows. WCAG "
        "2.2 success criterion 1.1.1 (Non-text Content) requires a text alternative for every "
        "image that carries information."
    )
    example = "![](/images/port-placement.png)\n"
    fix = (
        "Describe what the image shows and why it is there: "
        "![A port placed under the skin below the collarbone](/images/port-placement.png)."
    )
    tags = ("accessibility", "wcag-1.1.1")

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        for image in ctx.doc.images:
            if image.alt is None:
                message = "image has no alt attribute; add alt text that says what it shows"
            elif not image.alt.strip():
                message = "image has empty alt text; describe what it shows"
            else:
                continue
            yield Violation(image.span, message, section=image.section)
