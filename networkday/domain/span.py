"""Lengths of time as typed on the command line (``10m``, ``1h30m``): an alarm's lead, a reminder's window."""

from __future__ import annotations

import re
from datetime import timedelta

_PART = re.compile(r"(\d{1,5})([dhms])")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
#: No reminder or alarm is set a week or more ahead: a longer span is a typo.
LONGEST = timedelta(days=7)


def parse_span(text: str) -> timedelta:
    """``10m``, ``2h``, ``1h30m``, ``45s``, ``1d``, or a bare number of minutes; ValueError says what was wrong."""
    word = text.strip().lower().replace(" ", "")
    if word.isdigit():
        word += "m"
    parts = _PART.findall(word)
    if not word or "".join(number + unit for number, unit in parts) != word:
        raise ValueError(f"{text!r} is not a length of time (use 10m, 2h, 1h30m or 45s)")
    span = sum((timedelta(**{_UNITS[unit]: int(number)}) for number, unit in parts), timedelta())
    if span >= LONGEST:
        raise ValueError(f"{text!r} is a week or more; use less than 7d")
    return span
