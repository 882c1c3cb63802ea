"""`networkday check` on timer sessions: two in one day file that share time, which counts twice.

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
from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem
from networkday.storage.store import Store

FIX = "shorten or delete one: S in the app lists a day's sessions ([ and ] for another day), or edit this file"


def audit_sessions(store: Store, days: Mapping[date, Day]) -> list[DataProblem]:
    """Each session that shares time with an earlier one of its day, located at its ``[[time]]``."""
    now = store.clock.now()
    tz, moment = zone_of(now), now.timestamp()
    problems = []
    for day, record in days.items():
        rows: list[SessionRow] = [
            (session.kind, session.start.timestamp(), None if session.end is None else session.end.timestamp())
            for session in record.time
        ]
        found = overlapping(rows, moment)
        if not found:
            continue
        path = store.day_path(day)
        source = path.read_text("utf-8")
        for later, earlier in found:
            shared = _shared(rows[later], rows[earlier], moment)
            message = (
                f"{describe(rows[later], tz)} overlaps {describe(rows[earlier], tz)}: "
                f"their {format_duration(shared)} together counts twice; {FIX}"
            )
            line, column = locate(source, ("time", later))
            problems.append(DataProblem(path, line, column, message))
    return problems


def _shared(one: SessionRow, other: SessionRow, now: float) -> float:
    ends = [now if row[2] is None else row[2] for row in (one, other)]
    return min(ends) - max(one[1], other[1])
