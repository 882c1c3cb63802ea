"""Every list moves the same way: arrows, j/k, Home/End and PageUp/PageDown; Enter and Escape do
what the list's screen says; and the cursor shows without colour in the ANSI theme."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.choice import ChoiceModal
from networkday.ui.modals.pick_contact import PickContact
from networkday.ui.modals.pick_value import PickValue
from networkday.ui.widgets.key_list import KeyList

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
