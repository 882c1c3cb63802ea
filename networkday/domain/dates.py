"""Dates as people type them: ISO dates and a few short words."""

from __future__ import annotations

import re
from datetime import date, timedelta

#: The dates networkday accepts, in files and as typed: a job search's past and future,
#: far from the calendar's ends, where a day's arithmetic (a cadence, a week's span, a
#: time zone's offset) would leave the years Python can hold.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
RANGE_TEXT = f"from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


def in_range(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


_RELATIVE = re.compile(r"^\+(\d{1,4})\s*([dw]?)$")


def parse_when(text: str, today: date) -> date:
    """``2026-12-01``, ``today``, ``tomorrow``, ``+3`` or ``+3d`` (days), ``+2w`` (weeks).

    Raises ValueError with a message fit to show beside the field.
    """
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "yesterday":
        return today - timedelta(days=1)
    match = _RELATIVE.match(word)
    if match:
        amount = int(match.group(1))
        day = today + timedelta(days=amount * (7 if match.group(2) == "w" else 1))
    else:
        try:
            day = date.fromisoformat(word)
        except ValueError:
            raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD, today, tomorrow, +3 or +2w)") from None
    if not in_range(day):
        raise ValueError(f"{text!r} is outside the dates networkday accepts ({RANGE_TEXT})")
    return day
