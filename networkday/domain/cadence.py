"""Keeping in touch: days since the last touch, due follow-ups and the losing-touch test.

Everything is derived from a contact's history, never stored: the last logged entry is
the last touch, so any touch resets the cadence. Days are counted between local
calendar dates (a call last night was "1 day ago" this morning), and the bulk test works
on POSIX seconds against a per-cadence cutoff, so 30,000 contacts cost one comparison each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary
from networkday.domain.timer import day_bounds

OVERDUE = "overdue"
DUE = "due"


def days_since_touch(summary: ContactSummary, today: date, tz: tzinfo) -> int | None:
    """Calendar days from the last touch to ``today``; None when never touched."""
    last = summary.last_ts
    if last is None:
        return None
    return (today - datetime.fromtimestamp(last, tz).date()).days


def cadence_of(summary: ContactSummary, config: Config) -> int | None:
    """The contact's own cadence, else its tags', else the configured default."""
    return config.cadence_for(summary.cadence_days, summary.tags)


def follow_up_state(summary: ContactSummary, today: date) -> str | None:
    """``overdue`` before today, ``due`` on today, else None (none set, or later)."""
    if summary.follow_up is None:
        return None
    ordinal = today.toordinal()
    if summary.follow_up < ordinal:
        return OVERDUE
    return DUE if summary.follow_up == ordinal else None


def follow_up_due(summary: ContactSummary, today: date) -> bool:
    """Due or overdue: the follow-up date is today or earlier."""
    return summary.follow_up is not None and summary.follow_up <= today.toordinal()


def losing_touch_test(config: Config, today: date, tz: tzinfo) -> Callable[[ContactSummary], bool]:
    """A predicate: more than the contact's cadence in days since the last touch.

    A contact with a cadence who was never touched is losing touch; one without a cadence
    never is. The cutoff (local midnight ``cadence`` days before today) is computed once
    per distinct cadence, so the predicate costs a comparison per contact.
    """
    cutoffs: dict[int, float] = {}
    cadence_for, default, by_tag = config.cadence_for, config.default_cadence_days, config.tag_cadence

    def losing(summary: ContactSummary) -> bool:
        # The common cases inline (own cadence; no tag with one): this runs 30,000 times a filter.
        cadence = summary.cadence_days
        if not cadence:
            tags = summary.tags
            cadence = cadence_for(None, tags) if tags and by_tag else default
            if cadence is None:
                return False
        entries = summary.entries
        if not entries:
            return True
        cutoff = cutoffs.get(cadence)
        if cutoff is None:
            cutoff = cutoffs[cadence] = day_bounds(today - timedelta(days=cadence), tz)[0]
        return entries[-1][0] < cutoff

    return losing


def is_losing_touch(summary: ContactSummary, config: Config, today: date, tz: tzinfo) -> bool:
    return losing_touch_test(config, today, tz)(summary)


@dataclass(frozen=True)
class TouchCounts:
    """The keep-in-touch figures of the Today screen."""

    due: int = 0
    overdue: int = 0
    losing_touch: int = 0
    never_contacted: int = 0

    @property
    def follow_ups(self) -> int:
        return self.due + self.overdue


def touch_counts(summaries: Iterable[ContactSummary], config: Config, today: date, tz: tzinfo) -> TouchCounts:
    """One pass over the network: follow-ups due today and overdue, losing touch, never contacted."""
    ordinal = today.toordinal()
    losing = losing_touch_test(config, today, tz)
    due = overdue = losing_count = never = 0
    for summary in summaries:
        follow_up = summary.follow_up
        if follow_up is not None and follow_up <= ordinal:
            if follow_up == ordinal:
                due += 1
            else:
                overdue += 1
        if losing(summary):
            losing_count += 1
        if not summary.entries:
            never += 1
    return TouchCounts(due=due, overdue=overdue, losing_touch=losing_count, never_contacted=never)
