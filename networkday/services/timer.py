"""The timer on disk: sessions written the moment they start, switches under one lock.

What the UI and the commands call (all times are aware datetimes; ``at=None`` means now):

- ``snapshot(store) -> TimerState``: what the widget and the status line show; cheap
  enough to call every second (a stat of two or three day files, a parse only when
  another instance or a hand edit changed one).
- ``running(store) -> Running | None``: the running session and the day file holding it.
- ``start(store, kind, at)``, ``switch(store, at)``, ``ensure_networking(store, at)``
  return ``Started``; ``stop(store, at)`` returns the stopped session or None.
- ``day_sessions``, ``add_session``, ``edit_session``, ``delete_session``: the sessions
  list of a day. Sessions are named by their day file and start instant, never by a
  position that another instance could shift.
- "were you still working?" is ``services.idle``, on top of these.
- ``report(store, period, anchor)``: a week's or a month's rows.

Refusals raise ``TimerError`` (a ValueError) with a message fit to show as it is; a
file that cannot be read or written raises ``StoreError``.

Every change is a function that ``Store.change_days`` runs, again if another program wrote
a day file meanwhile: the day files are re-read from disk under the folder lock, and a
running session is looked for in every day file (a stat each), so two instances can never
both leave a session running. A session lives in the day file of
its local start date; one that is stopped in the second it started leaves no record.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from networkday.clock import zone_of
from networkday.domain.day import Day, TimeSession
from networkday.domain.timer import (
    NETWORKING,
    OTHER,
    ReportRow,
    SessionRow,
    TimerError,
    TimerState,
    check_session,
    describe,
    period_days,
    report_rows,
    timer_state,
)
from networkday.domain.vocab import TIMER_KINDS
from networkday.services.mode import settings
from networkday.storage.store import DayBatch, Store


class Running(NamedTuple):
    """A session and the day whose file holds it (the local date of its start)."""

    day: date
    session: TimeSession


@dataclass(frozen=True)
class Started:
    """A session just started, and the one it stopped at the same instant, if any (a switch).

    ``changed`` is False when that kind was already running: then nothing was written and
    ``running`` is the session that goes on.
    """

    running: Running
    stopped: Running | None = None
    changed: bool = True


# -- reading -------------------------------------------------------------------------------


def _row(session: TimeSession) -> SessionRow:
    return (session.kind, session.start.timestamp(), session.end.timestamp() if session.end else None)


def _running_ordinals(store: Store) -> list[int]:
    """Days whose indexed summary holds a running session: usually one, often none."""
    return [ordinal for ordinal, summary in store.days.items() if any(row[2] is None for row in summary.sessions)]


def _refresh(store: Store, today: date) -> None:
    """Sees what another instance or a hand edit wrote to the files that can hold the state."""
    recent = {today - timedelta(days=1), today}
    store.refresh_days(recent | {date.fromordinal(o) for o in _running_ordinals(store)})


def _rows(store: Store, first: date, last: date) -> list[SessionRow]:
    """Sessions of the days ``first``..``last`` and their neighbours, and the running one wherever it is."""
    low, high = first.toordinal() - 1, last.toordinal() + 1
    ordinals = set(range(low, high + 1)) | set(_running_ordinals(store))
    rows: list[SessionRow] = []
    for ordinal in sorted(ordinals):
        summary = store.days.get(ordinal)
        if summary is None:
            continue
        if low <= ordinal <= high:
            rows.extend(summary.sessions)
        else:
            rows.extend(row for row in summary.sessions if row[2] is None)
    return rows


def snapshot(store: Store) -> TimerState:
    """The timer now: the running session, today's totals and share, the goal."""
    now = store.clock.now()
    today = now.date()
    _refresh(store, today)
    return timer_state(
        _rows(store, today, today), today, zone_of(now), now.timestamp(), settings(store).networking_share
    )


def running(store: Store) -> Running | None:
    """The running session, found through the index and re-read from its file."""
    _refresh(store, store.clock.today())
    found = [
        Running(date.fromordinal(ordinal), session)
        for ordinal in _running_ordinals(store)
        for session in store.day(date.fromordinal(ordinal)).time
        if session.running
    ]
    return max(found, key=lambda item: item.session.start, default=None)


def day_sessions(store: Store, day: date) -> list[TimeSession]:
    """The sessions in ``day``'s file, by start; one from the evening before may reach into it."""
    return sorted(store.day(day).time, key=lambda session: session.start)


def report(store: Store, period: str, anchor: date | None = None) -> list[ReportRow]:
    """Per-day rows of the calendar week or month holding ``anchor`` (default today), up to today."""
    now = store.clock.now()
    days = period_days(anchor or now.date(), period, now.date())
    if not days:
        return []
    store.refresh_days(days[0] + timedelta(days=n) for n in range(-1, len(days) + 1))
    rows = _rows(store, days[0], days[-1])
    return report_rows(rows, days, zone_of(now), now.timestamp(), settings(store).networking_share)


# -- changing ------------------------------------------------------------------------------


def _moment(store: Store, at: datetime | None) -> tuple[datetime, datetime]:
    """``at`` (default now) in the local zone to the whole second, and now; refuses the future."""
    now = store.clock.now()
    when = now if at is None else at
    if when.tzinfo is None:
        when = when.replace(tzinfo=now.tzinfo)
    local = datetime.fromtimestamp(int(when.timestamp()), now.tzinfo)
    if local > now:
        raise TimerError(f"{local:%Y-%m-%d %H:%M} is in the future")
    return local, now


def _running_in(batch: DayBatch) -> list[Running]:
    """Every running session on disk, read under the batch's lock, the latest started last.

    All day files are statted (a stale index must not hide a session another instance
    started); only those that changed are parsed. Normally there is one at most.
    """
    batch.store.scan_days()
    found: list[Running] = []
    for ordinal in _running_ordinals(batch.store):
        day = date.fromordinal(ordinal)
        found.extend(Running(day, session) for session in batch.day(day).time if session.running)
    return sorted(found, key=lambda item: item.session.start)


def _others(
    batch: DayBatch, first: date, last: date, current: list[Running], exclude: TimeSession | None
) -> list[SessionRow]:
    """Rows of every other session that could share time with one between ``first`` and ``last``.

    A session may appear twice (running, and in its day's file); that changes no verdict.
    """
    sessions = [item.session for item in current]
    for n in range(-1, (last - first).days + 2):
        sessions.extend(batch.day(first + timedelta(days=n)).time)
    return [_row(session) for session in sessions if session is not exclude]


def _insert(record: Day, session: TimeSession) -> None:
    """Keeps a day's sessions in start order, as a person reading the file expects."""
    starts = [item.start for item in record.time]
    record.time.insert(bisect.bisect_right(starts, session.start), session)


def _end(batch: DayBatch, item: Running, at: datetime) -> None:
    session = item.session
    if at < session.start:
        raise TimerError(f"{describe(_row(session), zone_of(at))} started after {at:%Y-%m-%d %H:%M}")
    session.end = at
    if at == session.start:
        batch.day(item.day).time.remove(session)


def _start_in(batch: DayBatch, current: list[Running], kind: str, at: datetime, now: datetime) -> Started:
    if kind not in TIMER_KINDS:
        raise TimerError(f"unknown kind {kind!r} (expected {' or '.join(TIMER_KINDS)})")
    for item in current:
        _end(batch, item, at)
    others = _others(batch, at.date(), at.date(), current, exclude=None)
    check_session(kind, at.timestamp(), None, others, now.timestamp(), zone_of(now))
    session = TimeSession(kind=kind, start=at)
    _insert(batch.day(at.date()), session)
    return Started(Running(at.date(), session), current[-1] if current else None)


def start(store: Store, kind: str, at: datetime | None = None) -> Started:
    """Starts a session and writes it at once; a running one of the other kind is stopped at the same instant.

    The stop is written before the start, so a crash between the two files leaves
    nothing running rather than two sessions. Starting the kind that runs changes nothing.
    """

    def change(batch: DayBatch) -> Started:
        moment, now = _moment(store, at)  # under the lock: a start another instance made first is never later
        current = _running_in(batch)
        if current and current[-1].session.kind == kind:
            return Started(current[-1], changed=False)
        return _start_in(batch, current, kind, moment, now)

    return store.change_days(change)


def switch(store: Store, at: datetime | None = None) -> Started:
    """Networking to other and back; with nothing running it starts networking."""

    def change(batch: DayBatch) -> Started:
        moment, now = _moment(store, at)  # under the lock: a start another instance made first is never later
        current = _running_in(batch)
        kind = OTHER if current and current[-1].session.kind == NETWORKING else NETWORKING
        return _start_in(batch, current, kind, moment, now)

    return store.change_days(change)


def ensure_networking(store: Store, at: datetime | None = None) -> Started | None:
    """Starts networking unless it already runs (``[timer] auto_switch`` on logging a call); None if it did."""
    started = start(store, NETWORKING, at)
    return started if started.changed else None


def stop(store: Store, at: datetime | None = None, *, expected: datetime | None = None) -> Running | None:
    """Stops the running session at ``at``; None when nothing was running.

    ``expected`` is the start of the session the person saw: if another instance stopped
    or replaced it meanwhile, the stop is refused rather than ending a different session.
    """

    def change(batch: DayBatch) -> Running | None:
        moment, _ = _moment(store, at)  # under the lock, as in start
        current = _running_in(batch)
        if expected is not None and [item.session.start for item in current] != [expected]:
            raise TimerError("the running session was stopped or changed in another window; look again")
        for item in current:
            _end(batch, item, moment)
        return current[-1] if current else None

    return store.change_days(change)


def _find(record: Day, start: datetime) -> TimeSession:
    session = next((item for item in record.time if item.start == start), None)
    if session is None:
        raise TimerError(f"{record.date} has no session starting at {start:%H:%M} (was it changed in another window?)")
    return session


def add_session(store: Store, kind: str, start_at: datetime, end_at: datetime | None) -> Running:
    """Adds a forgotten session; ``end_at=None`` adds a running one if nothing else runs."""
    begin, now = _moment(store, start_at)
    end = None if end_at is None else _moment(store, end_at)[0]

    def change(batch: DayBatch) -> Running:
        current = _running_in(batch)
        others = _others(batch, begin.date(), (end or now).date(), current, exclude=None)
        check_session(kind, begin.timestamp(), _ts(end), others, now.timestamp(), zone_of(now))
        session = TimeSession(kind=kind, start=begin, end=end)
        _insert(batch.day(begin.date()), session)
        return Running(begin.date(), session)

    return store.change_days(change)


def edit_session(
    store: Store,
    day: date,
    start_at: datetime,
    kind: str,
    new_start: datetime,
    new_end: datetime | None,
) -> Running:
    """Replaces the session of ``day`` starting at ``start_at`` with the form's values.

    ``new_end=None`` sets it running. A start on another date moves the session to that
    day's file; the new place is written before the old one is cleared, so a crash
    between the two files loses nothing.
    """
    begin, now = _moment(store, new_start)
    end = None if new_end is None else _moment(store, new_end)[0]

    def change(batch: DayBatch) -> Running:
        batch.day(begin.date())  # read first, so written first
        record = batch.day(day)
        session = _find(record, start_at)
        current = _running_in(batch)
        others = _others(batch, begin.date(), (end or now).date(), current, exclude=session)
        check_session(kind, begin.timestamp(), _ts(end), others, now.timestamp(), zone_of(now))
        record.time.remove(session)
        session.kind, session.start, session.end = kind, begin, end
        _insert(batch.day(begin.date()), session)
        return Running(begin.date(), session)

    return store.change_days(change)


def delete_session(store: Store, day: date, start_at: datetime) -> TimeSession:
    """Removes a session and returns it, so the UI can offer to undo with ``add_session``."""

    def change(batch: DayBatch) -> TimeSession:
        record = batch.day(day)
        session = _find(record, start_at)
        record.time.remove(session)
        return session

    return store.change_days(change)


def _ts(instant: datetime | None) -> float | None:
    return None if instant is None else instant.timestamp()
