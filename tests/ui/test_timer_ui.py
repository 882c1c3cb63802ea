"""The timer's keys, the offer after an outcome, and the widget in each mode."""

from __future__ import annotations

import tomllib
from datetime import timedelta

from networkday.domain.day import TimeSession
from networkday.services import idle, timer
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.choice import ChoiceModal
from networkday.ui.widgets.timer_bar import TimerBar
from tests.conftest import NOW
from tests.ui.conftest import TODAY


def sessions(store: Store) -> list[dict]:
    return tomllib.loads(store.day_path(TODAY).read_text("utf-8")).get("time", [])


def bar_text(app) -> str:
    bar = app.screen.query_one(TimerBar)
    return str(bar.render())


async def test_t_starts_and_stops_and_o_switches(small_store: Store, clock):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "timer stopped" in bar_text(app)
        await pilot.press("T")
        assert sessions(small_store) == [{"kind": "networking", "start": NOW}]
        assert "NETWORKING 0:00" in bar_text(app)
        clock.advance(minutes=30)
        await pilot.press("O")
        clock.advance(minutes=10)
        bar = bar_text(app)
        assert "OTHER 0:10" in bar
        assert "net 0:30 · other 0:10" in bar
        assert "75% of 85% · below goal" in bar
        await pilot.press("T")
    kinds = [(s["kind"], "end" in s) for s in sessions(small_store)]
    assert kinds == [("networking", True), ("other", True)]
    assert timer.running(small_store) is None


async def test_outcome_offers_the_timer_once(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "escape")
        offers = [n for n in app._notifications if "press T" in n.message]
        assert len(offers) == 1
        await pilot.press("w", "escape")
        assert len([n for n in app._notifications if "press T" in n.message]) == 1
    assert sessions(small_store) == []


async def test_auto_switch_starts_networking_on_an_outcome(small_store: Store):
    (small_store.root / "config.toml").write_text("[timer]\nauto_switch = true\n", "utf-8")
    small_store.load_config()
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "escape")
    assert [s["kind"] for s in sessions(small_store)] == ["networking"]


async def test_idle_question_can_end_the_session_when_last_seen(small_store: Store, clock):
    start = NOW - timedelta(hours=9)
    small_store.update_day(TODAY, lambda day: day.time.append(TimeSession("networking", start)))
    idle.touch_seen(small_store, at=start + timedelta(hours=1), every=0)
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "enter")
    assert sessions(small_store)[0]["end"] == start + timedelta(hours=1)


async def test_sessions_list_adds_edits_refuses_overlap_and_deletes(small_store: Store, clock):
    from networkday.ui.modals.sessions import SessionEditor, SessionsScreen

    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("S")
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("a")
        assert isinstance(app.screen, SessionEditor)
        await pilot.press("tab", *"08:00", "tab", *"09:00", "enter")
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("a", "tab", *"08:30", "tab", *"08:45", "enter")
        assert isinstance(app.screen, SessionsScreen)
        error = str(app.screen.query_one("#sessions-error").render())
        assert "overlap" in error.lower() or "shares" in error.lower()
        await pilot.press("e")
        editor = app.screen
        editor.query_one("#session-end").value = "09:15"
        await pilot.press("enter")
        assert [s.get("end").strftime("%H:%M") for s in sessions(small_store)] == ["09:15"]
        await pilot.press("d")
    assert sessions(small_store) == []


async def test_writing_in_a_text_field_counts_as_being_here(small_store: Store, clock):
    """Letters and editing keys are taken by the field and never reach the app's bindings: they count all the same,
    so a long journal entry is not later asked about as time away."""
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "e")
        await pilot.pause()
        clock.advance(minutes=5)
        app._seen_at = float("-inf")  # the once-a-minute throttle, as if a minute had gone by
        await pilot.press(*"Jane", "backspace")
        assert idle.last_seen(small_store) == NOW + timedelta(minutes=5)
