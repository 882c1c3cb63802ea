"""Themes: the built-in ones, the user's own, the automatic choice, fallback and persistence."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.filter import Monochrome, NoColor
from textual.theme import BUILTIN_THEMES, ThemeProvider

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.themes import (
    ANSI_THEME,
    DEFAULT_THEME,
    automatic_theme,
    choose_theme,
    load_themes,
    theme_variables,
    works_with,
)

LIGHT = "networkday-light"
#: Textual's own themes and ours: what every app offers in the palette.
BUILT_IN = {*BUILTIN_THEMES, DEFAULT_THEME, LIGHT, ANSI_THEME}


def write_config(store: Store, text: str) -> None:
    (store.root / "config.toml").write_text(text, "utf-8")
    store.load_config()


def write_user_theme(store: Store, name: str, text: str) -> Path:
    folder = store.root / "themes"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def messages(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_the_default_theme_in_a_true_colour_terminal(store: Store):
    app = create_app(store)
    async with app.run_test(size=(80, 24)):
        assert app.theme == DEFAULT_THEME
        assert {DEFAULT_THEME, LIGHT, ANSI_THEME} <= set(app.available_themes)
        assert messages(app) == []


async def test_our_themes_are_offered_by_the_palette(store: Store):
    app = create_app(store)
    async with app.run_test(size=(80, 24)):
        provider = ThemeProvider(app.screen)
        names = [name for name, _ in provider.commands]
        assert {DEFAULT_THEME, LIGHT, ANSI_THEME} <= set(names)


async def test_a_theme_picked_in_the_palette_is_remembered_in_state_not_config(store: Store):
    write_config(store, '[ui]\ntheme = "networkday-dark"\n')
    config_before = (store.root / "config.toml").read_bytes()
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*LIGHT)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == LIGHT
    assert store.state()["theme"] == LIGHT
    assert (store.root / "config.toml").read_bytes() == config_before

    again = create_app(store)
    async with again.run_test(size=(80, 24)):
        assert again.theme == LIGHT


async def test_the_theme_from_config_wins_over_the_automatic_one(store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TERM", "linux")
    write_config(store, '[ui]\ntheme = "networkday-light"\n')
    app = create_app(store)
    async with app.run_test(size=(80, 24)):
        assert app.theme == LIGHT
    assert "theme" not in store.state()


@pytest.mark.parametrize(
    ("term", "colorterm", "expected"),
    [
        ("linux", "", ANSI_THEME),
        ("xterm", "", ANSI_THEME),
        ("xterm-16color", "", ANSI_THEME),
        ("xterm-256color", "", DEFAULT_THEME),
        ("xterm", "truecolor", DEFAULT_THEME),
    ],
)
async def test_the_ansi_theme_is_picked_for_16_colour_terminals(
    store: Store, monkeypatch: pytest.MonkeyPatch, term: str, colorterm: str, expected: str
):
    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("COLORTERM", colorterm)
    app = create_app(store)
    async with app.run_test(size=(80, 24)):
        assert app.theme == expected
        assert app.current_theme.ansi is (expected == ANSI_THEME)


async def test_no_color_shows_the_ansi_theme_without_any_colour(store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == ANSI_THEME
        assert any(isinstance(item, NoColor) for item in app._filters)
        app.theme = LIGHT
        await pilot.pause()
        assert any(isinstance(item, Monochrome) for item in app._filters)
        assert not any(isinstance(item, NoColor) for item in app._filters)


async def started(store: Store) -> tuple[str, str, set[str]]:
    """The theme the app starts with, its notifications, and the themes it offers."""
    app = create_app(store)
    async with app.run_test(size=(80, 24)):
        return app.theme, "\n".join(messages(app)), set(app.available_themes)


async def test_a_broken_theme_file_is_named_and_the_default_is_used(store: Store):
    path = write_user_theme(store, "sunset.toml", 'name = "sunset"\nprimary = "#ff8800\n')
    write_config(store, '[ui]\ntheme = "sunset"\n')
    theme, shown, _ = await started(store)
    assert theme == DEFAULT_THEME
    assert f"{path}:2:19: invalid TOML" in shown
    assert "no theme 'sunset'" in shown


async def test_a_colour_textual_cannot_read_is_located_and_never_applied(store: Store):
    path = write_user_theme(store, "bad.toml", 'name = "bad"\nprimary = "#112233"\n\n[variables]\nborder = "nope"\n')
    write_config(store, '[ui]\ntheme = "bad"\n')
    theme, shown, offered = await started(store)
    assert theme == DEFAULT_THEME
    assert "bad" not in offered
    assert f"{path}:5:1: 'border': 'nope' is not a colour" in shown


async def test_a_users_own_theme_is_used_and_listed(store: Store):
    write_user_theme(store, "plum.toml", 'name = "plum"\nprimary = "#8E4585"\nbackground = "#1A1018"\n')
    write_config(store, '[ui]\ntheme = "plum"\n')
    assert await started(store) == ("plum", "", {*BUILT_IN, "plum"})


async def test_a_remembered_theme_that_is_gone_falls_back_with_a_warning(store: Store):
    store.update_state(theme="deleted-theme")
    theme, shown, _ = await started(store)
    assert theme == DEFAULT_THEME
    assert "'deleted-theme' picked earlier" in shown


async def test_a_damaged_state_file_is_reported_and_the_default_theme_used(store: Store):
    store.state_path.write_text("theme = ", "utf-8")
    theme, shown, _ = await started(store)
    assert theme == DEFAULT_THEME
    assert "1 file(s) could not be read" in shown
    assert store.state_path.read_text("utf-8") == "theme = "


def test_precedence_state_then_config_then_automatic_then_default():
    available = dict.fromkeys([DEFAULT_THEME, LIGHT, ANSI_THEME, "mine"])
    assert choose_theme(available, "mine", LIGHT, ANSI_THEME) == ("mine", [])
    assert choose_theme(available, None, LIGHT, ANSI_THEME) == (LIGHT, [])
    assert choose_theme(available, None, "", ANSI_THEME) == (ANSI_THEME, [])
    assert choose_theme(available, None, "", None) == (DEFAULT_THEME, [])
    name, warnings = choose_theme(available, "gone", "typo", None)
    assert name == DEFAULT_THEME
    assert len(warnings) == 2


def test_automatic_choice():
    assert automatic_theme("truecolor", "xterm-256color") is None
    assert automatic_theme("256", "screen-256color") is None
    assert automatic_theme("truecolor", "linux") == ANSI_THEME
    assert automatic_theme("standard", "screen") == ANSI_THEME
    assert automatic_theme(None, "dumb") == ANSI_THEME
    assert automatic_theme("truecolor", "xterm-256color", no_color=True) == ANSI_THEME


async def test_every_built_in_theme_works_with_the_app_styles(store: Store, tmp_path: Path):
    app = create_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        loaded = load_themes(tmp_path / "none")
        assert loaded.problems == []
        for theme in loaded.themes.values():
            assert works_with(app.stylesheet, theme_variables(theme, app.get_theme_variable_defaults())), theme.name
            app.theme = theme.name
            await pilot.pause()
            assert app.is_running
