"""The timer on disk: start, stop, switch, the midnight crossing, edits and the idle question."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

import pendulum
import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.domain.settings import Config
from networkday.domain.timer import NETWORKING, OTHER, TimerError
from networkday.services import idle, timer
from networkday.storage.store import DayBatch, Store

BERLIN = pendulum.timezone("Europe/Berlin")
TODAY = date(2026, 11, 25)


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)


def sessions_on_disk(store: Store, day: date) -> list[dict]:
    path = store.day_path(day)
    return tomllib.loads(path.read_text("utf-8")).get("time", []) if path.exists() else []


def fresh(store: Store) -> Store:
    """Another instance opening the same folder."""
    return Store.open(store.root, store.clock)


class TestStartStopSwitch:
    def test_a_session_is_on_disk_the_moment_it_starts(self, store: Store) -> None:
        started = timer.start(store, NETWORKING)
        assert started.stopped is None
        assert started.running.day == TODAY
        [row] = sessions_on_disk(store, TODAY)
        assert row == {"kind": "networking", "start": local("2026-11-25T09:30")}
        found = timer.running(fresh(store))
        assert found is not None
        assert (found.day, found.session.kind, found.session.start) == (TODAY, NETWORKING, local("2026-11-25T09:30"))

    def test_stop_ends_the_running_session(self, store: Store, clock: FixedClock) -> None:
        timer.start(store, NETWORKING)
        clock.advance(minutes=42)
        stopped = timer.stop(store)
        assert stopped is not None
        assert stopped.session.end == local("2026-11-25T10:12")
        assert sessions_on_disk(store, TODAY)[0]["end"] == local("2026-11-25T10:12")
        assert timer.running(store) is None
        assert timer.stop(store) is None

    def test_starting_while_running_switches_at_the_same_instant(self, store: Store, clock: FixedClock) -> None:
        timer.start(store, NETWORKING)
        clock.advance(minutes=30)
        started = timer.start(store, OTHER)
        assert started.stopped is not None
        assert started.stopped.session.end == started.running.session.start == local("2026-11-25T10:00")
        rows = sessions_on_disk(store, TODAY)
        assert [(r["kind"], r.get("end")) for r in rows] == [(NETWORKING, local("2026-11-25T10:00")), (OTHER, None)]

    def test_switch_alternates_and_starts_networking_when_stopped(self, store: Store, clock: FixedClock) -> None:
        assert timer.switch(store).running.session.kind == NETWORKING
        clock.advance(minutes=5)
        assert timer.switch(store).running.session.kind == OTHER
        clock.advance(minutes=5)
        assert timer.switch(store).running.session.kind == NETWORKING
        assert len(sessions_on_disk(store, TODAY)) == 3

    def test_ensure_networking_leaves_networking_running(self, store: Store, clock: FixedClock) -> None:
        timer.start(store, OTHER)
        clock.advance(minutes=5)
        assert timer.ensure_networking(store) is not None
        clock.advance(minutes=5)
        assert timer.ensure_networking(store) is None
        assert [r["kind"] for r in sessions_on_disk(store, TODAY)] == [OTHER, NETWORKING]

    def test_starting_the_kind_that_runs_changes_nothing(self, store: Store, clock: FixedClock) -> None:
        timer.start(store, NETWORKING)
        before = store.day_path(TODAY).read_bytes()
        clock.advance(minutes=5)
        again = timer.start(store, NETWORKING)
        assert not again.changed
        assert again.running.session.start == local("2026-11-25T09:30")
        assert store.day_path(TODAY).read_bytes() == before

    def test_a_session_stopped_in_the_second_it_started_leaves_no_record(self, store: Store) -> None:
        timer.start(store, NETWORKING)
        timer.start(store, OTHER)
        assert [r["kind"] for r in sessions_on_disk(store, TODAY)] == [OTHER]

    def test_start_at_an_earlier_time(self, store: Store) -> None:
        started = timer.start(store, NETWORKING, local("2026-11-25T08:00"))
        assert started.running.session.start == local("2026-11-25T08:00")

    def test_the_future_is_refused_and_nothing_is_written(self, store: Store) -> None:
        with pytest.raises(TimerError, match="in the future"):
            timer.start(store, NETWORKING, local("2026-11-25T09:31"))
        assert not store.day_path(TODAY).exists()

    def test_switching_before_the_running_session_began_is_refused(self, store: Store) -> None:
        timer.start(store, NETWORKING, local("2026-11-25T09:00"))
        before = store.day_path(TODAY).read_bytes()
        with pytest.raises(TimerError, match="running since 2026-11-25 09:00 started after 2026-11-25 08:30"):
            timer.start(store, OTHER, local("2026-11-25T08:30"))
        assert store.day_path(TODAY).read_bytes() == before

    def test_starting_inside_a_closed_session_is_refused(self, store: Store) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-25T08:00"), local("2026-11-25T09:00"))
        with pytest.raises(TimerError, match="overlaps the networking session from 2026-11-25 08:00 to 09:00"):
            timer.start(store, OTHER, local("2026-11-25T08:30"))

    def test_an_unknown_kind_is_refused(self, store: Store) -> None:
        with pytest.raises(TimerError, match="unknown kind 'lunch'"):
            timer.start(store, "lunch")


class TestMidnight:
    @pytest.fixture
    def evening(self, clock: FixedClock) -> FixedClock:
        clock.set(local("2026-11-24T23:00"))
        return clock

    def test_a_session_running_past_midnight_stays_in_its_start_days_file(
        self, store: Store, evening: FixedClock
    ) -> None:
        timer.start(store, NETWORKING)
        evening.set(local("2026-11-25T01:00"))
        other = fresh(store)
        found = timer.running(other)
        assert found is not None
        assert found.day == date(2026, 11, 24)
        state = timer.snapshot(other)
        assert (state.kind, state.elapsed, state.today.networking) == (NETWORKING, 7200, 3600)

    def test_a_start_the_next_morning_stops_yesterdays_session(self, store: Store, evening: FixedClock) -> None:
        timer.start(store, NETWORKING)
        evening.set(local("2026-11-25T01:30"))
        started = timer.start(fresh(store), OTHER)
        assert started.stopped is not None
        assert started.stopped.day == date(2026, 11, 24)
        assert sessions_on_disk(store, date(2026, 11, 24))[0]["end"] == local("2026-11-25T01:30")
        assert sessions_on_disk(store, TODAY) == [{"kind": "other", "start": local("2026-11-25T01:30")}]

    def test_report_splits_the_session_at_midnight(self, store: Store, evening: FixedClock) -> None:
        timer.start(store, NETWORKING)
        evening.set(local("2026-11-25T02:00"))
        timer.stop(store)
        rows = timer.report(fresh(store), "week")
        assert [(r.day, r.totals.networking) for r in rows] == [
            (date(2026, 11, 23), 0),
            (date(2026, 11, 24), 3600),
            (date(2026, 11, 25), 7200),
        ]


class TestInstances:
    def test_a_stale_instance_never_writes_a_second_running_session(self, store: Store, clock: FixedClock) -> None:
        stale = fresh(store)  # opened before the other instance starts the timer
        timer.start(store, NETWORKING, local("2026-11-22T10:00"))
        clock.advance(minutes=1)
        started = timer.start(stale, OTHER)
        assert started.stopped is not None
        assert started.stopped.day == date(2026, 11, 22)
        assert timer.running(fresh(store)).session.kind == OTHER  # type: ignore[union-attr]
        assert sessions_on_disk(store, date(2026, 11, 22))[0]["end"] == local("2026-11-25T09:31")

    def test_a_stop_in_one_instance_shows_in_the_others_next_snapshot(self, store: Store, clock: FixedClock) -> None:
        timer.start(store, NETWORKING)
        other = fresh(store)
        assert timer.snapshot(other).running
        clock.advance(minutes=10)
        timer.stop(store)
        state = timer.snapshot(other)
        assert not state.running
        assert state.today.networking == 600

    def test_a_hand_edit_of_todays_file_shows_in_the_snapshot(self, store: Store) -> None:
        path = store.day_path(TODAY)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            'format = 1\ndate = 2026-11-25\n\n[[time]]\nkind = "other"\nstart = 2026-11-25T09:00:00+01:00\n', "utf-8"
        )
        state = timer.snapshot(store)
        assert (state.kind, state.elapsed) == (OTHER, 1800)


class TestSessionEdits:
    def test_a_forgotten_session_is_added_in_start_order(self, store: Store) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-25T08:00"), local("2026-11-25T09:00"))
        timer.add_session(store, OTHER, local("2026-11-25T07:00"), local("2026-11-25T07:30"))
        assert [s.kind for s in timer.day_sessions(store, TODAY)] == [OTHER, NETWORKING]
        assert [r["kind"] for r in sessions_on_disk(store, TODAY)] == [OTHER, NETWORKING]

    def test_an_overlapping_add_is_refused_with_a_clear_message(self, store: Store) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-25T08:00"), local("2026-11-25T09:00"))
        with pytest.raises(TimerError, match="it overlaps the networking session from 2026-11-25 08:00 to 09:00"):
            timer.add_session(store, OTHER, local("2026-11-25T08:59"), local("2026-11-25T09:10"))

    def test_an_add_overlapping_yesterdays_late_session_is_refused(self, store: Store) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-24T23:00"), local("2026-11-25T00:30"))
        with pytest.raises(TimerError, match="from 2026-11-24 23:00 to 2026-11-25 00:30"):
            timer.add_session(store, OTHER, local("2026-11-25T00:00"), local("2026-11-25T01:00"))

    def test_a_second_running_session_cannot_be_added(self, store: Store) -> None:
        timer.start(store, NETWORKING, local("2026-11-25T09:00"))
        with pytest.raises(TimerError, match="still running; stop it first"):
            timer.add_session(store, OTHER, local("2026-11-25T06:00"), None)

    def test_a_closed_session_after_the_running_ones_start_is_refused(self, store: Store) -> None:
        timer.start(store, NETWORKING, local("2026-11-25T08:00"))
        with pytest.raises(TimerError, match="overlaps the networking session running since 2026-11-25 08:00"):
            timer.add_session(store, OTHER, local("2026-11-25T08:30"), local("2026-11-25T09:00"))

    def test_edit_corrects_start_and_end(self, store: Store) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-25T08:00"), local("2026-11-25T09:00"))
        edited = timer.edit_session(
            store, TODAY, local("2026-11-25T08:00"), OTHER, local("2026-11-25T07:45"), local("2026-11-25T08:15")
        )
        assert (edited.session.kind, edited.session.start, edited.session.end) == (
            OTHER,
            local("2026-11-25T07:45"),
            local("2026-11-25T08:15"),
        )
        assert sessions_on_disk(store, TODAY) == [
            {"kind": "other", "start": local("2026-11-25T07:45"), "end": local("2026-11-25T08:15")}
        ]

    def test_an_edit_to_another_date_moves_the_session_to_that_days_file(self, store: Store) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-25T00:30"), local("2026-11-25T01:00"))
        moved = timer.edit_session(
            store, TODAY, local("2026-11-25T00:30"), NETWORKING, local("2026-11-24T23:30"), local("2026-11-25T01:00")
        )
        assert moved.day == date(2026, 11, 24)
        assert sessions_on_disk(store, TODAY) == []
        assert len(sessions_on_disk(store, date(2026, 11, 24))) == 1

    @pytest.mark.parametrize(
        ("start", "end", "message"),
        [
            ("2026-11-25T08:30", "2026-11-25T09:15", "overlaps the other session from 2026-11-25 09:00 to 09:20"),
            ("2026-11-25T08:30", "2026-11-25T08:00", "must come after the start"),
            ("2026-11-25T08:30", "2026-11-25T10:00", "2026-11-25 10:00 is in the future"),
        ],
    )
    def test_an_edit_that_breaks_the_rules_is_refused_and_nothing_changes(
        self, store: Store, start: str, end: str, message: str
    ) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-25T08:00"), local("2026-11-25T08:45"))
        timer.add_session(store, OTHER, local("2026-11-25T09:00"), local("2026-11-25T09:20"))
        before = store.day_path(TODAY).read_bytes()
        with pytest.raises(TimerError, match=message):
            timer.edit_session(store, TODAY, local("2026-11-25T08:00"), NETWORKING, local(start), local(end))
        assert store.day_path(TODAY).read_bytes() == before

    def test_an_edit_of_a_session_changed_elsewhere_is_refused(self, store: Store) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-25T08:00"), local("2026-11-25T08:45"))
        with pytest.raises(TimerError, match="has no session starting at 07:00"):
            timer.edit_session(
                store,
                TODAY,
                local("2026-11-25T07:00"),
                NETWORKING,
                local("2026-11-25T07:00"),
                local("2026-11-25T08:00"),
            )

    def test_delete_returns_the_session_for_undo(self, store: Store) -> None:
        timer.add_session(store, NETWORKING, local("2026-11-25T08:00"), local("2026-11-25T08:45"))
        gone = timer.delete_session(store, TODAY, local("2026-11-25T08:00"))
        assert sessions_on_disk(store, TODAY) == []
        timer.add_session(store, gone.kind, gone.start, gone.end)
        assert len(sessions_on_disk(store, TODAY)) == 1
        with pytest.raises(TimerError, match="has no session starting at 09:00"):
            timer.delete_session(store, TODAY, local("2026-11-25T09:00"))


class TestIdleQuestion:
    @pytest.fixture
    def working(self, store: Store, clock: FixedClock) -> Store:
        store.config = Config(idle_hours=4)
        timer.start(store, NETWORKING, local("2026-11-25T08:00"))
        idle.touch_seen(store, local("2026-11-25T09:00"))
        clock.set(local("2026-11-25T14:00"))
        return store

    def test_no_question_without_a_running_session(self, store: Store) -> None:
        assert idle.idle_question(store) is None

    def test_a_long_gap_asks_once_and_keep_forgets_it(self, working: Store) -> None:
        question = idle.idle_question(working)
        assert question is not None
        assert question.last_seen == local("2026-11-25T09:00")
        assert question.gap == timedelta(hours=5)
        idle.keep_running(working)
        assert idle.idle_question(working) is None
        assert timer.running(working) is not None

    def test_end_when_last_seen(self, working: Store) -> None:
        question = idle.idle_question(working)
        assert question is not None
        stopped = idle.end_when_last_seen(working, question)
        assert stopped is not None
        assert stopped.session.end == local("2026-11-25T09:00")
        assert idle.idle_question(working) is None

    def test_end_at_a_typed_time(self, working: Store) -> None:
        question = idle.idle_question(working)
        assert question is not None
        idle.end_at(working, question, local("2026-11-25T11:15"))
        assert sessions_on_disk(working, TODAY)[0]["end"] == local("2026-11-25T11:15")

    def test_an_answer_about_a_session_stopped_elsewhere_is_refused(self, working: Store) -> None:
        question = idle.idle_question(working)
        assert question is not None
        timer.stop(fresh(working))
        with pytest.raises(TimerError, match="stopped or changed in another window"):
            idle.end_when_last_seen(working, question)

    def test_a_short_gap_does_not_ask(self, working: Store, clock: FixedClock) -> None:
        clock.set(local("2026-11-25T12:59"))
        assert idle.idle_question(working) is None

    def test_touch_seen_writes_at_most_once_a_minute(self, store: Store, clock: FixedClock) -> None:
        assert idle.touch_seen(store)
        clock.advance(seconds=30)
        assert not idle.touch_seen(store)
        assert idle.last_seen(store) == local("2026-11-25T09:30")
        clock.advance(seconds=31)
        assert idle.touch_seen(store)
        assert idle.last_seen(store) == local("2026-11-25T09:31:01")


def test_change_days_writes_nothing_when_the_block_raises(store: Store, tmp_path: Path) -> None:
    timer.add_session(store, NETWORKING, local("2026-11-25T08:00"), local("2026-11-25T08:45"))
    before = store.day_path(TODAY).read_bytes()

    def abandon(batch: DayBatch) -> None:
        batch.day(TODAY).time.clear()
        batch.day(date(2026, 11, 24)).journal.rating = 3
        raise RuntimeError("changed my mind")

    with pytest.raises(RuntimeError, match="changed my mind"):
        store.change_days(abandon)
    assert store.day_path(TODAY).read_bytes() == before
    assert not store.day_path(date(2026, 11, 24)).exists()


def test_a_days_only_store_keeps_the_contact_index_when_it_saves(store: Store, clock: FixedClock) -> None:
    """``timer status`` opens without unpacking contacts; its index saves must not drop them."""
    store.add_contact(Contact(id="", name="Jane Doe"))
    days_only = Store.open(store.root, clock, contacts=False)
    timer.start(days_only, NETWORKING)
    assert not days_only.contacts_loaded
    reopened = Store.open(store.root, clock, scan=False)
    assert list(reopened.contacts) == ["jane-doe"]
    assert reopened.days[TODAY.toordinal()].sessions[0][0] == NETWORKING
