"""The log prompt after an outcome: the rule that applied is shown before Enter, a scheduled call's
When plans it, and Escape with text typed asks whether to keep it."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Label, Static

from networkday.storage.drafts import load_drafts
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.choice import ChoiceModal
from networkday.ui.modals.contact_form import ContactForm
from networkday.ui.modals.keep_typing import KEPT_AT_ESCAPE
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.queue_list import QueueList


def rule_line(app) -> str:
    return str(app.screen.query_one("#log-rule", Label).render())


async def test_no_answer_shows_the_retry_before_enter(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, LogPrompt)
        assert rule_line(app) == "No answer — we'll try again Fri 27 Nov."
        await pilot.press("escape")
    assert small_store.contact("ada-lovelace").follow_up == date(2026, 11, 27)


async def test_scheduled_asks_when_and_plans_the_call_on_that_day(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        assert "when is it?" in rule_line(app)
        await pilot.press("tab", "tab", "tab", "tab", *"2026-12-01 10:30", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press(*"]" * 6)  # browse to Tue 1 Dec: the call is planned there, at its time
        app.screen.query_one(QueueList).select("ada-lovelace")
        await pilot.pause()
        pane = str(app.screen.query_one("#row-detail", Static).render()).splitlines()
        assert pane[1].startswith("at 10:30 · via video")
    [call] = small_store.day(date(2026, 12, 1)).calls
    assert (call.contact, call.time, call.made) == ("ada-lovelace", "10:30", False)
    assert small_store.contact("ada-lovelace").follow_up == date(2026, 12, 1)


async def test_a_bad_when_is_shown_beside_the_field_and_nothing_is_planned(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "tab", "tab", "tab", "tab", *"2026-12-01 27:00", "enter")
        assert isinstance(app.screen, LogPrompt)
        assert "not a time of day" in str(app.screen.query_one("#log-error", Label).render())
    assert not small_store.day_path(date(2026, 12, 1)).exists()


async def test_escape_with_nothing_typed_closes_at_once(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "escape")
        assert isinstance(app.screen, TodayScreen)


async def test_escape_with_text_asks_go_back_keeps_the_text(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", *"sent my notes", "escape")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # the first choice: go back to it
        assert isinstance(app.screen, LogPrompt)
        assert app.screen.query_one("#log-gave", Input).value == "sent my notes"
        await pilot.press("escape", "escape")  # Escape on the question goes back too
        assert isinstance(app.screen, LogPrompt)
        await pilot.press("enter")
    assert small_store.contact("ada-lovelace").log[-1].gave == "sent my notes"


async def test_escape_with_text_kept_as_a_draft_is_offered_at_the_next_start(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", *"sent my notes", "escape", "down", "enter")
        assert isinstance(app.screen, TodayScreen)
    [draft] = load_drafts(small_store)
    assert (draft.why, draft.fields) == (KEPT_AT_ESCAPE, {"gave": "sent my notes"})
    assert small_store.contact("ada-lovelace").log[-1].gave == ""
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)
        assert "you kept a draft of the details of your touch with Ada Lovelace" in app.screen._title
        await pilot.press("enter", "enter")  # open it again, then save it
        await pilot.pause()
    assert small_store.contact("ada-lovelace").log[-1].gave == "sent my notes"
    assert load_drafts(small_store) == []


async def test_escape_with_text_discarded_keeps_nothing(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", *"sent my notes", "escape", "down", "down", "enter")
        assert isinstance(app.screen, TodayScreen)
    assert load_drafts(small_store) == []
    assert small_store.contact("ada-lovelace").log[-1].gave == ""


async def test_escape_on_a_changed_contact_form_asks_too(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(QueueList).select("mary-jackson")
        await pilot.press("enter", "e")
        assert isinstance(app.screen, ContactForm)
        await pilot.press("end", *" Jr", "escape")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "enter")
        assert not isinstance(app.screen, ContactForm)
    [draft] = load_drafts(small_store)
    assert draft.fields == {"name": "Mary Jackson Jr"}


async def test_at_80x24_the_prompt_opens_with_whose_touch_it_is_in_view(small_store: Store) -> None:
    """The dialog scrolls there by a line; focusing the first field must not scroll the title out."""
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        title = app.screen.query(Label).first()
        assert app.screen.query_one("#log-prompt").scroll_y == 0
        assert title.region.height > 0
        assert app.screen.query_one("#log-prompt").scrollable_content_region.contains_region(title.region)
        assert app.focused is app.screen.query_one("#log-gave", Input)


async def test_at_80x24_a_refused_when_shows_why(small_store: Store) -> None:
    """The error line sits under the last field, out of view at 80x24 until scrolled to."""
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "tab", "tab", "tab", "tab", *"2026-11-01", "enter")
        await pilot.pause()
        error = app.screen.query_one("#log-error", Label)
        assert "is past" in str(error.render())
        assert app.screen.query_one("#log-prompt").scrollable_content_region.contains_region(error.region)
