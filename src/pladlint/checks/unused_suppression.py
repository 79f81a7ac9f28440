"""PL901 unused-suppression: a pladlint-disable comment that hides nothing."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Rule, Severity, Violation


class UnusedSuppression(Rule):
    code = "PL901"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "A pladlint-disable comment suppresses nothing (reported with --report-unused-disables)."
    rationale = (
        "Suppression comments are for problems a person has looked at and accepted. Once the "
        "text is rewritten, a leftover comment silently hides the next real problem of that "
        "kind in the same place. Reporting the comments that match nothing keeps the list of "
        "accepted exceptions short and true. A comment that names an unknown rule is reported "
        "too: it is usually a typo, and it hides nothing."
    )
    example = (
        "<!-- pladlint-disable-next-line jargon-unexplained -- defined in the sidebar -->\n"
        "Rest and drink water.\n"
    )
    fix = (
        "Delete the comment, or fix the rule name it gives. Run `pladlint check "
        "--report-unused-disables` (or set `report-unused-disables = true`) to list them."
    )
    tags = ("workflow",)

    def check(self, ctx: Any, options: dict[str, Any]) -> Iterator[Violation]:
        # The suppression filter (suppressions.py) reports these after every other rule
        # has run, because only then is it known which comments matched a finding.
        return iter(())
