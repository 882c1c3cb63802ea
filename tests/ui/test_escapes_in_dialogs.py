"""A name holding an escape sequence is data in the dialogs and the toasts, as it is in the rows."""

from __future__ import annotations

from textual.widgets import Label

from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.messages import OpenContact
from networkday.ui.modals.log_prompt import LogPrompt
from tests.ui.conftest import TODAY

NAME = "Ctl\x1b[31mRed"


async def test_the_log_prompt_and_the_toast_show_the_name_without_its_escape(store: Store) -> None:
    contact = store.add_contact(Contact(id="", name=NAME))
    store.update_day(TODAY, lambda day: day.calls.append(Call(contact.id)))
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, LogPrompt)
        title = str(app.screen.query(Label).first().render())
        assert "\x1b" not in title
        assert title.startswith("Ctl[31mRed: ")
        await pilot.press("tab", "tab", "tab", "tab", *"tomorrow 10:00", "enter")
        await pilot.pause()
        toasts = [notification.message for notification in app._notifications]
        assert any("Ctl[31mRed" in message for message in toasts)
        assert not any("\x1b" in message for message in toasts)


async def test_the_edit_form_shows_fields_without_escapes_and_keeps_them_unless_edited(store: Store) -> None:
    """An escape sequence in a field cleared the screen and retitled the terminal from the form."""
    import tomllib

    from textual.widgets import Input, TextArea

    from networkday.ui.modals.contact_form import ContactForm

    evil = "Evil\x1b[2J\x1b]2;PWNED\x07Corp"
    contact = store.add_contact(Contact(id="", name=evil, company=evil, title="Boss", notes=f"see {evil}"))
    app = create_app(store)
    async with app.run_test(size=(100, 34)) as pilot:
        app.post_message(OpenContact(contact.id))
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, ContactForm)
        shown = [box.value for box in app.screen.query(Input)] + [app.screen.query_one(TextArea).text]
        shown += [str(label.render()) for label in app.screen.query(Label)]
        assert not [text for text in shown if any(ord(ch) < 32 and ch not in "\n\t" for ch in text)]
        app.screen.query_one("#form-title", Input).value = "Chief"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = tomllib.loads(store.contact_path(contact.id).read_text("utf-8"))
    assert (saved["name"], saved["company"], saved["notes"], saved["title"]) == (evil, evil, f"see {evil}", "Chief")


async def test_a_purpose_with_an_escape_is_shown_without_it_and_kept_on_enter(store: Store) -> None:
    from textual.widgets import Input

    from networkday.ui.modals.choice import TextModal

    contact = store.add_contact(Contact(id="", name="Ann"))
    store.update_day(TODAY, lambda day: day.calls.append(Call(contact.id, purpose="intro\x1b[31m red")))
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        assert isinstance(app.screen, TextModal)
        assert app.screen.query_one(Input).value == "intro[31m red"
        await pilot.press("enter")
        await pilot.pause()
    assert store.day(TODAY).calls[0].purpose == "intro\x1b[31m red"
