"""Timer sessions as facts: start and end instants; elapsed time is always derived.

Nothing here ticks. A running session is a start instant on disk, so a crash, a closed
terminal or a dropped SSH connection loses nothing: the time keeps counting on the wall
clock until someone stops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

#: (kind, start POSIX seconds, end POSIX seconds or None while running)
SessionRow = tuple[str, float, float | None]


@dataclass(frozen=True)
class Totals:
    networking: float = 0.0
    other: float = 0.0

    @property
    def total(self) -> float:
        return self.networking + self.other

    @property
    def share(self) -> float | None:
        """Networking's share of the tracked time; None before anything was tracked."""
        return self.networking / self.total if self.total > 0 else None

    def meets(self, goal: float) -> bool | None:
        share = self.share
        return None if share is None else share >= goal


def day_bounds(day: date, tz: tzinfo) -> tuple[float, float]:
    """Local midnight to local midnight as POSIX seconds; 23 or 25 hours on DST days."""
    start = _local_midnight(day, tz)
    end = _local_midnight(day + timedelta(days=1), tz)
    return start, end


def _local_midnight(day: date, tz: tzinfo) -> float:
    # pendulum's zones are zoneinfo zones, so the stdlib resolves DST for them correctly.
    return datetime.combine(day, time(0), tzinfo=tz).timestamp()


def totals_for_day(sessions: Iterable[SessionRow], day: date, tz: tzinfo, now: float) -> Totals:
    """Counts only the part of each session inside the local day; running ones end at ``now``."""
    low, high = day_bounds(day, tz)
    networking = other = 0.0
    for kind, start, end in sessions:
        stop = now if end is None else end
        overlap = min(stop, high) - max(start, low)
        if overlap <= 0:
            continue
        if kind == "networking":
            networking += overlap
        else:
            other += overlap
    return Totals(networking, other)


def overlaps(sessions: Iterable[SessionRow], start: float, end: float | None, now: float) -> SessionRow | None:
    """The first session that shares time with [start, end); a running one reaches ``now``."""
    stop = now if end is None else end
    for row in sessions:
        other_end = now if row[2] is None else row[2]
        if start < other_end and row[1] < stop:
            return row
    return None


def format_duration(seconds: float) -> str:
    """``1:05`` for an hour and five minutes: what fits a status bar."""
    minutes = int(max(seconds, 0) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"
