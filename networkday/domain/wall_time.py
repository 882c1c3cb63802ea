"""Local times typed without an offset, on the days daylight saving skips or repeats an hour.

A typed ``02:30`` on the night the clocks spring forward names no instant: it is refused,
with the span the clocks skipped. A typed ``01:30`` on the night they fall back names two:
the later one that is not in the future is taken (at 01:40 on the second pass, "01:30"
meant ten minutes ago), and a note says which one, and how to type the other.

A clock time typed alone (``17:30``) is the last time the clocks showed it: at 09:00 that
is yesterday evening, never "in the future". A person answering "when did you stop?" the
morning after means last night.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

_MINUTE = timedelta(minutes=1)


class SkippedTime(ValueError):
    """A wall time the clocks jumped over; the message names the span, for the person."""


@dataclass(frozen=True)
class TypedTime:
    """The instant a typed time was taken as, and a note when it could have been another."""

    at: datetime
    note: str | None = None


def exists(wall: datetime, tz: tzinfo) -> bool:
    """Whether the naive ``wall`` is ever shown by clocks in ``tz`` (False in a skipped span)."""
    return wall.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None) == wall


def repeated(wall: datetime, tz: tzinfo) -> bool:
    """Whether the naive ``wall`` is shown twice by clocks in ``tz`` (the hour they went back)."""
    first, second = wall.replace(tzinfo=tz, fold=0), wall.replace(tzinfo=tz, fold=1)
    return first.utcoffset() != second.utcoffset() and exists(wall, tz)


def local_instant(wall: datetime, tz: tzinfo, now: datetime) -> TypedTime:
    """The instant the naive ``wall`` names in ``tz``; SkippedTime in a gap, a note when repeated."""
    if not exists(wall, tz):
        raise SkippedTime(_skipped(wall, tz))
    first, second = wall.replace(tzinfo=tz, fold=0), wall.replace(tzinfo=tz, fold=1)
    if not repeated(wall, tz):
        return TypedTime(first)
    # Aware datetimes in one zone compare by wall time alone, fold ignored: compare instants.
    if second.timestamp() <= now.timestamp():
        taken, other, which = second, first, "second"
    else:
        taken, other, which = first, second, "first"
    note = (
        f"{wall:%H:%M} came twice on {wall:%Y-%m-%d} as the clocks went back; took the {which}"
        f" ({_offset(taken)}); for the other, type {other.isoformat(timespec='minutes')}"
    )
    return TypedTime(taken, note)


def last_clock_time(at: time, now: datetime) -> TypedTime:
    """The last instant at or before ``now`` whose local clock showed ``at``: today, else yesterday.

    Today's is taken when it has come (in the hour the clocks repeated, as ``local_instant``
    says); a time still ahead today is yesterday's, with a note naming that day. A time the
    clocks skipped today and that is behind us is refused, as it names no instant.
    """
    tz = now.tzinfo
    assert tz is not None
    today = now.date()
    try:
        taken = local_instant(datetime.combine(today, at), tz, now)
    except SkippedTime:
        if at <= now.time():
            raise
    else:
        if taken.at.timestamp() <= now.timestamp():
            return taken
    import pendulum  # calendar arithmetic; only here, off the start-up path

    before = pendulum.date(today.year, today.month, today.day).subtract(days=1)
    yesterday = local_instant(datetime.combine(before, at), tz, now)
    note = yesterday.note or f"{at:%H:%M} has not come yet today: took yesterday's, {before:%a %-d %b}"
    return TypedTime(yesterday.at, note)


def _skipped(wall: datetime, tz: tzinfo) -> str:
    start = wall
    for _ in range(24 * 60):  # gaps last an hour, rarely two; a day bounds the walk
        if exists(start - _MINUTE, tz):
            break
        start -= _MINUTE
    before = wall.replace(tzinfo=tz, fold=0).utcoffset() or timedelta(0)
    after = wall.replace(tzinfo=tz, fold=1).utcoffset() or timedelta(0)
    end = start + (after - before)
    return f"{wall:%H:%M} does not exist on {wall:%Y-%m-%d}: the clocks went forward from {start:%H:%M} to {end:%H:%M}"


def _offset(at: datetime) -> str:
    name = at.tzname() or ""
    offset = at.isoformat(timespec="minutes")[-6:]
    return f"{name}, UTC{offset}" if name and not name.startswith(("+", "-")) else f"UTC{offset}"
