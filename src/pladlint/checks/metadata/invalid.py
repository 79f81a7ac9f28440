"""PL402 metadata-invalid: review metadata that cannot be read."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.document.front_spans import key_span
from pladlint.document.review_dates import parse_date, parse_frequency


class MetadataInvalid(Rule):
    code = "PL402"
    name = "metadata-invalid"
    severity = Severity.WARNING
    summary = "A review date or review frequency in the front matter cannot be read."
    rationale = (
        "Review dates only keep content fresh if tools can read them. A date written "
        "'30/12/2025' or 'last winter', a review date in the future, or a frequency such as "
        "'sometimes' silently turns off the overdue check, so a stale page looks fine."
    )
    example = "---\nlastReviewed: 30/12/2025\nreviewFrequency: sometimes\n---\n"
    fix = (
        "Write dates as YYYY-MM-DD (lastReviewed: 2025-12-30) and the frequency as monthly, "
        "quarterly, yearly, a number of days, or '6 months'."
    )
    tags = ("content-health", "metadata")
    options = {
        "date-keys": Option(["lastReviewed"], list, "Front matter keys that must hold dates."),
        "frequency-key": Option("reviewFrequency", str,
                                "Front matter key holding how often the page is reviewed."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        doc, meta = ctx.doc, ctx.doc.metadata
        for key in options["date-keys"]:
            if key not in meta or meta[key] in (None, ""):
                continue
            value = meta[key]
            date = parse_date(value)
            if date is None:
                yield Violation(key_span(doc, key),
                                f"{key} '{value}' is not a date; write it as YYYY-MM-DD")
            elif date > ctx.today:
                yield Violation(key_span(doc, key),
                                f"{key} {date.isoformat()} is in the future (today is "
                                f"{ctx.today.isoformat()}); use the date the page was reviewed")
        key = options["frequency-key"]
        value = meta.get(key)
        if value not in (None, "") and parse_frequency(value) is None:
            yield Violation(key_span(doc, key),
                            f"{key} '{value}' cannot be read; use monthly, quarterly, yearly, "
                            "a number of days, or an amount such as '6 months'")
