"""Every list moves the same way: arrows, j/k, Home/End and PageUp/PageDown; Enter and Escape do
what the list's screen says; and the cursor shows without colour in the ANSI theme."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import DataTable, OptionList, Static

from networkday.domain.contact import Contact
from networkday.domain.day import TimeSession
from networkday.services.companies import add_company
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.choice import ChoiceModal
from networkday.ui.modals.help import HelpScreen
from networkday.ui.modals.pick_contact import PickContact
from networkday.ui.modals.pick_value import PickValue
from networkday.ui.modals.sessions import SessionEditor, SessionsScreen
from networkday.ui.screens.review import ReviewScreen
from networkday.ui.widgets.key_list import KeyList
from tests.conftest import NOW
from tests.journal_world import world_store

OPTIONS = [(str(n), f"option {n}") for n in range(8)]


def highlighted(app: NetworkdayApp) -> int | None:
    return app.screen.query_one(OptionList).highlighted


async def test_a_choice_moves_with_j_k_home_end_and_pages(small_store: Store):
    app = create_app(small_store)
    chosen: list[str | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChoiceModal("Pick", OPTIONS), chosen.append)
        await pilot.pause()
        await pilot.press("j", "j", "down")
        assert highlighted(app) == 3
        await pilot.press("k")
        assert highlighted(app) == 2
        await pilot.press("end")
        assert highlighted(app) == 7
        await pilot.press("home", "pagedown")
        assert highlighted(app) == 7
        await pilot.press("pageup", "j", "enter")
        await pilot.pause()
    assert chosen == ["1"]


async def test_a_choice_says_its_keys_the_footer_underneath_is_hidden(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChoiceModal("Pick", OPTIONS))
        await pilot.pause()
        hint = str(app.screen.query_one(".dialog-hint").render())
    assert "Enter picks" in hint
    assert "Esc cancels" in hint


async def test_picking_a_person_moves_with_j_and_k_in_the_results(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PickContact())
        await pilot.press("a")  # Ada, Grace, Mary, Linus Pauling...: several names hold an a
        await pilot.pause()
        await pilot.press("down", "j")
        assert highlighted(app) == 1
        await pilot.press("k")
        assert highlighted(app) == 0


async def test_picking_a_value_moves_with_j_and_k_in_the_results(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PickValue("Tag", [(value, label, "") for value, label in OPTIONS]))
        await pilot.pause()
        await pilot.press("down", "j", "j")
        assert highlighted(app) == 2
        await pilot.press("end", "k")
        assert highlighted(app) == 6


async def test_the_highlighted_option_is_reverse_video_in_the_ansi_theme(
    small_store: Store, monkeypatch: pytest.MonkeyPatch
):
    """Textual leaves reverse out of an option's style; without it the cursor was bold alone."""
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("COLORTERM")
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChoiceModal("Pick", OPTIONS, "2"))
        await pilot.pause()
        options = app.screen.query_one(KeyList)
        reversed_lines = [
            y for y in range(len(OPTIONS)) if any(s.style and s.style.reverse for s in options.render_line(y))
        ]
    assert app.theme == "networkday-ansi"
    assert reversed_lines == [2]


# -- tables: Home and End go to the first and last row; Enter belongs to the screen -------------------


def cursor_row(app: NetworkdayApp) -> int:
    return app.screen.query_one(DataTable).cursor_row


async def test_the_review_table_goes_home_and_end_with_its_cursor(tmp_path: Path):
    app = create_app(world_store(tmp_path / "data"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "m")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        last = cursor_row(app)
        assert last > 3
        await pilot.press("home")
        assert cursor_row(app) == 0
        await pilot.press("j", "j", "k")
        assert cursor_row(app) == 1
        await pilot.press("end")
        assert cursor_row(app) == app.screen.query_one(DataTable).row_count - 1


async def test_enter_edits_the_session_under_the_cursor(small_store: Store):
    today = NOW.date()
    at = NOW.replace(hour=8, minute=0)

    def two_sessions(day) -> None:
        day.time.append(TimeSession("networking", at, at + timedelta(hours=1)))
        day.time.append(TimeSession("other", at + timedelta(hours=1), at + timedelta(hours=1, minutes=15)))

    small_store.update_day(today, two_sessions)
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S")
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("end")
        assert cursor_row(app) == 1
        await pilot.press("home", "j")
        assert cursor_row(app) == 1
        await pilot.press("enter")
        assert isinstance(app.screen, SessionEditor)
        assert app.screen.query_one("#session-kind").value == "other"


# -- help ----------------------------------------------------------------------------------------------


async def test_help_lists_each_binding_once_with_all_its_keys_and_scrolls_with_j(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=70, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-keys", Static).content)
        lines = [line.strip() for line in console.export_text().splitlines()]
        body = app.screen.query_one("#help-body")
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("k")
        assert body.scroll_y == 1
    assert "d del  Remove" in lines
    assert "j ↓  Down" in lines
    assert "ctrl+p  Command palette: every action by name" in lines
    # Textual's own focus and copy keys, and its second quit and palette keys, are not the app's.
    assert not [line for line in lines if "Focus Next" in line or "Copy selected" in line or line[-7:] == "palette"]
    assert sum(1 for line in lines if line.endswith("Quit")) == 1


async def test_the_palettes_cursor_is_underlined_in_the_ansi_theme(small_store: Store, monkeypatch: pytest.MonkeyPatch):
    """Textual's own list in the palette cannot be a KeyList: its cursor gets an underline instead."""
    from textual.command import CommandList

    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("COLORTERM")
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        commands = app.screen.query_one(CommandList)
        assert commands.highlighted == 0
        marked = [any(s.style and s.style.underline for s in commands.render_line(y)) for y in range(4)]
    assert marked == [True, True, False, False]  # the first command's two lines: its name and its key


async def test_one_keys_line_remaps_down_in_every_list(tmp_path: Path):
    """``"list.down" = "o"``: o moves down and j no longer does, in each kind of list."""
    store = world_store(tmp_path / "data")
    store.add_contact(Contact(id="", name="Fay Newcomer"))  # a suggestion below the open call, for o to move to
    for name in ("Acme", "Globex"):  # two companies, for o to move between
        add_company(store, name)
    (store.root / "config.toml").write_text('[keys]\n"list.down" = "o"\n', "utf-8")
    store.load_config()
    app = create_app(store)

    def position() -> int | None:
        focused = app.focused
        return (
            getattr(focused, "cursor_row", None)
            if isinstance(focused, DataTable)
            else (focused.highlighted if isinstance(focused, OptionList) else getattr(focused, "cursor", None))
        )

    moved = {}
    async with app.run_test(size=(100, 30)) as pilot:
        for keys in (["1"], ["2"], ["4"], ["5", "home"], ["3", "b"]):
            await pilot.press(*keys)
            await pilot.pause()
            start = position()
            await pilot.press("j")
            after_j = position()
            await pilot.press("o")
            moved[type(app.focused).__name__] = (after_j - start, position() - after_j)
            await pilot.press("escape")
        app.push_screen(ChoiceModal("Pick", OPTIONS))
        await pilot.pause()
        await pilot.press("j", "o")
        moved["KeyList"] = (0, highlighted(app))
    assert moved == {
        "QueueList": (0, 1),
        "ContactList": (0, 1),
        "CompanyList": (0, 1),
        "KeyTable": (0, 1),
        "RowList": (0, 1),
        "KeyList": (0, 1),
    }
