"""The demo shows every rule of issue 15, each on someone a new user meets on the first screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.give_first import only_asked
from networkday.domain.mode import HELPING, JOB_SEARCH
from networkday.domain.outcome_rules import next_follow_up
from networkday.domain.review import Period
from networkday.services.figures import helping_review
from networkday.services.mode import switch_mode
from networkday.services.queue import day_queue
from networkday.storage.demo import demo_copy
from networkday.storage.store import Store

#: Not the anchor: the rules must hold on any day the demo is opened.
TODAY = date(2027, 1, 5)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    from tests.conftest import NOW

    copy = demo_copy(TODAY, Path(tmp_path_factory.mktemp("demo")) / "demo")
    return Store.open(copy, FixedClock(NOW.replace(year=TODAY.year, month=TODAY.month, day=TODAY.day)))


def last_outcome(contact: Contact) -> LogEntry | None:
    return next((entry for entry in sorted(contact.log, key=lambda e: e.at, reverse=True) if entry.outcome), None)


def people(demo: Store) -> list[Contact]:
    return [demo.contact(contact_id) for contact_id in sorted(demo.contacts)]


def followed_by_rule(demo: Store, outcome: str) -> list[str]:
    """Who was last left at ``outcome`` and has the follow-up the outcome rule sets."""
    found = []
    for contact in people(demo):
        entry = last_outcome(contact)
        if entry is None or entry.outcome != outcome:
            continue
        cadence = demo.config.cadence_for(contact.cadence_days, contact.tags)
        wanted = next_follow_up(outcome, entry.at.date(), current=None, cadence=cadence, retry=demo.config.retry)
        if contact.follow_up == wanted:
            found.append(contact.id)
    return found


def test_a_retry_after_no_answer(demo: Store) -> None:
    assert "omar-farouk" in followed_by_rule(demo, "no-answer")


def test_a_wont_help_with_its_next_touch_by_cadence(demo: Store) -> None:
    assert followed_by_rule(demo, "wont") == ["agnieszka-kowalczyk", "dmitri-ivanov", "kwame-mensah"]
    agnieszka = demo.contact("agnieszka-kowalczyk")
    assert demo.config.cadence_for(agnieszka.cadence_days, agnieszka.tags) == 21  # by her recruiter tag


def test_a_scheduled_call_with_a_time_planned_on_the_day_agreed(demo: Store) -> None:
    today = demo.day(TODAY)
    timed = [call for call in today.calls if call.time]
    assert [(call.contact, call.time) for call in timed] == [("priya-raman", "14:00")]
    priya = demo.contact("priya-raman")
    entry = last_outcome(priya)
    assert entry is not None
    assert entry.outcome == "scheduled"
    assert priya.follow_up == TODAY


def test_people_only_asked_of(demo: Store) -> None:
    asked_only = [summary.id for summary in demo.contacts.values() if only_asked(summary)]
    assert "theo-marchetti" in asked_only


def test_a_warm_referral_never_contacted(demo: Store) -> None:
    warm = [c.id for c in people(demo) if c.referred_by in demo.contacts and not c.log]
    assert "aisha-bello" in warm


def test_a_hiring_manager_at_a_target_company(demo: Store) -> None:
    managers = [c.id for c in people(demo) if c.hiring_manager and demo.config.is_target(c.company)]
    assert "zoe-lefevre" in managers


# -- helping mode: the demo has someone who asked, an introduction a week old, and a landing --------------


def helping_rows(demo: Store) -> dict[str, str]:
    switch_mode(demo, HELPING)
    try:
        return {item.contact_id: item.reason for item in day_queue(demo, TODAY).items}
    finally:
        switch_mode(demo, JOB_SEARCH)


def test_the_helping_queue_shows_who_asked_and_whom_you_introduced_a_week_ago(demo: Store) -> None:
    rows = helping_rows(demo)
    assert rows["hugo-bernard"] == "asked you “Pass on any data-platform roles I see” yesterday"
    assert rows["jose-alvarez"] == "you introduced them to Rosa Delgado 8 days ago: ask how it went"
    assert "ravi-shah" not in rows  # searching, but he landed: his search is over


def test_the_helping_review_shows_an_introduction_and_someone_you_helped_land(demo: Store) -> None:
    week = helping_review(demo, Period.of("week", TODAY))
    assert [(one.contact_id, one.to) for one in week.introductions] == [("emily-zhang", ("rosa-delgado",))]
    assert [(one.contact_id, one.what) for one in week.landed] == [("ravi-shah", "Data PM at Pinecrest Retail")]
