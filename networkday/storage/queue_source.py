"""Builds the queue of a day from what the store holds; shared by `today` and the app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from networkday.domain.day import Day
from networkday.domain.queue import QueueItem, Score, build_queue, score
from networkday.storage.problems import ProblemError
from networkday.storage.store import Store


@dataclass(frozen=True)
class DayQueue:
    day: Day
    items: list[QueueItem]
    score: Score
    problem: str | None = None


def warm_paths(store: Store) -> dict[str, str]:
    """Contacts worth suggesting first, with why; see domain.referrals."""
    from networkday.domain.referrals import warm_path_ids

    return warm_path_ids(store.contacts, store.config)


def day_queue(store: Store, when: date, warm: dict[str, str] | None = None) -> DayQueue:
    """A broken day file yields an empty plan plus a problem to show, never a crash or a rewrite."""
    problem = None
    try:
        day = store.day(when)
    except ProblemError as error:
        day, problem = Day(date=when), str(error.problem)
    today = store.clock.today()
    tz = store.clock.now().tzinfo
    items = build_queue(
        day, store.contacts, store.config, today, warm if warm is not None else warm_paths(store), tz=tz
    )
    made = {ordinal: summary.made for ordinal, summary in store.days.items()}
    made[when.toordinal()] = sum(1 for call in day.calls if call.made)
    return DayQueue(day, items, score(day, made, store.config.calls_per_day, today), problem)
