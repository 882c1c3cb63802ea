"""A name holding a newline (a hand-edited file) stays on one line in the notices built from it."""

from __future__ import annotations

from networkday.domain.contact import Contact
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.screens.contacts import ContactsScreen
from networkday.ui.widgets.contact_list import ContactList
from tests.ui.screens import go_to


async def test_added_to_today_names_the_person_on_one_line(store: Store):
    store.add_contact(Contact(id="ada", name="Ada\nLovelace"))
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        (row,) = screen.query_one(ContactList).rows
        screen.query_one(ContactList).select(row.id)
        await pilot.press("p")
        await pilot.pause()
        assert [n.message for n in app._notifications][-1] == "Ada Lovelace added to today's calls."
