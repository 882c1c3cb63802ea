"""A name holding an escape sequence is data in the dialogs and the toasts, as it is in the rows."""

from __future__ import annotations

from textual.widgets import Label

from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.storage.store import Store
from networkday.ui.app import create_app
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
        await pilot.press("tab", "tab", "tab", *"tomorrow 10:00", "enter")
        await pilot.pause()
        toasts = [notification.message for notification in app._notifications]
        assert any("Ctl[31mRed" in message for message in toasts)
        assert not any("\x1b" in message for message in toasts)
