""" "Sync now" from the command palette: a real repository and a bare remote, the sync in a thread, one line said."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.contacts import ContactsScreen
from networkday.ui.sync_control import SYNC_NOW
from tests.conftest import NOW
from tests.sync_world import SEED, git, make_world, nd
from tests.ui.screens import text_of


def said(app: NetworkdayApp) -> list[str]:
    return [str(toast.message) for toast in app._notifications]


async def sync_now(app: NetworkdayApp) -> None:
    command = next(c for c in app.get_system_commands(app.screen) if c.title == SYNC_NOW)
    command.callback()
    await app.workers.wait_for_complete()


def retitle(folder: Path, person: str, title: str) -> None:
    path = folder / "contacts" / f"{person}.toml"
    path.write_text(path.read_text("utf-8").replace('title = "Start"', f'title = "{title}"'), encoding="utf-8")


async def test_sync_now_merges_the_other_machine_pushes_ours_and_shows_the_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    world = make_world(tmp_path / "world", SEED)
    retitle(world.b, "ada", "Their title")
    retitle(world.b, "bob", "Bob's new title")
    assert nd(world.b, "sync") == 0
    retitle(world.a, "ada", "Our title")
    app = create_app(Store.open(world.a, FixedClock(NOW)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("T")  # the timer: a save to the day file while the app runs
        await pilot.pause()
        await sync_now(app)
        await pilot.pause()
        line = said(app)[-1]
        assert "merged origin/main" in line
        assert line.endswith("pushed to origin/main")
        app.push_screen(ContactScreen("ada"))
        await pilot.pause()
        story = text_of(app, "#contact-story")
        assert "! sync conflict in title: kept 'Our title'; " in story
        assert "had 'Their title'" in story
    assert 'title = "Bob\'s new title"' in (world.a / "contacts" / "bob.toml").read_text("utf-8")
    assert git(world.a, "status", "--porcelain") == ""
    pushed = git(world.remote, "ls-tree", "-r", "--name-only", "main")
    assert f"days/{NOW.year}/{NOW.date().isoformat()}.toml" in pushed


async def test_sync_now_without_a_repository_says_how_to_start(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await sync_now(app)
        await pilot.pause()
        line = said(app)[-1]
        assert "is not a git repository yet; run networkday sync init [REMOTE] first" in line
        assert "\n" not in line
        await pilot.press("2")  # the app still answers keys
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
