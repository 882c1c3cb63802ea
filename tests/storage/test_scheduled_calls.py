"""A scheduled call on real folders: refused before any write, moved when rescheduled, kept open later the same day."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.domain.outcome_rules import Schedule
from networkday.domain.touch import TouchDetails
from networkday.services.actions import HalfLoggedError, log_touch, save_touch_details
from networkday.services.plan import set_row_channel
from networkday.services.queue import day_queue
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.storage.saving import full_disk_for

TODAY = NOW.date()
WED = Schedule(date(2026, 12, 2), time(10, 0))
THU = Schedule(date(2026, 12, 3), time(11, 0))


@pytest.fixture
def ann(store: Store) -> str:
    return store.add_contact(Contact(id="ann", name="Ann")).id


def scheduled(store: Store, when: Schedule, minutes: int = 0, contact: str = "ann") -> Contact:
    entry = LogEntry(at=NOW + timedelta(minutes=minutes), channel="phone", outcome="scheduled")
    return log_touch(store, contact, entry, when=when)


def files(store: Store) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(store.root.rglob("*.toml"))}


def test_a_broken_day_for_the_call_refuses_the_log_before_anything_is_written(store: Store, ann: str) -> None:
    target = store.day_path(WED.day)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("[[call]]\ncontact = 5\n")
    before = files(store)
    with pytest.raises(StoreError, match="cannot be planned") as refused:
        scheduled(store, WED)
    assert not isinstance(refused.value, HalfLoggedError)
    message = str(refused.value)
    assert message.startswith(f"{target}:1:1: ")
    assert message.endswith("the call on Wed 2 Dec at 10:00 cannot be planned; the touch is not saved anywhere")
    assert "\n" not in message
    assert files(store) == before


def test_a_plan_that_fails_after_the_touch_says_exactly_what_was_saved(
    store: Store, ann: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        full_disk_for(patch, store.day_path(WED.day))
        with pytest.raises(HalfLoggedError) as half:
            scheduled(store, WED)
    message = str(half.value)
    assert f"the touch is saved in {store.contact_path(ann)}" in message
    assert f"its made call in {store.day_path(TODAY)}" in message
    assert "but the call on Wed 2 Dec at 10:00 is not planned" in message
    assert "No space left" in message
    assert [c.outcome for c in store.day(TODAY).calls] == ["scheduled"]
    assert not store.day_path(WED.day).exists()


def test_a_new_schedule_moves_the_call_an_earlier_one_planned(store: Store, ann: str) -> None:
    scheduled(store, WED)
    store.update_day(WED.day, lambda day: day.calls.append(Call("bob", time="10:00", purpose="scheduled")))
    assert scheduled(store, THU, minutes=5).follow_up == THU.day
    assert [c.contact for c in store.day(WED.day).calls] == ["bob"]  # nobody else's call moves
    [call] = store.day(THU.day).calls
    assert (call.contact, call.time, call.made) == ("ann", "11:00", False)
    assert store.contact("ann").follow_up == THU.day


def test_a_moved_call_keeps_its_purpose_and_made_or_hand_planned_calls_stay(store: Store, ann: str) -> None:
    scheduled(store, WED)
    store.update_day(WED.day, lambda day: setattr(day.calls[0], "purpose", "intro to Acme"))
    store.update_day(THU.day + timedelta(days=1), lambda day: day.calls.append(Call("ann", purpose="by hand")))
    scheduled(store, THU, minutes=5)
    assert store.day(WED.day).calls == []
    assert [(c.purpose, c.time) for c in store.day(THU.day).calls] == [("intro to Acme", "11:00")]
    assert [c.purpose for c in store.day(THU.day + timedelta(days=1)).calls] == ["by hand"]
    assert [c.outcome for c in store.day(TODAY).calls] == ["scheduled", "scheduled"]  # the record stays


def test_a_past_days_open_scheduled_call_is_left_as_it_was(store: Store, ann: str) -> None:
    yesterday = TODAY - timedelta(days=1)
    store.update_day(yesterday, lambda day: day.calls.append(Call("ann", time="15:00", purpose="scheduled")))
    scheduled(store, WED)
    assert [(c.contact, c.time) for c in store.day(yesterday).calls] == [("ann", "15:00")]


def test_a_touch_later_today_marks_the_call_scheduled_for_today_and_plans_the_next(store: Store, ann: str) -> None:
    scheduled(store, Schedule(TODAY, time(15, 0)))
    scheduled(store, WED, minutes=5)
    assert [(c.outcome, c.time) for c in store.day(TODAY).calls] == [("scheduled", ""), ("scheduled", "15:00")]
    assert [(c.made, c.time) for c in store.day(WED.day).calls] == [(False, "10:00")]


def test_an_unreadable_day_ahead_naming_the_person_stops_a_new_schedule(store: Store, ann: str) -> None:
    ahead = store.day_path(THU.day)
    ahead.parent.mkdir(parents=True, exist_ok=True)
    ahead.write_text('date = 2026-12-03\n[[call]]\ncontact = "ann"\ntime = "25:00"\n')
    store.scan()
    before = files(store)
    refusal = f"{re.escape(str(ahead))}: may hold a call with 'ann'.*; the touch is not saved anywhere"
    with pytest.raises(StoreError, match=refusal):
        scheduled(store, WED)
    assert files(store) == before


def test_a_call_scheduled_later_today_keeps_the_row_open_with_its_time(store: Store, ann: str) -> None:
    scheduled(store, Schedule(TODAY, time(15, 0)))
    queue = day_queue(store, TODAY)
    [row] = queue.items
    assert (row.made, row.time) == (False, "15:00")
    assert (queue.score.made, queue.score.planned) == (1, 1)
    set_row_channel(store, TODAY, row, "video")  # onto the call still to do, never the one made
    assert [(c.outcome, c.channel) for c in store.day(TODAY).calls] == [("scheduled", "phone"), (None, "video")]


def test_the_prompts_plan_refuses_before_its_text_is_written(store: Store, ann: str) -> None:
    entry = LogEntry(at=NOW, channel="phone", outcome="scheduled")
    log_touch(store, ann, entry)
    target = store.day_path(WED.day)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("[[call]]\ncontact = 5\n")
    before = files(store)
    base = TouchDetails.of(store.contact(ann), entry)
    with pytest.raises(StoreError, match="cannot be planned") as refused:
        save_touch_details(store, ann, entry, base, TouchDetails(gave="an intro"), WED)
    assert not isinstance(refused.value, HalfLoggedError)
    assert files(store) == before


def test_the_prompts_plan_failing_after_its_text_says_the_text_is_saved(
    store: Store, ann: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = LogEntry(at=NOW, channel="phone", outcome="scheduled")
    log_touch(store, ann, entry)
    base = TouchDetails.of(store.contact(ann), entry)
    typed = TouchDetails(gave="an intro")
    with monkeypatch.context() as patch:
        full_disk_for(patch, store.day_path(WED.day))
        with pytest.raises(HalfLoggedError, match=r"what you typed is saved on the touch in .*not planned"):
            save_touch_details(store, ann, entry, base, typed, WED)
    assert store.contact(ann).log[0].gave == "an intro"
    save_touch_details(store, ann, entry, base, typed, WED)  # Enter again finishes it
    assert [(c.contact, c.time) for c in store.day(WED.day).calls] == [("ann", "10:00")]
    assert store.contact(ann).follow_up == WED.day
