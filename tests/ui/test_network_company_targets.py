"""The network list and a person's screen count a company marked target in its file, as Today and Companies do."""

from __future__ import annotations

import pytest

from networkday.domain.contact import Contact
from networkday.services.companies import add_company
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.screens.companies import CompaniesScreen
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.contacts import ContactsScreen
from networkday.ui.widgets.company_list import CompanyList
from networkday.ui.widgets.contact_list import ContactList
from tests.ui.contacts_world import ids, line_texts
from tests.ui.screens import go_to, text_of

SIZE = (100, 30)


def world(store: Store) -> Store:
    """Quarry Labs is a target only through its company file; Acme has a file that is no target."""
    store.add_contact(Contact(id="leo", name="Leo Fischer", company="Quarry Labs", title="Staff engineer"))
    store.add_contact(Contact(id="marta", name="Marta Silva", company="quarry labs inc."))
    store.add_contact(Contact(id="bob", name="Bob Stone", company="Acme"))
    add_company(store, "Quarry Labs", target=True)
    add_company(store, "Acme")
    return store


@pytest.fixture
def app(store: Store) -> NetworkdayApp:
    return create_app(world(store))


def line_of(app: NetworkdayApp, name: str) -> str:
    return next(line for line in line_texts(app) if name in line)


async def test_the_list_marks_and_keeps_people_at_a_company_file_target(app: NetworkdayApp):
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        assert line_of(app, "Leo Fischer").lstrip().startswith("◆")
        assert line_of(app, "Marta Silva").lstrip().startswith("◆")
        assert not line_of(app, "Bob Stone").lstrip().startswith("◆")
        screen.query_one(ContactList).select("leo-fischer")
        await pilot.pause()
        assert "◆ target company" in text_of(app, "#contacts-detail")
        await pilot.press("g")
        assert ids(app) == ["leo-fischer", "marta-silva"]


async def test_the_person_screen_says_target_company(app: NetworkdayApp):
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        screen.query_one(ContactList).select("leo-fischer")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert "◆ target company" in text_of(app, "#contact-title")


async def test_t_on_companies_shows_in_the_list_on_return(app: NetworkdayApp):
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("g")
        assert ids(app) == ["leo-fischer", "marta-silva"]
        companies = await go_to(app, pilot, "4", CompaniesScreen)
        while companies.query_one(CompanyList).current().name != "Acme":
            await pilot.press("j")
        await pilot.press("t")
        await go_to(app, pilot, "2", ContactsScreen)
        assert ids(app) == ["bob-stone", "leo-fischer", "marta-silva"]
        assert line_of(app, "Bob Stone").lstrip().startswith("◆")
