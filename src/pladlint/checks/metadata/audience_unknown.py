"""PL001 audience-unknown: the front matter names an audience pladlint has no targets for."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.vocab.audiences import load_audiences
from pladlint.checks.base import Rule, Severity, Violation
from pladlint.document.front_spans import key_span


class AudienceUnknown(Rule):
    code = "PL001"
    name = "audience-unknown"
    severity = Severity.WARNING
    summary = "The front matter names an audience that has no reading targets."
    rationale = (
        "Every readability rule checks a page against its audience's targets (grade level, "
        "sentence length). When `audienceLevel` names an audience pladlint does not know, "
        "probably a typo, the page is checked against the default profile instead, which may "
        "be far too strict or too lenient. The known audiences and their aliases are listed "
        "in rules/audiences.yml."
    )
    example = "---\naudienceLevel: patiens\n---\n\n# Chemotherapy\n"
    fix = "Use one of the known audiences (patient, caregiver, general, professional) or an alias."
    tags = ("page", "configuration")
    options = {}

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        unknown = ctx.settings.unknown_audience
        if not unknown:
            return
        known = ", ".join(load_audiences().names)
        yield Violation(
            key_span(ctx.doc, ("audienceLevel", "audience"), value_only=True),
            f"unknown audience '{unknown}': the page is checked against the "
            f"'{ctx.audience.name}' targets instead; use one of {known}",
            suggestion=ctx.audience.name,
            data={"audience": unknown, "used": ctx.audience.name},
        )
