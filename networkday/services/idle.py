"""The idle question: a session has run long without the app seeing activity, were you still working?

``touch_seen`` records activity (throttled to one small write of machine-local state a
minute); ``idle_question`` asks once ``[timer] idle_hours`` have gone unseen; its three
answers are ``keep_running``, ``end_when_last_seen`` and ``end_at`` (a time typed, which
may be on the day before: see ``domain.wall_time``). Kept apart from ``services.timer``,
which it uses, because it changes with the app's notion of activity, not with sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from networkday.domain.timer import idle_since, should_ask_idle
from networkday.services.timer import Running, running, stop
from networkday.storage.store import Store


@dataclass(frozen=True)
class IdleQuestion:
    """A session has run for long without the app seeing activity: were you still working?"""

    running: Running
    last_seen: datetime  # the last activity during the session (never before its start)
    now: datetime

    @property
    def gap(self) -> timedelta:
        return self.now - self.last_seen


def last_seen(store: Store) -> datetime | None:
    """When the app last saw activity, from the machine-local state file."""
    value = store.state().get("last_seen")
    return value if isinstance(value, datetime) and value.tzinfo is not None else None


def touch_seen(store: Store, at: datetime | None = None, *, every: float = 60.0) -> bool:
    """Records activity; writes only when the record is older than ``every`` seconds.

    The UI calls it on each key press; the throttle keeps that to one small write a minute.
    """
    now = store.clock.now() if at is None else at
    seen = last_seen(store)
    if seen is not None and now.timestamp() - seen.timestamp() < every:
        return False
    store.update_state(last_seen=datetime.fromtimestamp(int(now.timestamp()), now.tzinfo))
    return True


def idle_question(store: Store) -> IdleQuestion | None:
    """Whether to ask "were you still working?": a session runs, unseen for ``[timer] idle_hours``."""
    current = running(store)
    if current is None:
        return None
    now = store.clock.now()
    seen = last_seen(store)
    seen_at = None if seen is None else seen.timestamp()
    start = current.session.start.timestamp()
    if not should_ask_idle(seen_at, start, now.timestamp(), store.config.idle_hours):
        return None
    since = idle_since(seen_at, start)
    return IdleQuestion(current, datetime.fromtimestamp(since, now.tzinfo), now)


def keep_running(store: Store) -> None:
    """Answer "yes, I was working": the session goes on and the gap is forgotten."""
    touch_seen(store, every=0)


def end_when_last_seen(store: Store, question: IdleQuestion) -> Running | None:
    """Answer "no": the session ends when activity was last seen."""
    return end_at(store, question, question.last_seen)


def end_at(store: Store, question: IdleQuestion, at: datetime) -> Running | None:
    """Answer "I stopped at ...": the session ends at the time typed (see ``domain.timer.parse_at``)."""
    stopped = stop(store, at, expected=question.running.session.start)
    touch_seen(store, every=0)
    return stopped
