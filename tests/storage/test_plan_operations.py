"""The named writes the Today screen and the list call: the day's plan, the follow-up, a touch's details.

Each runs on the file as it is on disk now, so a change another instance saved between
this one's read and its write is kept.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.queue import QueueItem
from networkday.domain.touch import KEEP, TouchDetails
from networkday.services.actions import amend_touch_details, log_touch, save_follow_up
from networkday.services.plan import accept_row, move_row, plan_call, remove_row, set_row_channel, set_row_purpose
from networkday.storage.store import Store
from tests.conftest import NOW

TODAY = NOW.date()


@pytest.fixture
def people(store: Store) -> list[str]:
    return [store.add_contact(Contact(id="", name=name)).id for name in ("Ada Lovelace", "Alan Kay", "Grace Hopper")]


def other_instance(store: Store, clock: FixedClock) -> Store:
    return Store.open(store.root, clock)


def suggested(contact_id: str) -> QueueItem:
    return QueueItem(contact_id, "suggested", "a suggestion", channel="email", purpose="ask about the team")


def test_plan_call_adds_the_person_once_and_keeps_a_call_planned_elsewhere(
    store: Store, clock: FixedClock, people: list[str]
) -> None:
    ada, alan, _ = people
    plan_call(other_instance(store, clock), TODAY, alan)
    assert plan_call(store, TODAY, ada) is True
    assert plan_call(store, TODAY, ada) is False
    assert [call.contact for call in store.day(TODAY).calls] == [alan, ada]


def test_accept_row_plans_a_suggestion_with_its_channel_and_purpose(store: Store, people: list[str]) -> None:
    accept_row(store, TODAY, suggested(people[0]))
    [call] = store.day(TODAY).calls
    assert (call.contact, call.channel, call.purpose) == (people[0], "email", "ask about the team")


def test_remove_row_dismisses_an_unplanned_row_and_takes_off_a_planned_call(store: Store, people: list[str]) -> None:
    ada, alan, _ = people
    plan_call(store, TODAY, ada)
    remove_row(store, TODAY, ada)
    remove_row(store, TODAY, alan)
    day = store.day(TODAY)
    assert (day.calls, day.dismissed) == ([], [alan])


def test_move_row_plans_the_row_then_moves_it_up(store: Store, clock: FixedClock, people: list[str]) -> None:
    ada, alan, grace = people
    plan_call(store, TODAY, ada)
    plan_call(other_instance(store, clock), TODAY, alan)
    move_row(store, TODAY, suggested(grace), -1)
    assert [call.contact for call in store.day(TODAY).calls] == [ada, grace, alan]


def test_channel_and_purpose_plan_the_row_and_leave_the_other_calls_alone(store: Store, people: list[str]) -> None:
    ada, alan, _ = people
    plan_call(store, TODAY, ada)
    set_row_channel(store, TODAY, suggested(alan), "video")
    set_row_purpose(store, TODAY, suggested(alan), "thank her")
    calls = {call.contact: (call.channel, call.purpose) for call in store.day(TODAY).calls}
    assert calls == {ada: ("phone", ""), alan: ("video", "thank her")}


def test_save_follow_up_sets_and_clears_it_keeping_a_field_changed_elsewhere(
    store: Store, clock: FixedClock, people: list[str]
) -> None:
    ada = people[0]
    other_instance(store, clock).update_contact(ada, lambda contact: setattr(contact, "company", "Analytical"))
    save_follow_up(store, ada, TODAY + timedelta(days=3))
    assert (store.contact(ada).follow_up, store.contact(ada).company) == (TODAY + timedelta(days=3), "Analytical")
    save_follow_up(store, ada, None)
    assert store.contact(ada).follow_up is None


@pytest.mark.parametrize(
    ("follow_up", "expected"), [(KEEP, date(2026, 12, 1)), (None, None), (date(2026, 12, 9), date(2026, 12, 9))]
)
def test_amend_touch_details_amends_the_touch_and_sets_the_follow_up_only_when_asked(
    store: Store, people: list[str], follow_up: object, expected: date | None
) -> None:
    ada = people[0]
    save_follow_up(store, ada, date(2026, 12, 1))
    entry = LogEntry(at=NOW.replace(microsecond=0), channel="phone", outcome="will")
    logged = log_touch(store, ada, entry)
    typed = TouchDetails(gave="an intro", asked="a referral", note="at PyCon", follow_up=follow_up)
    amend_touch_details(store, ada, entry.id, TouchDetails.of(logged, entry), typed)
    contact = store.contact(ada)
    [touch] = [e for e in contact.log if e.id == entry.id]
    assert (touch.gave, touch.asked, touch.note, contact.follow_up) == ("an intro", "a referral", "at PyCon", expected)


def test_move_row_moves_a_person_touched_twice_past_the_next_person(store: Store, people: list[str]) -> None:
    ada, alan, _ = people
    for contact_id, outcome in ((ada, "no-answer"), (ada, "will"), (alan, "talked")):
        log_touch(store, contact_id, LogEntry(at=NOW, channel="phone", outcome=outcome))
    move_row(store, TODAY, QueueItem(ada, "planned", "planned", call_index=1), 1)
    assert [(call.contact, call.outcome) for call in store.day(TODAY).calls] == [
        (alan, "talked"),
        (ada, "no-answer"),
        (ada, "will"),
    ]
