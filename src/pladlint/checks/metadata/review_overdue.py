"""PL401 metadata-review-overdue: the page's review date plus its review frequency is past."""

from __future__ import annotations

from typing import Any, Iterator

from pladlint.checks.base import Option, Rule, Severity, Violation
from pladlint.document.front_spans import key_span
from pladlint.document.review_dates import parse_date, parse_frequency


class MetadataReviewOverdue(Rule):
    code = "PL401"
    name = "metadata-review-overdue"
    severity = Severity.WARNING
    summary = "The page is past its review date (lastReviewed plus reviewFrequency)."
    rationale = (
        "Health advice changes: new drugs are approved, screening ages move, phone numbers "
        "and services close. A page that promises a review every quarter and has not been "
        "reviewed for a year may now be wrong, and readers cannot tell. The due date is "
        "lastReviewed plus reviewFrequency (monthly, quarterly, yearly, a number of days, or "
        "'6 months'); 'today' is the date the check runs, or --today."
    )
    example = "---\nlastReviewed: 2025-01-15\nreviewFrequency: quarterly\n---\n"
    fix = (
        "Review the page against current guidance, then update lastReviewed to the date of "
        "the review (and reviewFrequency if the page needs a different pace)."
    )
    tags = ("content-health", "metadata")
    options = {
        "date-key": Option("lastReviewed", str, "Front matter key holding the last review date."),
        "frequency-key": Option("reviewFrequency", str,
                                "Front matter key holding how often the page is reviewed."),
        "default-frequency": Option("", str, "Frequency for pages that give none (e.g. "
                                             "'yearly'); empty: such pages are not checked."),
    }

    def check(self, ctx, options: dict[str, Any]) -> Iterator[Violation]:
        meta = ctx.doc.metadata
        date_key, freq_key = options["date-key"], options["frequency-key"]
        reviewed = parse_date(meta.get(date_key))
        raw_frequency = meta.get(freq_key) or options["default-frequency"] or None
        period = parse_frequency(raw_frequency) if raw_frequency is not None else None
        if reviewed is None or period is None:
            return  # nothing to check, or metadata-invalid reports it
        try:
            due = period.after(reviewed)
        except (ValueError, OverflowError):
            return  # a period so long the due date is past the calendar's end: never due
        if ctx.today <= due:
            return
        late = (ctx.today - due).days
        message = (f"review overdue: last reviewed {reviewed.isoformat()}, reviewed "
                   f"{raw_frequency}, so due {due.isoformat()} ({late} days ago); review the "
                   f"page and update {date_key}")
        yield Violation(key_span(ctx.doc, date_key), message,
                        data={"due": due.isoformat(), "days_overdue": late})
