"""The one seam for time: the app asks a clock, so tests and snapshots can fix it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, aware, in the user's local time zone."""
        ...

    def today(self) -> date: ...


def zone_of(now: datetime) -> tzinfo:
    """The zone of an instant a clock gave: every clock answers with an aware datetime."""
    assert now.tzinfo is not None
    return now.tzinfo


class SystemClock:
    """Wall-clock time in the local zone through pendulum: only when ``/etc/localtime`` cannot
    be read and no ``TZ`` is set, since pendulum also looks at ``/etc/timezone`` and the like."""

    warning: str | None = None

    def __init__(self, timezone: str | None = None) -> None:
        import pendulum

        self._pendulum = pendulum
        self._tz = pendulum.timezone(timezone) if timezone else pendulum.local_timezone()

    @property
    def tz(self) -> tzinfo:
        return self._tz

    def now(self) -> datetime:
        # pendulum.now(zone) is DateTime.now(zone), typed for named zones only: the local zone may be a fixed offset.
        return self._pendulum.DateTime.now(self._tz)

    def today(self) -> date:
        return self.now().date()


class ZoneClock:
    """Wall-clock time in one zone, through the standard library: no pendulum to import."""

    def __init__(self, zone: tzinfo, warning: str | None = None) -> None:
        self.tz = zone
        #: Why this is not the zone asked for (an unreadable ``TZ``): shown once, never fatal.
        self.warning = warning

    def now(self) -> datetime:
        return datetime.now(self.tz)

    def today(self) -> date:
        return self.now().date()


def zone_clock(environ: Mapping[str, str] | None = None) -> ZoneClock | None:
    """The system clock read by zoneinfo; None when it cannot be (then ``SystemClock``).

    The zone is found as the C library finds it (see ``networkday.zone``), so what the app
    and the commands print matches ``date``. Importing pendulum costs 20 ms of every start,
    which ``timer status`` in a status bar and the app's first frame should not pay. A
    pinned ``NETWORKDAY_NOW``, or no ``TZ`` and no readable ``/etc/localtime``, gives None.
    """
    import os

    from networkday.zone import zone_from_environ

    env = os.environ if environ is None else environ
    if env.get("NETWORKDAY_NOW"):
        return None
    zone = zone_from_environ(env)
    return None if zone is None else ZoneClock(zone.tz, zone.warning)


def zone_warning(clock: Clock) -> str | None:
    """What the user should know about the clock's zone (a ``TZ`` that could not be read)."""
    return getattr(clock, "warning", None)


class FixedClock:
    """A clock that only moves when told to; for tests, snapshots and the demo."""

    def __init__(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = instant

    @property
    def tz(self) -> tzinfo:
        assert self._now.tzinfo is not None
        return self._now.tzinfo

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.date()

    def advance(self, **delta: float) -> None:
        from datetime import timedelta

        self._now = self._now + timedelta(**delta)

    def set(self, instant: datetime) -> None:
        self._now = instant


def clock_from_environ(environ: Mapping[str, str] | None = None) -> Clock:
    """``NETWORKDAY_NOW`` pins the clock (for end-to-end tests and screenshots); else wall time.

    A pinned instant whose offset is the local zone's at that instant is pinned in that
    zone, so the days around it keep their daylight-saving rules (a typed time in the hour
    the clocks skipped is refused there too); with another offset it stays a fixed offset.
    """
    import os
    from datetime import datetime

    env = os.environ if environ is None else environ
    pinned = env.get("NETWORKDAY_NOW")
    if pinned:
        instant = datetime.fromisoformat(pinned)
        if instant.tzinfo is None:
            raise ValueError("NETWORKDAY_NOW needs an offset, such as 2026-11-25T09:30:00+01:00")
        zone = zone_clock({key: value for key, value in env.items() if key != "NETWORKDAY_NOW"})
        if zone is not None and instant.astimezone(zone.tz).utcoffset() == instant.utcoffset():
            instant = instant.astimezone(zone.tz)
        return FixedClock(instant)
    return zone_clock(env) or SystemClock()
