"""Figures and reviews from the store's in-memory summaries: the calls the UI and CLI make.

No contact or day file is read here: the store's index already holds every day's plan and
sessions and every contact's history, so a day's figures or a month's review cost one
pass over the contacts' summaries (see bench/journal_bench.py for the figures at 30,000).
"""

from __future__ import annotations

from datetime import date

from networkday.clock import zone_of
from networkday.domain.day import Day
from networkday.domain.figures import DayFigures, Facts, Goals
from networkday.domain.helping_review import HelpingFigures, helping_figures
from networkday.domain.review import Period, Review
from networkday.domain.settings import Config
from networkday.domain.timer import day_bounds
from networkday.services.mode import current_mode, settings
from networkday.storage.store import Store


def goals_of(config: Config, *, helping: bool = False) -> Goals:
    gives = config.helping.gives_per_week if helping else None
    return Goals(networking_share=config.networking_share, calls_per_day=config.calls_per_day, gives_per_week=gives)


def facts_for(store: Store, first: date, last: date) -> Facts:
    """Facts for the days ``first`` to ``last`` as the store knows them now.

    The company files are read for the opportunities moved: a few hundred at most, and
    a second read parses only those changed since (``Store.companies``).
    """
    now = store.clock.now()
    if now.tzinfo is None:
        raise ValueError("the clock must give aware datetimes")
    goals = goals_of(settings(store), helping=current_mode(store).helping)
    companies = store.companies()
    return Facts.gather(store.days, store.contacts, goals, now.tzinfo, now.timestamp(), first, last, companies)


def day_figures(store: Store, day: date, record: Day | None = None) -> DayFigures:
    """One day's figures; pass the Day you hold open to take its calls from it rather than the index."""
    return facts_for(store, day, day).figures(day, record)


def review(store: Store, kind: str, day: date) -> Review:
    """The week (Monday to Sunday) or calendar month holding ``day``, up to the store's today.

    ValueError for a kind other than ``week`` or ``month``; a period wholly in the future
    has no days.
    """
    period = Period.of(kind, day)
    dates = period.dates(store.clock.today())
    if not dates:
        return Review.build(period, [])
    facts = facts_for(store, dates[0], dates[-1])
    unknown = frozenset(date.fromordinal(ordinal) for ordinal in store.unreadable_days())
    return Review.build(period, [facts.figures(d) for d in dates], unknown)


def helping_review(store: Store, period: Period) -> HelpingFigures:
    """The period's introductions and the people you helped land (``domain.helping_review``)."""
    tz = zone_of(store.clock.now())
    return helping_figures(store.contacts, day_bounds(period.first, tz)[0], day_bounds(period.last, tz)[1], tz)
