"""The scheduled call's When in the log prompt: from now on, every day file checked before the text
is saved, a half save said as such, and a call later today left to do with its time."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Label, Static

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.storage.saving import full_disk_for


async def test_a_past_when_is_refused_in_the_prompt_and_the_text_is_kept(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        for typed, message in (
            ("2026-11-24 10:00", "2026-11-24 is past; a scheduled call is planned from now on"),
            ("08:00", "08:00 today is past; a scheduled call is planned from now on"),
        ):
            if not isinstance(app.screen, LogPrompt):
                await pilot.press("s", "tab", "tab", "tab", "tab")
            when = app.screen.query_one("#log-follow-up", Input)
            when.value = ""
            await pilot.press(*typed, "enter")
            assert isinstance(app.screen, LogPrompt)
            assert str(app.screen.query_one("#log-error", Label).render()) == message
            assert when.value == typed
    assert not small_store.day_path(date(2026, 11, 24)).exists()
    assert [(c.made, c.time) for c in small_store.day(date(2026, 11, 25)).calls if c.contact == "ada-lovelace"] == [
        (True, "")
    ]


async def test_a_broken_day_for_the_call_keeps_the_prompt_and_saves_none_of_its_text(small_store: Store) -> None:
    broken = small_store.day_path(date(2026, 12, 1))
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("[[call]]\ncontact = 5\n")
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", *"an intro", "tab", "tab", "tab", "tab", *"2026-12-01 10:30", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LogPrompt)
        error = str(app.screen.query_one("#log-error", Label).render())
        assert error.startswith(f"Not saved: {broken}:1:1: ")
        assert "the call on Tue 1 Dec at 10:30 cannot be planned" in error
        assert app.screen.query_one("#log-gave", Input).value == "an intro"
    assert small_store.contact("ada-lovelace").log[-1].gave == ""
    assert broken.read_text() == "[[call]]\ncontact = 5\n"


async def test_a_call_later_today_keeps_the_row_to_do_with_its_time(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "tab", "tab", "tab", "tab", *"15:00", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        app.screen.query_one(QueueList).select("ada-lovelace")
        await pilot.pause()
        item = app.screen.query_one(QueueList).current()
        assert item is not None
        assert (item.contact_id, item.made, item.time) == ("ada-lovelace", False, "15:00")
        pane = str(app.screen.query_one("#row-detail", Static).render()).splitlines()
        assert pane[1].startswith("at 15:00")


async def test_a_plan_failing_after_the_text_is_saved_says_so_and_enter_finishes_it(
    small_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = small_store.day_path(date(2026, 12, 1))
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        with monkeypatch.context() as patch:
            full_disk_for(patch, target)
            await pilot.press("s", *"an intro", "tab", "tab", "tab", "tab", *"2026-12-01 10:30", "enter")
            await pilot.pause()
            assert isinstance(app.screen, LogPrompt)
            error = str(app.screen.query_one("#log-error", Label).render())
            saved_in = small_store.contact_path("ada-lovelace")
            assert error.startswith(f"what you typed is saved on the touch in {saved_in}")
            assert "but the call on Tue 1 Dec at 10:30 is not planned" in error
            assert small_store.contact("ada-lovelace").log[-1].gave == "an intro"
        await pilot.press("enter")  # the disk has room again
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    [call] = small_store.day(date(2026, 12, 1)).calls
    assert (call.contact, call.time) == ("ada-lovelace", "10:30")
