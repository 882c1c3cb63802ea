"""Keys that arrive together, as a slow SSH link delivers typing, land where slow typing lands."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.call_end import CallEndPrompt, CallOutcome
from networkday.ui.modals.contact_form import ContactForm
from networkday.ui.screens.contacts import ContactsScreen
from networkday.ui.screens.journal import JournalScreen
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.answer_area import AnswerArea
from tests.journal_world import world_store
from tests.ui.contacts_world import build
from tests.ui.screens import go_to


def arrive_together(app, *keys: str) -> None:
    """Posts the keys at once, as the terminal driver does with one read of several bytes."""
    for key in keys:
        character = {"tab": "\t", "enter": "\r"}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def open_form(app, pilot) -> ContactForm:
    """The contact form of the first person on the Contacts screen, as ``e`` opens it."""
    await go_to(app, pilot, "2", ContactsScreen)
    await pilot.press("e")
    assert isinstance(app.screen, ContactForm)
    return app.screen


async def test_text_typed_straight_after_tab_goes_to_the_next_field_not_the_first(store: Store) -> None:
    """Tab Tab Major in one read put "Major" in the name, all of it replaced, and left the title as it was."""
    network = build(store)
    app = create_app(network)
    async with app.run_test(size=(100, 34)) as pilot:
        form = await open_form(app, pilot)
        name = form.query_one("#form-name", Input).value
        contact_id = form.base.id
        arrive_together(app, "tab", "tab", *"Major")  # the title is all selected as Tab lands on it
        await pilot.pause(0.3)
        arrive_together(app, "shift+tab", *"Acme")
        await pilot.pause(0.3)
        assert form.query_one("#form-name", Input).value == name
        assert form.query_one("#form-title", Input).value == "Major"
        assert form.query_one("#form-company", Input).value == "Acme"  # select-all on focus, then typed over
        await pilot.press("ctrl+s")
        saved = tomllib.loads(network.contact_path(contact_id).read_text("utf-8"))
        assert (saved["name"], saved["title"], saved["company"]) == (name, "Major", "Acme")


async def test_editing_keys_read_with_text_act_in_the_order_typed(store: Store) -> None:
    """ctrl+u then text, Backspace amid text, and Tab after them, all in one read (Textual #6605)."""
    network = build(store)
    app = create_app(network)
    async with app.run_test(size=(100, 34)) as pilot:
        form = await open_form(app, pilot)
        name = form.query_one("#form-name", Input).value
        arrive_together(app, "tab", "tab", "ctrl+u", *"Mx", "backspace", *"ajor", "shift+tab", "ctrl+u", *"Acme")
        await pilot.pause(0.3)
        assert form.query_one("#form-name", Input).value == name
        assert form.query_one("#form-title", Input).value == "Major"
        assert form.query_one("#form-company", Input).value == "Acme"
        notes = form.query_one("#form-notes", TextArea)
        notes.focus()
        await pilot.pause()
        arrive_together(app, "ctrl+a", *"ab", "backspace", "c", "left", "X")
        await pilot.pause(0.3)
        assert notes.text.endswith("aXc")


async def test_text_read_with_the_key_that_opens_the_prompt_goes_into_the_prompt(small_store: Store) -> None:
    """w and the offer in one read: the keys after w reached Today's list, and the offer was lost."""
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        arrive_together(app, "w", *"Sent the deck")
        await pilot.pause(0.3)
        arrive_together(app, "tab", *"a call", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TodayScreen)
    touch = small_store.contact("ada-lovelace").log[-1]
    assert (touch.outcome, touch.gave, touch.asked) == ("will", "Sent the deck", "a call")


async def test_enter_read_with_them_saves_after_the_text(small_store: Store) -> None:
    """Its Enter came back up to the app after the prompt opened, and saved the prompt before the text was in."""
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        arrive_together(app, "w", *"Sent the deck", "enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, TodayScreen)
    assert small_store.contact("ada-lovelace").log[-1].gave == "Sent the deck"


async def test_text_read_with_e_on_the_journal_goes_into_the_answer_not_to_the_screens_keys(tmp_path: Path) -> None:
    """e 2 + + leads in one read: 2 switched to Contacts, e opened a person's form, and Enter saved it renamed."""
    world = world_store(tmp_path / "data")
    contacts_before = {path.name: path.read_bytes() for path in world.contacts_dir.iterdir()}
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(app, pilot, "3", JournalScreen)
        arrive_together(app, "e", *"2 ++ leads", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.query(AnswerArea).first().text.startswith("2 ++ leads\n")
    assert {path.name: path.read_bytes() for path in world.contacts_dir.iterdir()} == contacts_before


async def test_text_read_with_the_outcome_key_of_a_call_goes_into_the_prompt_it_opens(small_store: Store) -> None:
    """t and the give in one read after ctrl+s: the first letter reached the prompt before it had a field."""
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("C", "ctrl+s")
        assert isinstance(app.screen, CallOutcome)
        arrive_together(app, "t", *"great")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CallEndPrompt)
        assert app.screen.query_one("#log-gave", Input).value == "great"
