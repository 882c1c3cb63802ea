"""Each outcome's follow-through, saved through the service the app and ``networkday log`` share."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.outcome_rules import Schedule
from networkday.services.actions import log_touch
from networkday.storage.store import Store
from tests.conftest import NOW


def open_with(tmp_path: Path, clock: FixedClock, config: str = "") -> Store:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    (folder / "config.toml").write_text(config)
    return Store.open(folder, clock)


def touch(store: Store, outcome: str, at: datetime, **kwargs) -> Contact:
    return log_touch(store, "ana", LogEntry(at=at, channel="phone", outcome=outcome), **kwargs)


def test_an_overdue_follow_up_with_no_answer_twice_stays_a_follow_up(tmp_path: Path, clock: FixedClock) -> None:
    store = open_with(tmp_path, clock, "[queue]\nretry_days = {no_answer = 2}\n")
    store.add_contact(Contact(id="ana", name="Ana", follow_up=date(2026, 11, 20)))
    assert touch(store, "no-answer", NOW).follow_up == date(2026, 11, 27)
    later = NOW + timedelta(days=2)
    assert touch(store, "no-answer", later).follow_up == date(2026, 11, 29)
    assert store.contact("ana").follow_up == date(2026, 11, 29)


def test_a_left_message_sets_the_retry(store: Store) -> None:
    store.add_contact(Contact(id="ana", name="Ana"))
    assert touch(store, "left-message", NOW).follow_up == date(2026, 11, 28)


def test_wont_help_closes_the_follow_up_and_sets_the_next_touch_by_cadence(tmp_path: Path, clock: FixedClock) -> None:
    store = open_with(tmp_path, clock, "[cadence.tags]\nmentor = 14\n")
    store.add_contact(Contact(id="ana", name="Ana", tags=["mentor"], follow_up=date(2026, 11, 25)))
    assert touch(store, "wont", NOW).follow_up == date(2026, 12, 9)


def test_wont_help_without_a_cadence_comes_back_after_the_default(store: Store) -> None:
    store.add_contact(Contact(id="ana", name="Ana", follow_up=date(2026, 11, 25)))
    assert touch(store, "wont", NOW).follow_up == date(2027, 2, 23)


def test_talked_on_a_due_follow_up_closes_it(store: Store) -> None:
    store.add_contact(Contact(id="ana", name="Ana", follow_up=date(2026, 11, 25)))
    assert touch(store, "talked", NOW).follow_up is None


def test_scheduled_with_a_time_plans_the_call_on_its_day_and_sets_the_follow_up(store: Store) -> None:
    store.add_contact(Contact(id="ana", name="Ana"))
    when = Schedule(date(2026, 12, 2), datetime(2026, 12, 2, 10, 0).time())
    assert touch(store, "scheduled", NOW, when=when).follow_up == date(2026, 12, 2)
    [call] = store.day(date(2026, 12, 2)).calls
    assert (call.contact, call.time, call.made, call.purpose) == ("ana", "10:00", False, "scheduled")
    assert [c.outcome for c in store.day(NOW.date()).calls] == ["scheduled"]


def test_scheduled_later_the_same_day_without_a_time_adds_a_planned_call(store: Store) -> None:
    store.add_contact(Contact(id="ana", name="Ana"))
    touch(store, "scheduled", NOW, when=Schedule(NOW.date()))
    calls = store.day(NOW.date()).calls
    assert [(c.outcome, c.time) for c in calls] == [("scheduled", ""), (None, "")]
    assert store.contact("ana").follow_up == NOW.date()
