"""A day's queue from what the store holds, and Today's preview kept from it; shared by `today` and the app."""

from __future__ import annotations

from datetime import date

from networkday.clock import zone_of
from networkday.domain.cadence import TouchCounts, touch_counts
from networkday.domain.day import Day
from networkday.domain.day_score import score
from networkday.domain.helping import helping_queue, week_gives
from networkday.domain.queue import DayQueue, build_queue
from networkday.domain.referrals import build_referrals
from networkday.domain.summary import DaySummary
from networkday.services.companies import target_config
from networkday.services.mode import current_mode
from networkday.storage.preview import follow_preview, keep_preview
from networkday.storage.problems import ProblemError
from networkday.storage.store import Store


def _read_day(store: Store, when: date) -> tuple[Day, str | None]:
    """A broken day file yields an empty plan plus a problem to show, never a crash or a rewrite."""
    try:
        return store.day(when), None
    except ProblemError as error:
        return Day(date=when), str(error.problem)


def day_queue(store: Store, when: date) -> DayQueue:
    """The queue of ``when``: from the contacts, the config, and of the days only what ``queue_inputs`` holds."""
    day, problem = _read_day(store, when)
    today = store.clock.today()
    tz = zone_of(store.clock.now())
    is_target = target_config(store).is_target  # config.toml's targets and the company files marked target
    referrals = build_referrals(store.contacts, is_target)
    unreadable = store.unreadable_contacts()
    config, gives = store.config, None
    if current_mode(store).helping:
        gives = week_gives(store.contacts.values(), min(when, today), tz, config.helping.gives_per_week)
        items = helping_queue(day, store.contacts, config, today, tz=tz, unreadable=unreadable, gives=gives)
    else:
        items = build_queue(
            day, store.contacts, config, today, is_target=is_target, referrals=referrals, tz=tz, unreadable=unreadable
        )
    made = {ordinal: summary.made for ordinal, summary in store.days.items()}
    made[when.toordinal()] = DaySummary.of(day).made
    toward = {item.contact_id: referrals.hiring_managers_via(item.contact_id) for item in items}
    unknown = store.unreadable_days()
    if problem is None:  # the day shown was read just now
        unknown -= {when.toordinal()}
    return DayQueue(items, score(day, made, config.calls_per_day, today, unknown), problem, toward, gives)


def queue_inputs(store: Store, when: date) -> str:
    """All that ``day_queue`` reads of the day files, as one value: equal, the queue is the same.

    The day's calls and dismissals (or its problem), the calls made each day, and the days
    that cannot be read; not its timer sessions or journal. Kept with Today's preview, so a
    command that changed only those renews the preview without ranking 30,000 people again.
    Keep it in step with ``day_queue``.
    """
    day, problem = _read_day(store, when)
    made = sorted((ordinal, summary.made) for ordinal, summary in store.days.items() if summary.made)  # 0 as no file
    return repr((day.date, day.calls, day.dismissed, problem, made, sorted(store.unreadable_days())))


def network_touch_counts(store: Store) -> TouchCounts:
    """Today's keep-in-touch figures over the whole network."""
    return touch_counts(store.contacts.values(), store.config, store.clock.today(), zone_of(store.clock.now()))


def _today(store: Store, day: date) -> tuple[DayQueue, TouchCounts]:
    """What Today's preview holds: the day's queue and the network's touch counts."""
    return day_queue(store, day), network_touch_counts(store)


def keep_today_preview(store: Store, day: date) -> None:
    """Keeps the preview of ``day`` for the next start (``storage.preview.keep_preview``)."""
    keep_preview(store, day, lambda: _today(store, day), lambda: queue_inputs(store, day))


def follow_today_preview(store: Store, day: date, before: tuple | None) -> None:
    """After a command saved: the preview of ``day`` renewed if it was in step (``storage.preview.follow_preview``)."""
    follow_preview(store, day, before, lambda: _today(store, day), lambda: queue_inputs(store, day))
