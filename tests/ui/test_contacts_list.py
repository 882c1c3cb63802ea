"""The network list, driven by keys: search, filters, sorts, the cursor keys and plain text."""

from __future__ import annotations

import dataclasses

import pytest

from networkday.domain.contact import Contact
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.pick_value import PickValue
from networkday.ui.screens.contacts import ContactsScreen
from networkday.ui.widgets.contact_list import ContactList
from tests.ui.contacts_world import ESCAPES, EVIL_COMPANY, build, ids, line_texts
from tests.ui.screens import go_to, text_of

SIZE = (100, 30)
ZOE = "zoe-b-markup-b-52-c-zxzpba-31m"
BY_NAME = [
    "ada-lovelace",
    "ada-lovelace-2",
    "bob-byrne",
    "carl-sagan",
    "grace-hopper",
    "linus-pauling",
    "mary-jackson",
    ZOE,
]


@pytest.fixture
def network(store: Store) -> Store:
    return build(store)


async def test_every_contact_by_name_with_marks_in_symbols_and_words(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        assert ids(app) == BY_NAME
        lines = line_texts(app)
        assert lines[0].split() == ["Name", "Company", "Title", "Tags", "Last", "touch", "Follow-up"]
        grace = next(line for line in lines if "Grace Hopper" in line)
        assert grace.lstrip().startswith("★◆")
        assert "overdue" in grace
        linus = next(line for line in lines if "Linus Pauling" in line)
        assert "due" in linus
        assert "12 days ago" in linus
        mary = next(line for line in lines if "Mary Jackson" in line)
        assert "never" in mary
        assert "★ hiring mgr ◆ target co." in text_of(app, "#contacts-title")


async def test_search_as_you_type_is_ranked_and_forgives_a_typo(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("slash", *"hoper")
        assert ids(app) == ["grace-hopper"]
        await pilot.press(*["backspace"] * 5, *"navy")
        assert ids(app) == ["bob-byrne", "grace-hopper"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"ada")
        assert ids(app)[:2] == ["ada-lovelace", "ada-lovelace-2"]
        assert "best matches first" in text_of(app, "#contacts-title")
        await pilot.press("enter", "j")
        assert screen.query_one(ContactList).has_focus
        assert screen.query_one(ContactList).current().id == "ada-lovelace-2"
        await pilot.press("escape")
        assert ids(app) == BY_NAME
        assert not screen.query_one("#contacts-search").display


async def test_each_filter_on_its_key_and_escape_clears_them(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("h")
        assert ids(app) == ["grace-hopper"]
        assert "only: hiring managers" in text_of(app, "#contacts-title")
        await pilot.press("h", "g")
        assert ids(app) == ["bob-byrne", "grace-hopper"]
        await pilot.press("g", "d")
        assert ids(app) == ["grace-hopper", "linus-pauling"]
        await pilot.press("d", "n")
        assert ids(app) == ["bob-byrne", "carl-sagan", "grace-hopper", "mary-jackson", ZOE]
        await pilot.press("n", "l")
        assert ids(app) == ["ada-lovelace"]  # 40 days since the last touch; her cadence is 30
        await pilot.press("escape")
        assert ids(app) == BY_NAME


async def test_tag_and_company_filters_are_picked_from_lists(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("t")
        assert isinstance(app.screen, PickValue)
        await pilot.press(*"pyth", "enter")
        assert ids(app) == ["ada-lovelace", "linus-pauling"]
        await pilot.press("c")
        await pilot.press(*"analytical", "enter")
        assert ids(app) == ["ada-lovelace"]
        assert "tag python · company Analytical Engines" in text_of(app, "#contacts-title")
        await pilot.press("x")
        await pilot.press("c", *"analytical", "enter")
        assert ids(app) == ["ada-lovelace", "ada-lovelace-2"]  # "Ltd" or not, one company


async def test_sorts_on_keys_and_the_same_key_turns_the_order_round(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("F")
        assert ids(app)[:2] == ["grace-hopper", "linus-pauling"]
        await pilot.press("L")
        assert ids(app)[-2:] == ["linus-pauling", "ada-lovelace-2"]  # never contacted come first
        await pilot.press("L")
        assert ids(app)[:2] == ["ada-lovelace-2", "linus-pauling"]
        assert "· last touch ↓" in text_of(app, "#contacts-title")
        await pilot.press("C")
        # "[@click…]Evil" sorts before letters; "Analytical Engines Ltd" is "Analytical Engines"
        by_company = [ZOE, "ada-lovelace", "ada-lovelace-2", "linus-pauling", "carl-sagan", "bob-byrne", "grace-hopper"]
        assert ids(app) == [*by_company, "mary-jackson"]
        await pilot.press("N", "N")
        assert ids(app) == [*reversed(BY_NAME[2:]), "ada-lovelace", "ada-lovelace-2"]  # equal names keep their order


async def test_cursor_keys_move_and_the_detail_line_follows(network: Store):
    app = create_app(network)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        table = screen.query_one(ContactList)
        await pilot.press("j", "j", "down")
        assert table.cursor == 3
        assert "Carl Sagan" in text_of(app, "#contacts-detail")
        await pilot.press("k", "up")
        assert table.cursor == 1
        await pilot.press("end")
        assert table.cursor == 7
        await pilot.press("home")
        assert table.cursor == 0


async def test_a_long_list_scrolls_with_the_cursor_a_page_at_a_time(store: Store):
    store.add_contacts([Contact(id="", name=f"Person {number:03d}") for number in range(300)])
    app = create_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        table = screen.query_one(ContactList)
        page = table.size.height - 2
        await pilot.press("pagedown")
        assert table.cursor == page
        await pilot.press("pagedown", "j")
        assert table.cursor == 2 * page + 1
        assert f"Person {2 * page + 1:03d}" in line_texts(app)[-1]  # scrolled just enough
        await pilot.press("end")
        assert table.cursor == 299
        assert "Person 299" in line_texts(app)[-1]
        await pilot.press("pageup")
        assert table.cursor == 299 - page
        await pilot.press("home")
        assert table.cursor == 0
        assert table.scroll_y == 0
        assert "Person 000" in line_texts(app)[1]


async def test_markup_and_escapes_in_user_data_are_shown_literally(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("end")
        row = line_texts(app)[8]
        assert "Zoë [b]Markup[/b]" in row
        assert "\x1b" not in row
        assert "\x07" not in row
        assert EVIL_COMPANY[:14] in row
        detail = text_of(app, "#contacts-detail")
        assert "[b]Markup[/b]]52;c;ZXZpbA==[31m" in detail
        assert "\x1b" not in detail
        await pilot.press("enter")
        await pilot.pause()
        story = text_of(app, "#contact-story")
        assert "[red]not red[/red]" in story
        assert "\x1b" not in story
        assert EVIL_COMPANY in story
        assert app.is_running
        assert ESCAPES not in text_of(app, "#contact-title")


async def test_resizing_lays_the_columns_out_again_and_keeps_the_cursor(network: Store):
    app = create_app(network)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("j", "j", "j", "j")
        assert "Title" in line_texts(app)[0]
        for size in ((80, 24), (60, 20), (100, 30)):
            await pilot.resize_terminal(*size)
            header, *rows = line_texts(app)
            assert ("Title" in header) == (size[0] >= 100)
            assert header.rstrip().endswith("Follow-up")
            grace = next(row for row in rows if "Grace Hopper" in row)
            assert "overdue" in grace  # the last column is never cut off
        assert screen.query_one(ContactList).current().id == "grace-hopper"
        await pilot.press("e")
        await pilot.resize_terminal(60, 20)
        await pilot.resize_terminal(120, 40)
        assert app.screen.query_one("#form-name").value == "Grace Hopper"


async def test_the_first_choice_drops_a_tag_filter(network: Store):
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("t", *"alumni", "enter")
        assert ids(app) == ["ada-lovelace"]
        await pilot.press("t", "enter")
        assert ids(app) == BY_NAME


async def test_keys_are_remapped_by_their_binding_ids(network: Store):
    keys = {"contacts.filter_hiring_managers": "M", "list.down": "J"}
    network.config = dataclasses.replace(network.config, keys=keys)
    app = create_app(network)
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to(app, pilot, "2", ContactsScreen)
        await pilot.press("J")
        assert screen.query_one(ContactList).cursor == 1
        await pilot.press("M")
        assert ids(app) == ["grace-hopper"]
