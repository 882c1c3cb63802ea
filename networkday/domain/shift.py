"""Moving every date in a record by whole days: how the demo data stays current.

The demo is written for one fixed day. Shifting all of its dates by the same number of
days keeps every relation in it intact (follow-ups due, calls made yesterday, a session
that ran this morning) while its last day becomes today.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def shift_dates(value: Any, days: int) -> Any:
    """A copy of ``value`` with every date and datetime moved by ``days`` days.

    Walks tables and arrays as tomllib returns them. An offset datetime keeps its offset
    and its wall-clock time, so a call at 09:30 stays at 09:30 on its new day. Times of
    day, strings, numbers and booleans come back unchanged.
    """
    delta = timedelta(days=days)

    def walk(item: Any) -> Any:
        if isinstance(item, dict):
            return {key: walk(inner) for key, inner in item.items()}
        if isinstance(item, list):
            return [walk(inner) for inner in item]
        if isinstance(item, date):  # a datetime is a date too
            return item + delta
        return item

    return walk(value)
