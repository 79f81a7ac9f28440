"""PL403 metadata-missing: a front matter key the project requires is absent or empty."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.document.front_spans import fence_span


class MetadataMissing(Rule):
    code = "PL403"
    name = "metadata-missing"
    severity = Severity.WARNING
    summary = "A front matter key the project requires (rule option 'required') is missing."
    rationale = (
        "Teams that keep health content fresh rely on every page saying who it is for and "
        "when it was last reviewed; a page without lastReviewed is never reported as "
        "overdue. Which keys are required is a project decision, so the list is empty until "
        "the configuration names them."
    )
    example = "---\ntitle: Hair loss\n---\n"
    fix = "Add the missing keys to the front matter, e.g. 'lastReviewed: 2026-05-04'."
    tags = ("content-health", "metadata")
    options = {
        "required": Option([], list, "Front matter keys every page must set, e.g. "
                                     "['lastReviewed', 'reviewFrequency', 'audienceLevel']."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        meta = ctx.doc.metadata
        missing = [k for k in options["required"] if meta.get(k) in (None, "", [], {})]
        if not missing:
            return
        where = "front matter" if ctx.doc.front_matter.format else "page (it has no front matter)"
        for key in missing:
            state = "empty" if key in meta else "missing"
            yield Violation(fence_span(ctx.doc), f"required key '{key}' is {state} in the {where}",
                            data={"key": key})
