"""Reading review metadata: dates, review frequencies, and where a key sits in front matter."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any


# Named frequencies, in months (a number of days is given as an integer or "90 days").
NAMED_FREQUENCIES = {
    "monthly": 1, "bimonthly": 2, "quarterly": 3, "semiannual": 6, "semiannually": 6,
    "semi-annual": 6, "semi-annually": 6, "half-yearly": 6, "biannual": 6, "biannually": 6,
    "yearly": 12, "annual": 12, "annually": 12, "biennial": 24, "biennially": 24,
}
_AMOUNT = re.compile(r"^(?:every\s+)?(\d+)\s*(day|week|month|year)s?$", re.I)
_ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$", re.I)


@dataclass(frozen=True)
class Period:
    months: int = 0
    days: int = 0

    def after(self, start: dt.date) -> dt.date:
        year, month = divmod(start.month - 1 + self.months, 12)
        year, month = start.year + year, month + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day) + dt.timedelta(days=self.days)


def parse_date(value: Any) -> dt.date | None:
    """A date from YAML (a date, a datetime, or an ISO 8601 string); None if unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10]) if re.match(
                r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]*)?$", text) else None
        except ValueError:
            return None
    return None


def parse_frequency(value: Any) -> Period | None:
    """monthly, quarterly, yearly..., a number of days, '90 days', '6 months', 'P1Y'."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Period(days=value) if value > 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if text in NAMED_FREQUENCIES:
        return Period(months=NAMED_FREQUENCIES[text])
    if text.isdigit() and int(text) > 0:
        return Period(days=int(text))
    m = _AMOUNT.match(text)
    if m and int(m.group(1)) > 0:
        n, unit = int(m.group(1)), m.group(2).lower()
        return {"day": Period(days=n), "week": Period(days=7 * n),
                "month": Period(months=n), "year": Period(months=12 * n)}[unit]
    m = _ISO_DURATION.match(value.strip())
    if m and any(m.groups()):
        y, mo, w, d = (int(g or 0) for g in m.groups())
        period = Period(months=12 * y + mo, days=7 * w + d)
        return period if period.months or period.days else None
    return None
