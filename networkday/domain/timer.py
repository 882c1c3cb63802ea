"""Timer sessions as facts: start and end instants; elapsed time is always derived.

Nothing here ticks. A running session is a start instant on disk, so a crash, a closed
terminal or a dropped SSH connection loses nothing: the time keeps counting on the wall
clock until someone stops it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from networkday.domain.vocab import TIMER_KINDS
from networkday.domain.wall_time import SkippedTime, TypedTime, last_clock_time, local_instant

#: (kind, start POSIX seconds, end POSIX seconds or None while running)
SessionRow = tuple[str, float, float | None]

NETWORKING = "networking"
OTHER = "other"
HOUR = 3600.0


class TimerError(ValueError):
    """A timer change that would make the record untrue; the message is for the person."""


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

    def meets(self, goal: float | None) -> bool | None:
        """None with nothing tracked, or with no goal (the help-others mode's default)."""
        share = self.share
        return None if share is None or goal is None else share >= goal


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


def overlapping(rows: Sequence[SessionRow], now: float) -> list[tuple[int, int]]:
    """Each session (by index) that starts inside one started before it, with that one's index.

    One machine refuses such a session (``check_session``), but two machines' timers
    merged, or a hand edit, can leave one, and the time the two share counts twice.
    A running session reaches ``now``.
    """
    ends = [now if end is None else end for _, _, end in rows]
    found: list[tuple[int, int]] = []
    furthest: int | None = None  # of the sessions started so far, the one that ends last
    for index in sorted(range(len(rows)), key=lambda i: rows[i][1]):
        if furthest is not None:
            if rows[index][1] < ends[furthest]:
                found.append((index, furthest))
            if ends[index] <= ends[furthest]:
                continue
        furthest = index
    return found


def format_duration(seconds: float) -> str:
    """``1:05`` for an hour and five minutes: what fits a status bar."""
    minutes = int(max(seconds, 0) // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def combined(totals: Iterable[Totals]) -> Totals:
    """The sum of several days' totals: a week's or a month's share."""
    networking = other = 0.0
    for item in totals:
        networking += item.networking
        other += item.other
    return Totals(networking, other)


def running_row(rows: Iterable[SessionRow]) -> SessionRow | None:
    """The running session; should a hand edit leave several, the latest started one."""
    found: SessionRow | None = None
    for row in rows:
        if row[2] is None and (found is None or row[1] > found[1]):
            found = row
    return found


# -- what the widget and the status line show ------------------------------------------


@dataclass(frozen=True)
class TimerState:
    """The timer at one instant: derived from sessions and the clock, never ticking itself."""

    kind: str | None  # the running session's kind; None when stopped
    since: float | None  # the running session's start, POSIX seconds
    now: float
    today: Totals  # today's totals, the running session included up to ``now``
    goal: float | None  # the networking share aimed at, 0..1; None: no goal

    @property
    def running(self) -> bool:
        return self.kind is not None

    @property
    def elapsed(self) -> float:
        """How long the running session has run, across midnight if it must."""
        return 0.0 if self.since is None else max(self.now - self.since, 0.0)

    @property
    def below_goal(self) -> bool:
        """False before anything was tracked today: an empty morning is not a failure."""
        return self.today.meets(self.goal) is False


def timer_state(rows: Iterable[SessionRow], day: date, tz: tzinfo, now: float, goal: float | None) -> TimerState:
    """``rows`` must hold the sessions of ``day``'s neighbours and the running one, wherever it is."""
    rows = list(rows)
    current = running_row(rows)
    return TimerState(
        kind=current[0] if current else None,
        since=current[1] if current else None,
        now=now,
        today=totals_for_day(rows, day, tz, now),
        goal=goal,
    )


_LABELS = {NETWORKING: "NET", OTHER: "OTHER"}
_UTF8 = re.compile(r"utf-?8", re.IGNORECASE)


def percent(share: float | None) -> str:
    """Rounded down, so a share just under the goal never reads as meeting it."""
    if share is None:
        return "--%"
    return f"{math.floor(share * 100 + 1e-9)}%"


def goal_percent(goal: float | None) -> str:
    return "no goal" if goal is None else f"{round(goal * 100, 1):g}%"


def share_figure(share: float | None, goal: float | None) -> str:
    """``78% of 85%``, or ``78% networking`` when there is no goal."""
    return f"{percent(share)} networking" if goal is None else f"{percent(share)} of {goal_percent(goal)}"


def status_line(state: TimerState, *, ascii: bool = False) -> str:
    """``NET 0:42 · 78% of 85%``: the mode, the running session's time, today's share of the goal.

    Below the goal the words ``below goal`` are added, so nothing depends on colour;
    ``ascii`` joins the parts with `` - `` for terminals whose locale is not UTF-8.
    """
    mode = f"{_LABELS[state.kind]} {format_duration(state.elapsed)}" if state.kind else "STOPPED"
    parts = [mode, share_figure(state.today.share, state.goal)]
    if state.below_goal:
        parts.append("below goal")
    return (" - " if ascii else " · ").join(parts)


def utf8_locale(environ: Mapping[str, str]) -> bool:
    """Whether the terminal's locale is UTF-8: LC_ALL, then LC_CTYPE, then LANG decide (POSIX order)."""
    for key in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(key)
        if value:
            return bool(_UTF8.search(value))
    return False


# -- the idle question ---------------------------------------------------------------------


def idle_since(last_seen: float | None, start: float) -> float:
    """When the person was last seen during a session: never before it started.

    A session started from the shell, while the app was closed, counts as being seen.
    """
    return start if last_seen is None else max(last_seen, start)


def should_ask_idle(last_seen: float | None, start: float, now: float, idle_hours: float) -> bool:
    """Whether to ask "were you still working?" about a session running since ``start``.

    ``idle_hours`` of 0 or less turns the question off.
    """
    return idle_hours > 0 and now - idle_since(last_seen, start) > idle_hours * HOUR


# -- validating sessions -------------------------------------------------------------------


def _when(ts: float, tz: tzinfo) -> str:
    return datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%d %H:%M")


def describe(row: SessionRow, tz: tzinfo) -> str:
    """``the networking session from 2026-03-28 09:00 to 10:30``, in local time."""
    kind, start, end = row
    began = _when(start, tz)
    if end is None:
        return f"the {kind} session running since {began}"
    ended = _when(end, tz)
    if ended[:10] == began[:10]:
        ended = ended[11:]
    return f"the {kind} session from {began} to {ended}"


def check_session(
    kind: str, start: float, end: float | None, others: Iterable[SessionRow], now: float, tz: tzinfo
) -> None:
    """Refuses a session that cannot be true, with a message that names the conflict.

    It must start before it ends, lie in the past, share no time with ``others`` (the
    sessions of the neighbouring days, the running one included) and, if it is running,
    be the only one running.
    """
    if kind not in TIMER_KINDS:
        raise TimerError(f"unknown kind {kind!r} (expected {' or '.join(TIMER_KINDS)})")
    if start > now:
        raise TimerError(f"the start {_when(start, tz)} is in the future")
    others = list(others)
    if end is None:
        current = running_row(others)
        if current is not None:
            raise TimerError(f"{describe(current, tz)} is still running; stop it first")
    else:
        if end <= start:
            raise TimerError(f"the end {_when(end, tz)} must come after the start {_when(start, tz)}")
        if end > now:
            raise TimerError(f"the end {_when(end, tz)} is in the future")
    hit = overlaps(others, start, end, now)
    if hit is not None:
        raise TimerError(f"it overlaps {describe(hit, tz)}")


_CLOCK_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_at(text: str, now: datetime) -> TypedTime:
    """``09:30`` (the last 09:30 before now, local time) or an ISO date and time; never in the future.

    A time without an offset is local: one the clocks skipped is refused, one they repeated
    is taken as described in ``domain.wall_time``, with a note. The result is in ``now``'s
    zone, so its date is the local day whose file the session belongs to.
    """
    raw = text.strip()
    usage = f"{text!r} is not a time (use HH:MM or a date and time such as 2026-03-28T09:30)"
    match = _CLOCK_TIME.match(raw)
    assert now.tzinfo is not None
    try:
        if match:
            return last_clock_time(time(int(match[1]), int(match[2])), now)
        if ":" in raw:
            typed = datetime.fromisoformat(raw)
        else:
            raise TimerError(usage)
    except SkippedTime as error:
        raise TimerError(str(error)) from None
    except ValueError:
        raise TimerError(usage) from None
    if typed.tzinfo is not None:
        taken = TypedTime(typed.astimezone(now.tzinfo))
    else:
        try:
            taken = local_instant(typed, now.tzinfo, now)
        except SkippedTime as error:
            raise TimerError(str(error)) from None
    if taken.at.timestamp() > now.timestamp():
        raise TimerError(f"{raw} is in the future")
    return taken


# -- reports --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    """One day of a week's or month's report."""

    day: date
    totals: Totals
    goal: float | None

    @property
    def share(self) -> float | None:
        return self.totals.share

    @property
    def meets(self) -> bool | None:
        """None on a day with nothing tracked."""
        return self.totals.meets(self.goal)


PERIODS: tuple[str, ...] = ("week", "month")


def period_days(anchor: date, period: str, today: date) -> list[date]:
    """The calendar week (Monday first) or month holding ``anchor``, up to ``today``."""
    if period == "week":
        first = anchor - timedelta(days=anchor.weekday())
        last = first + timedelta(days=6)
    elif period == "month":
        first = anchor.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    else:
        raise ValueError(f"unknown period {period!r} (expected {' or '.join(PERIODS)})")
    last = min(last, today)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def report_rows(
    rows: Iterable[SessionRow], days: Iterable[date], tz: tzinfo, now: float, goal: float | None
) -> list[ReportRow]:
    """``rows`` must hold the sessions of the days, their neighbours and the running one."""
    rows = list(rows)
    return [ReportRow(day, totals_for_day(rows, day, tz, now), goal) for day in days]
