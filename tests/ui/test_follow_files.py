"""The screen follows the files: contacts changed by another process show on Today, on a
person's screen and in the problems view within two seconds, with no key pressed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.problems import ProblemsScreen
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.folder_world import NOW
from tests.ui.screens import text_of

#: What the issue promises; the app looks every half second.
WITHIN = 2.0
KINDS = ["poll", *(["inotify"] if sys.platform == "linux" else [])]


@pytest.fixture(params=KINDS)
def watch_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs with inotify and with the look that stands in for it elsewhere."""
    monkeypatch.setenv("NETWORKDAY_WATCH", request.param)
    return str(request.param)


def networkday(root: Path, *args: str) -> None:
    """The real command, in its own process, on the app's folder at the app's instant."""
    env = {**os.environ, "NETWORKDAY_NOW": NOW, "NETWORKDAY_TZ": "Europe/Berlin"}
    subprocess.run(
        [sys.executable, "-m", "networkday", "--data-dir", str(root), *args], env=env, check=True, capture_output=True
    )


def write_elsewhere(path: Path, text: str) -> None:
    """Another program writes the file in place, as an editor without a backup copy does."""
    code = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(sys.argv[2], 'utf-8')"
    subprocess.run([sys.executable, "-c", code, str(path), text], check=True)


async def shown_within(pilot, seen: Callable[[], bool]) -> float:
    """Seconds until ``seen`` holds, no key pressed; fails past ``WITHIN``."""
    start = time.monotonic()
    while not seen():
        assert time.monotonic() - start < WITHIN, "the screen did not follow the files in time"
        await pilot.pause(0.05)
    return time.monotonic() - start


def today_names(app: NetworkdayApp) -> list[str]:
    assert isinstance(app.screen, TodayScreen)
    return [summary.name for _, summary in app.screen.query_one(QueueList).rows if summary]


def today_outcomes(app: NetworkdayApp) -> list[tuple[str, str | None]]:
    assert isinstance(app.screen, TodayScreen)
    return [(item.contact_id, item.outcome) for item, _ in app.screen.query_one(QueueList).rows if item]


async def test_today_and_the_person_follow_another_process(small_store: Store, watch_kind: str) -> None:
    root = small_store.root
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app._following is not None
        assert app._following.follower is not None
        assert app._following.follower.watch.kind == watch_kind
        assert "Katherine Johnson" not in today_names(app)
        assert text_of(app, "#touch-counts") == "Follow-ups 0 due, 1 overdue · 0 losing touch · 4 never contacted"
        networkday(root, "add", "Katherine Johnson", "--follow-up", "2026-11-25")
        networkday(root, "log", "grace-hopper", "wont")
        await shown_within(pilot, lambda: "Katherine Johnson" in today_names(app))
        await shown_within(pilot, lambda: ("grace-hopper", "wont") in today_outcomes(app))
        after = "Follow-ups 1 due, 0 overdue · 0 losing touch · 4 never contacted"
        await shown_within(pilot, lambda: text_of(app, "#touch-counts") == after)

        app.screen.query_one(QueueList).select("ada-lovelace")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert "Countess" not in text_of(app, "#contact-title")
        path = small_store.contact_path("ada-lovelace")
        write_elsewhere(path, path.read_text("utf-8").replace('"Engineer"', '"Countess"'))
        await shown_within(pilot, lambda: "Countess" in text_of(app, "#contact-title"))
        networkday(root, "log", "ada-lovelace", "talked", "--note", "spoke about engines")
        await shown_within(pilot, lambda: "spoke about engines" in text_of(app, "#contact-story"))


async def test_the_problems_view_follows_a_broken_file(small_store: Store, watch_kind: str) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert "No problems" in str(app.screen.query_one(".dialog-text").render())
        path = small_store.contact_path("mary-jackson")
        good = path.read_text("utf-8")
        write_elsewhere(path, "name = \n")
        await shown_within(pilot, lambda: "mary-jackson.toml:1" in _problems_text(app))
        assert "1 file(s) could not be read: press ! to see them" in [note.message for note in app._notifications]
        write_elsewhere(path, good)
        await shown_within(pilot, lambda: "No problems" in _problems_text(app))


def _problems_text(app: NetworkdayApp) -> str:
    """The view's first line and each file it lists."""
    lines = [str(label.render()) for label in app.screen.query(".dialog-text")]
    for listing in app.screen.query("#problems-list").results(OptionList):
        lines += [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    return "\n".join(lines)


async def talked_to_ada(app: NetworkdayApp, pilot) -> TodayScreen:
    """Ada's touch logged on Today with ``t``; the prompt for its details is left open."""
    await pilot.pause()
    today = app.screen
    assert isinstance(today, TodayScreen)
    today.query_one(QueueList).select("ada-lovelace")
    await pilot.press("t")
    await pilot.pause()
    return today


async def test_the_apps_own_save_reloads_nothing_more(small_store: Store, watch_kind: str) -> None:
    """A touch logged in the app shows once: the follower finds its file as indexed."""
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        told: list[frozenset[str] | None] = []
        today = await talked_to_ada(app, pilot)
        original = today.contact_files_changed
        today.contact_files_changed = lambda ids: (told.append(ids), original(ids))  # type: ignore[method-assign]
        await pilot.press("escape")
        await pilot.pause(1.2)  # two looks of the follower
        assert told == []


async def test_typed_text_in_a_prompt_stays_while_today_follows_under_it(small_store: Store, watch_kind: str) -> None:
    from networkday.ui.modals.log_prompt import LogPrompt

    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        today = await talked_to_ada(app, pilot)
        assert isinstance(app.screen, LogPrompt)
        await pilot.press(*"an intro")
        networkday(small_store.root, "add", "Katherine Johnson", "--follow-up", "2026-11-25")
        await shown_within(
            pilot, lambda: "Katherine Johnson" in [s.name for _, s in today.query_one(QueueList).rows if s]
        )
        assert isinstance(app.screen, LogPrompt)
        assert app.screen.query_one("#log-gave", Input).value == "an intro"
        assert app.focused is app.screen.query_one("#log-gave", Input)


async def test_the_network_list_follows_with_its_cursor_kept(small_store: Store, watch_kind: str) -> None:
    from networkday.ui.screens.contacts import ContactsScreen
    from networkday.ui.widgets.contact_list import ContactList

    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        network = app.screen
        assert isinstance(network, ContactsScreen)
        listing = network.query_one(ContactList)
        listing.select("mary-jackson")
        assert "5 of 5" in text_of(app, "#contacts-title")
        networkday(small_store.root, "add", "Katherine Johnson", "--company", "NACA")
        path = small_store.contact_path("grace-hopper")
        write_elsewhere(path, path.read_text("utf-8").replace("Navy Labs", "Harvard Computation Lab"))
        names = lambda: {row.id: row.company for row in listing.rows}  # noqa: E731
        await shown_within(pilot, lambda: names().get("katherine-johnson") == "NACA")
        await shown_within(pilot, lambda: names().get("grace-hopper") == "Harvard Computation Lab")
        current = listing.current()
        assert current is not None
        assert current.id == "mary-jackson"
        assert "6 of 6" in text_of(app, "#contacts-title")


async def test_the_demo_folder_is_followed_once_it_replaces_the_store(small_store: Store, watch_kind: str) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.use_demo()
        demo = app.store
        assert demo is not small_store
        networkday(demo.root, "add", "Katherine Johnson", "--follow-up", "2026-11-25")
        await shown_within(pilot, lambda: "Katherine Johnson" in today_names(app))
        assert app._following is not None
        assert app._following.follower is not None
        assert app._following.follower.catalogue is demo.catalogue
