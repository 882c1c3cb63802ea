"""The app in any terminal: remapped keys, list keys, small windows, resizes and crashes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, Static

from networkday.domain.contact import Contact, LogEntry
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.help import HelpScreen
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.screens.today import TodayScreen
from networkday.ui.screens.too_small import TooSmallScreen
from networkday.ui.terminal import TerminalApp
from networkday.ui.widgets.queue_list import QueueList


def write_config(store: Store, text: str) -> None:
    (store.root / "config.toml").write_text(text, "utf-8")
    store.load_config()


@pytest.fixture
def people(store: Store) -> Store:
    """Three people, so the queue has rows to log outcomes on."""
    for name in ("Ada Lovelace", "Grace Hopper", "Mary Jackson"):
        store.add_contact(Contact(id="", name=name, company="Analytical"))
    return store


@pytest.fixture
def crowd(store: Store) -> Store:
    """Forty suggestions: more rows than fit on one page at 80x24."""
    write_config(store, "[goals]\ncalls_per_day = 40\n")
    store.add_contacts([Contact(id="", name=f"Person {index:02}", company="Co") for index in range(40)])
    return store


def last_touch(store: Store) -> LogEntry:
    """The newest touch of the first call on today's plan."""
    return store.contact(store.day(store.clock.today()).calls[0].contact).log[-1]


def cursor(app) -> int:
    return app.screen.query_one(QueueList).cursor


# -- keys ------------------------------------------------------------------------------------


async def test_keys_remapped_in_config_reach_screen_and_app_bindings(people: Store):
    write_config(people, '[keys]\n"today.will" = "v"\n"app.help" = "f1"\n')
    app = create_app(people)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("v")
        assert isinstance(app.screen, LogPrompt)
        await pilot.press("escape")
        shown = {key: active.binding.action for key, active in app.screen.active_bindings.items()}
        assert shown["v"] == "outcome('will')"
        assert "w" not in shown
        await pilot.press("question_mark")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
    assert last_touch(people).outcome == "will"


async def test_list_keys_in_the_today_list(crowd: Store):
    app = create_app(crowd)
    async with app.run_test(size=(80, 24)) as pilot:
        assert cursor(app) == 0
        await pilot.press("j", "j", "down")
        assert cursor(app) == 3
        await pilot.press("k", "up")
        assert cursor(app) == 1
        await pilot.press("end")
        assert cursor(app) == 39
        await pilot.press("home")
        assert cursor(app) == 0
        await pilot.press("pagedown")
        page = cursor(app)
        assert 5 < page < 39
        await pilot.press("pagedown", "pageup")
        assert cursor(app) == page
        await pilot.press("pageup", "j")
        assert cursor(app) == 1
        await pilot.press("enter")
        assert not isinstance(app.screen, TodayScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        assert cursor(app) == 1


# -- small terminals and resizes ---------------------------------------------------------------


def too_small_message(app) -> str:
    return str(app.screen.query_one("#too-small", Static).render())


async def test_too_small_says_so_and_recovers_on_resize(people: Store):
    app = create_app(people)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        await pilot.resize_terminal(59, 24)
        assert isinstance(app.screen, TooSmallScreen)
        assert "Terminal too small (need 60x20, have 59x24)" in too_small_message(app)
        await pilot.resize_terminal(70, 12)
        assert "have 70x12" in too_small_message(app)
        await pilot.press("question_mark", "1", "exclamation_mark", "w")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(60, 20)
        assert isinstance(app.screen, TodayScreen)
        assert cursor(app) == 1
        assert len(app.screen_stack) == 1
    assert people.day(people.clock.today()).calls == []


async def test_starting_in_a_small_terminal_then_growing(people: Store):
    app = create_app(people)
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "have 40x10" in too_small_message(app)
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, TodayScreen)
        assert len(app.screen.query_one(QueueList).rows) == 3


async def test_q_still_quits_when_too_small(people: Store):
    app = create_app(people)
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_resizing_during_a_modal_keeps_it_and_what_was_typed(people: Store):
    app = create_app(people)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, LogPrompt)
        await pilot.press(*"a lead")
        for width, height in ((50, 15), (1, 1), (200, 60), (59, 19), (81, 25), (20, 40), (80, 24)):
            await pilot.resize_terminal(width, height)
            assert app.is_running
        assert isinstance(app.screen, LogPrompt)
        assert app.screen.query_one("#log-gave", Input).value == "a lead"
        assert app.focused is app.screen.query_one("#log-gave", Input)
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
    assert last_touch(people).gave == "a lead"


async def test_resize_while_the_palette_is_open(people: Store):
    app = create_app(people)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        palette = app.screen
        await pilot.resize_terminal(30, 10)
        await pilot.resize_terminal(100, 30)
        assert app.screen is palette
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


# -- crashes -----------------------------------------------------------------------------------

MARKER = "Zelda Quartermain-Secretname"


def folder_digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*.toml"))
        if ".networkday" not in path.parts
    }


async def crash_report(store: Store, capsys: pytest.CaptureFixture[str]) -> str:
    """Runs the app, presses a key whose action fails with contact data in a local variable."""

    def broken_help(self: NetworkdayApp) -> None:
        person = self.store.contacts["zelda-quartermain-secretname"].name
        raise RuntimeError(f"help failed after reading {len(person)} characters")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(NetworkdayApp, "action_help", broken_help)
        app = create_app(store)
        with pytest.raises(RuntimeError, match="help failed"):
            await press_help(app)
    return capsys.readouterr().err


async def press_help(app: NetworkdayApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()


async def test_a_crash_report_shows_no_local_variables(store: Store, capsys: pytest.CaptureFixture[str]):
    store.add_contact(Contact(id="", name=MARKER, notes="private"))
    before = folder_digest(store.root)
    report = await crash_report(store, capsys)
    assert "RuntimeError: help failed after reading 28 characters" in report
    assert "broken_help" in report
    assert MARKER not in report
    # Rich wraps the report to the terminal's width, at a space or inside a long path.
    assert "".join(f"The files in {store.root} are intact.".split()) in "".join(report.split())
    assert folder_digest(store.root) == before


async def test_textual_alone_would_have_shown_the_marker(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    """Proves the test above can fail: Textual's own report prints the local holding the name."""
    store.add_contact(Contact(id="", name=MARKER))
    monkeypatch.setattr(TerminalApp, "_fatal_error", App._fatal_error)
    assert MARKER in await crash_report(store, capsys)
