"""Publication dates: whatever string the input gave -> datetime.date (or None when it isn't one)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil import parser as dateparser

_EARLIEST = date(1900, 1, 1)


def parse_published(value: str | date | datetime | None, *, today: date | None = None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    else:
        s = str(value).strip()
        if not s:
            return None
        for prefix in ("published", "posted", "updated", "last updated", "date"):
            if s.lower().startswith(prefix):
                s = s[len(prefix):].lstrip(" :")
                break
        try:
            d = date.fromisoformat(s[:10])
        except ValueError:
            try:
                d = dateparser.parse(s, fuzzy=True).date()
            except (ValueError, OverflowError, TypeError):
                return None
    latest = (today or date.today()) + timedelta(days=2)  # time zones put "today" a day ahead somewhere
    return d if _EARLIEST <= d <= latest else None
