"""Keeping in touch: days since the last touch, follow-ups due, losing touch, Today's counts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pendulum
import pytest

from networkday.domain.cadence import (
    DUE,
    OVERDUE,
    TouchCounts,
    days_since_touch,
    follow_up_due,
    follow_up_state,
    is_losing_touch,
    touch_counts,
)
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

BERLIN = pendulum.timezone("Europe/Berlin")
TODAY = date(2026, 11, 25)


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def summary(*touches: datetime, outcome: str = "talked", **fields) -> ContactSummary:
    contact = Contact(id="ann", name="Ann", log=[LogEntry(at=t, outcome=outcome) for t in touches], **fields)
    return ContactSummary.of(contact)


def test_days_since_touch_counts_calendar_days_in_the_local_zone():
    assert days_since_touch(summary(at(TODAY - timedelta(days=1), 23, 30)), TODAY, BERLIN) == 1
    assert days_since_touch(summary(at(TODAY, 0, 5)), TODAY, BERLIN) == 0
    assert days_since_touch(summary(), TODAY, BERLIN) is None


def test_the_last_touch_is_the_latest_entry_whatever_the_order_in_the_file():
    late, early = at(TODAY - timedelta(days=2)), at(TODAY - timedelta(days=40))
    assert days_since_touch(summary(late, early), TODAY, BERLIN) == 2


@pytest.mark.parametrize(("days_ago", "losing"), [(6, False), (7, False), (8, True), (30, True)])
def test_losing_touch_means_more_days_than_the_cadence(days_ago, losing):
    person = summary(at(TODAY - timedelta(days=days_ago)), cadence_days=7)
    assert is_losing_touch(person, Config(), TODAY, BERLIN) is losing


def test_never_touched_with_a_cadence_is_losing_touch_without_one_never():
    assert is_losing_touch(summary(cadence_days=30), Config(), TODAY, BERLIN)
    assert not is_losing_touch(summary(), Config(), TODAY, BERLIN)
    assert not is_losing_touch(summary(at(TODAY - timedelta(days=900))), Config(), TODAY, BERLIN)


def test_cadence_comes_from_tags_or_the_default_when_the_contact_has_none():
    config = Config(tag_cadence={"mentor": 14}, default_cadence_days=60)
    twenty_days = at(TODAY - timedelta(days=20))
    assert is_losing_touch(summary(twenty_days, tags=["mentor"]), config, TODAY, BERLIN)
    assert not is_losing_touch(summary(twenty_days), config, TODAY, BERLIN)
    assert not is_losing_touch(summary(twenty_days, tags=["mentor"], cadence_days=30), config, TODAY, BERLIN)


def test_any_logged_touch_resets_the_cadence_even_without_an_answer():
    old = at(TODAY - timedelta(days=50))
    assert is_losing_touch(summary(old, cadence_days=30), Config(), TODAY, BERLIN)
    retried = summary(old, at(TODAY - timedelta(days=1)), outcome="no-answer", cadence_days=30)
    assert not is_losing_touch(retried, Config(), TODAY, BERLIN)


def test_the_cutoff_is_local_midnight_across_a_daylight_saving_change():
    after_switch = date(2026, 3, 30)  # clocks went forward on 29 March in Berlin
    late_on_the_28th = summary(at(date(2026, 3, 28), 23, 30), cadence_days=1)
    early_on_the_29th = summary(at(date(2026, 3, 29), 0, 30), cadence_days=1)
    assert is_losing_touch(late_on_the_28th, Config(), after_switch, BERLIN)
    assert not is_losing_touch(early_on_the_29th, Config(), after_switch, BERLIN)


def test_follow_up_states():
    assert follow_up_state(summary(follow_up=TODAY), TODAY) == DUE
    assert follow_up_state(summary(follow_up=TODAY - timedelta(days=3)), TODAY) == OVERDUE
    assert follow_up_state(summary(follow_up=TODAY + timedelta(days=1)), TODAY) is None
    assert follow_up_state(summary(), TODAY) is None
    assert follow_up_due(summary(follow_up=TODAY - timedelta(days=3)), TODAY)
    assert not follow_up_due(summary(follow_up=TODAY + timedelta(days=1)), TODAY)


def test_touch_counts_for_the_today_screen():
    recent = at(TODAY - timedelta(days=2))
    people = [
        summary(follow_up=TODAY),
        summary(recent, follow_up=TODAY - timedelta(days=1)),
        summary(recent, follow_up=TODAY - timedelta(days=9), cadence_days=1),
        summary(cadence_days=10),
        summary(recent, follow_up=TODAY + timedelta(days=4)),
    ]
    counts = touch_counts(people, Config(), TODAY, BERLIN)
    assert counts == TouchCounts(due=1, overdue=2, losing_touch=2, never_contacted=2)
    assert counts.follow_ups == 3
