"""`networkday check` on timer sessions: two that share time, which counts twice in the day's figures.

One machine never writes them (starting a session ends the running one, and an edit that
would overlap is refused), but two machines' timers merged by a sync, or a hand edit,
can. Each is named at the later session, with the one it overlaps and what to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from networkday.clock import zone_of
from networkday.domain.day import Day
from networkday.domain.timer import SessionRow, describe, format_duration, overlapping
from networkday.storage.locate import locate_array
from networkday.storage.problems import DataProblem
from networkday.storage.store import Store

FIX = "shorten or delete one: S in the app lists a day's sessions ([ and ] for another day), or edit this file"


def audit_sessions(store: Store, days: Mapping[date, Day]) -> list[DataProblem]:
    """Each session that shares time with an earlier one, located at its ``[[time]]``.

    All days are swept together: a session that runs past midnight is in its start's
    file, and the next day's sessions it overlaps count twice in that day's figures.
    """
    now = store.clock.now()
    tz, moment = zone_of(now), now.timestamp()
    rows: list[SessionRow] = []
    where: list[tuple[date, int]] = []  # the day file and index of each row
    for day, record in days.items():
        for index, session in enumerate(record.time):
            end = None if session.end is None else session.end.timestamp()
            rows.append((session.kind, session.start.timestamp(), end))
            where.append((day, index))
    places: dict[date, dict[int, tuple[int, int]]] = {}
    problems = []
    for later, earlier in overlapping(rows, moment):
        shared = _shared(rows[later], rows[earlier], moment)
        if shared <= 0:  # an empty session, or a running one started after now: nothing counts twice
            continue
        day, index = where[later]
        path = store.day_path(day)
        if day not in places:  # one pass per file: locate per session is quadratic in a file of thousands
            places[day] = locate_array(path.read_text("utf-8"), "time")
        line, column = places[day].get(index, places[day].get(-1, (1, 1)))
        message = (
            f"{describe(rows[later], tz)} overlaps {describe(rows[earlier], tz)}: "
            f"their {format_duration(shared)} together counts twice; {FIX}"
        )
        problems.append(DataProblem(path, line, column, message))
    return problems


def _shared(one: SessionRow, other: SessionRow, now: float) -> float:
    ends = [now if row[2] is None else row[2] for row in (one, other)]
    return min(ends) - max(one[1], other[1])
