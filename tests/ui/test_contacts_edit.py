"""Adding, editing, deleting with undo and merging contacts through the keys."""

from __future__ import annotations

import tomllib

import pytest
from textual.widgets import Input, Label

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.choice import ChoiceModal
from networkday.ui.modals.contact_form import ContactForm
from networkday.ui.modals.merge_preview import MergePreview
from networkday.ui.modals.pick_contact import PickContact
from networkday.ui.screens.contacts import ContactsScreen
from networkday.ui.widgets.contact_list import ContactList
from tests.ui.contacts_world import TODAY, build, ids
from tests.ui.screens import go_to

SIZE = (100, 34)


@pytest.fixture
def network(store: Store) -> Store:
    return build(store)


def read(path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def error_of(app, field: str) -> str:
    return str(app.screen.query_one(f"#error-{field}", Label).render())


async def fill(pilot, field: str, text: str) -> None:
    box = pilot.app.screen.query_one(f"#form-{field}", Input)
    box.value = text
    await pilot.pause()


async def test_add_shows_errors_beside_fields_and_saves_nothing_until_valid(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        before = sorted(path.name for path in network.contacts_dir.iterdir())
        await pilot.press("a")
        assert isinstance(app.screen, ContactForm)
        await fill(pilot, "email", "not-an-address")
        await fill(pilot, "follow_up", "next tuesday")
        await fill(pilot, "referred_by", "Nobody Known")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContactForm)
        assert error_of(app, "name") == "a name is required"
        assert "'not-an-address' is not an email address" in error_of(app, "email")
        assert "is not a date" in error_of(app, "follow_up")
        assert "no one named 'Nobody Known'" in error_of(app, "referred_by")
        assert error_of(app, "company") == ""
        assert app.screen.query_one("#form-name", Input).has_focus  # the first field to fix
        assert sorted(path.name for path in network.contacts_dir.iterdir()) == before

        await pilot.press(*"Katherine Johnson")
        await fill(pilot, "email", "kj@nasa.example")
        await fill(pilot, "follow_up", "+3")
        await fill(pilot, "referred_by", "")
        await pilot.press("enter")
        assert isinstance(app.screen, ContactsScreen)
        saved = read(network.contact_path("katherine-johnson"))
        assert saved["email"] == ["kj@nasa.example"]
        assert saved["follow_up"].isoformat() == "2026-11-28"
        assert app.screen.query_one(ContactList).current().id == "katherine-johnson"


async def test_referrer_is_completed_from_names_and_saved_as_an_id(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("a", *"Nina Simone")
        app.screen.query_one("#form-referred_by", Input).focus()
        await pilot.press(*"grace")
        await pilot.pause()
        await pilot.press("right")  # accepts the suggestion
        assert app.screen.query_one("#form-referred_by", Input).value == "Grace Hopper (grace-hopper)"
        await pilot.press("ctrl+s")
        assert read(network.contact_path("nina-simone"))["referred_by"] == "grace-hopper"


async def test_referrer_suggestions_ignore_accents_as_the_search_does(network: Store):
    from networkday.domain.contact import Contact

    network.add_contact(Contact(id="", name="Zoë Adams"))
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("a", *"Nina Simone")
        app.screen.query_one("#form-referred_by", Input).focus()
        await pilot.press(*"Zoe A")
        await pilot.pause()
        await pilot.press("right")  # accepts the suggestion
        assert app.screen.query_one("#form-referred_by", Input).value == "Zoë Adams (zoe-adams)"
        await pilot.press("ctrl+s")
        assert read(network.contact_path("nina-simone"))["referred_by"] == "zoe-adams"


async def test_referrer_picked_from_the_search_list(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("e")
        app.screen.query_one("#form-pick").press()
        await pilot.pause()
        assert isinstance(app.screen, PickContact)
        await pilot.press(*"linus", "enter")
        assert app.screen.query_one("#form-referred_by", Input).value == "Linus Pauling (linus-pauling)"
        await pilot.press("ctrl+s")
        assert read(network.contact_path("ada-lovelace"))["referred_by"] == "linus-pauling"


async def test_edit_keeps_a_hand_edit_of_another_field_and_reports_a_clash(network: Store):
    app = create_app(network)
    path = network.contact_path("ada-lovelace")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("e")
        await fill(pilot, "title", "Chief Engineer")
        text = path.read_text("utf-8")
        path.write_text(text.replace('met = "PyCon 2024"', 'met = "PyCon 2023"'), "utf-8")  # by hand, meanwhile
        await pilot.press("ctrl+s")
        saved = read(path)
        assert saved["title"] == "Chief Engineer"
        assert saved["met"] == "PyCon 2023"

        await pilot.press("e")
        await fill(pilot, "company", "Babbage & Co")
        text = path.read_text("utf-8")
        path.write_text(text.replace('company = "Analytical Engines"', 'company = "Difference Ltd"'), "utf-8")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContactForm)  # reopened, nothing clobbered
        assert read(path)["company"] == "Difference Ltd"
        assert "changed on disk meanwhile to 'Difference Ltd'" in error_of(app, "company")
        assert app.screen.query_one("#form-company", Input).value == "Babbage & Co"
        await pilot.press("ctrl+s")  # seen the clash: keep mine
        assert read(path)["company"] == "Babbage & Co"


async def test_delete_asks_first_and_u_brings_the_contact_back(network: Store):
    app = create_app(network)
    path = network.contact_path("bob-byrne")
    original = path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        screen.query_one(ContactList).select("bob-byrne")
        await pilot.press("D")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("enter")  # the highlighted answer is "keep"
        assert path.exists()
        await pilot.press("D", "down", "enter")
        assert not path.exists()
        assert "bob-byrne" not in ids(app)
        await pilot.press("u")
        assert path.read_bytes() == original
        assert screen.query_one(ContactList).current().id == "bob-byrne"
        await pilot.press("u")  # nothing more to undo: said, not done
        assert path.exists()


async def test_undo_is_also_in_the_command_palette(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("D", "down", "enter")
        assert not network.contact_path("ada-lovelace").exists()
        names = [command.title for command in app.get_system_commands(app.screen)]
        assert "Undo delete" in names
        await pilot.press("ctrl+p", *"undo delete")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert network.contact_path("ada-lovelace").exists()


async def test_merge_shows_what_is_kept_then_joins_and_rewrites_references(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("m")
        assert isinstance(app.screen, PickContact)
        await pilot.press(*"ada", "down", "down", "enter")
        assert isinstance(app.screen, MergePreview)
        preview = str(app.screen.query_one("#merge-body").render())
        assert "Kept: Ada Lovelace (ada-lovelace)" in preview
        assert "ada@example.com, ada@home.example" in preview
        assert "history: 4 touches (3 + 1" in preview
        assert "1 people referred by ada-lovelace-2" in preview
        await pilot.press("s")
        assert "Kept: Ada Lovelace (ada-lovelace-2)" in str(app.screen.query_one("#merge-body").render())
        await pilot.press("s", "enter")
        assert isinstance(app.screen, ContactsScreen)
    kept = read(network.contact_path("ada-lovelace"))
    assert not network.contact_path("ada-lovelace-2").exists()
    assert len(kept["log"]) == 4
    assert kept["email"] == ["ada@example.com", "ada@home.example"]
    assert read(network.contact_path("carl-sagan"))["referred_by"] == "ada-lovelace"
    day = read(network.day_path(TODAY))
    assert [call["contact"] for call in day["call"]] == ["ada-lovelace"]
