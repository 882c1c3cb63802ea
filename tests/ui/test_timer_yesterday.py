"""The idle question and the session editor read ``17:30`` typed in the morning as yesterday's 17:30."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta

from networkday.domain.day import TimeSession
from networkday.services import idle
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.choice import ChoiceModal, TextModal
from networkday.ui.modals.sessions import SessionEditor, SessionsScreen
from tests.conftest import NOW

YESTERDAY = NOW.date() - timedelta(days=1)


def sessions(store: Store, day: date) -> list[dict]:
    path = store.day_path(day)
    return tomllib.loads(path.read_text("utf-8")).get("time", []) if path.exists() else []


def at(hour: int, minute: int) -> datetime:
    return datetime.combine(YESTERDAY, datetime.min.time().replace(hour=hour, minute=minute), NOW.tzinfo)


async def test_the_idle_question_takes_last_evening_for_a_time_still_ahead_today(small_store: Store, clock):
    start = at(16, 0)
    small_store.update_day(YESTERDAY, lambda day: day.time.append(TimeSession("networking", start)))
    idle.touch_seen(small_store, at=at(16, 30), every=0)
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, TextModal)
        await pilot.press(*"17:30", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, TextModal), "17:30 at 09:30 was refused"
        notes = [n.message for n in app._notifications]
    assert sessions(small_store, YESTERDAY) == [{"kind": "networking", "start": start, "end": at(17, 30)}]
    assert "17:30 has not come yet today: took yesterday's, Tue 24 Nov" in notes


async def test_the_session_editor_adds_last_evenings_session_from_todays_list(small_store: Store, clock):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("S", "a")
        assert isinstance(app.screen, SessionEditor)
        await pilot.press("tab", *"17:30", "tab", *"18:15", "enter")
        assert isinstance(app.screen, SessionsScreen), str(app.screen.query_one("#session-error").render())
    assert sessions(small_store, YESTERDAY) == [{"kind": "networking", "start": at(17, 30), "end": at(18, 15)}]
    assert sessions(small_store, NOW.date()) == []


async def test_the_session_editor_crosses_midnight_from_last_evening_into_this_morning(small_store: Store, clock):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("S", "a", "tab", *"23:00", "tab", *"01:00", "enter")
        assert isinstance(app.screen, SessionsScreen)
    [session] = sessions(small_store, YESTERDAY)
    assert session["start"] == at(23, 0)
    assert session["end"] == at(23, 0) + timedelta(hours=2)
