"""The idle question and the session editor on the nights the clocks skip or repeat an hour."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.domain.day import TimeSession
from networkday.services import idle
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.choice import ChoiceModal, TextModal
from networkday.ui.modals.sessions import SessionEditor

NEW_YORK = ZoneInfo("America/New_York")
SPRING = datetime(2026, 3, 8, 12, 0, tzinfo=NEW_YORK)
AUTUMN_SECOND_PASS = datetime(2026, 11, 1, 6, 40, tzinfo=UTC).astimezone(NEW_YORK)  # 01:40 EST


def _opened(tmp_path: Path, now: datetime) -> Store:
    """A folder with one person, so the app opens on Today rather than the welcome."""
    store = Store.open(tmp_path / "data", FixedClock(now))
    store.add_contact(Contact(id="", name="Ada Lovelace"))
    return store


def _sessions(store: Store, day: date) -> list[dict]:
    return tomllib.loads(store.day_path(day).read_text("utf-8")).get("time", [])


async def test_the_session_editor_refuses_a_skipped_time_naming_the_gap(tmp_path: Path) -> None:
    store = _opened(tmp_path, SPRING)
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("S", "a", "tab", *"02:30", "tab", *"03:30", "enter")
        assert isinstance(app.screen, SessionEditor)
        error = str(app.screen.query_one("#session-error").render())
        assert "02:30 does not exist on 2026-03-08: the clocks went forward from 02:00 to 03:00" in error
    assert not store.day_path(SPRING.date()).exists()


async def test_the_session_editor_says_which_repeated_time_it_took_and_keeps_it(tmp_path: Path) -> None:
    store = _opened(tmp_path, AUTUMN_SECOND_PASS)
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("S", "a", "tab", *"00:50", "tab", *"01:30", "enter")
        await pilot.pause()
        notes = [n.message for n in app._notifications if "came twice" in n.message]
        assert notes == [
            "01:30 came twice on 2026-11-01 as the clocks went back; took the second (EST, UTC-05:00);"
            " for the other, type 2026-11-01T01:30-04:00"
        ]
        [saved] = _sessions(store, AUTUMN_SECOND_PASS.date())
        assert saved["end"].timestamp() == datetime(2026, 11, 1, 6, 30, tzinfo=UTC).timestamp()
        await pilot.press("e")  # the editor shows the instant with its offset: saved unchanged, it stays
        assert app.screen.query_one("#session-end").value == "2026-11-01T01:30-05:00"
        await pilot.press("enter")
    [saved] = _sessions(store, AUTUMN_SECOND_PASS.date())
    assert saved["end"].timestamp() == datetime(2026, 11, 1, 6, 30, tzinfo=UTC).timestamp()


async def test_the_idle_question_refuses_a_skipped_time(tmp_path: Path) -> None:
    store = _opened(tmp_path, SPRING)
    start = datetime(2026, 3, 7, 22, 0, tzinfo=NEW_YORK)
    store.update_day(start.date(), lambda day: day.time.append(TimeSession("networking", start)))
    idle.touch_seen(store, at=start + timedelta(hours=1), every=0)
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, TextModal)
        await pilot.press(*"2026-03-08T02:30", "enter")
        assert isinstance(app.screen, TextModal)
        error = str(app.screen.query_one("#text-error").render())
        assert "does not exist on 2026-03-08: the clocks went forward from 02:00 to 03:00" in error
    assert "end" not in _sessions(store, start.date())[0]
