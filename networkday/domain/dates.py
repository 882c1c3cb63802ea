"""Dates as people type them: ISO dates and a few short words."""

from __future__ import annotations

import re
from datetime import date, timedelta

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
        return today + timedelta(days=amount * (7 if match.group(2) == "w" else 1))
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD, today, tomorrow, +3 or +2w)") from None
