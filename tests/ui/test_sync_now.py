""" "Sync now" from the command palette: a real repository and a bare remote, the sync in a thread, one line said."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled, WorkerFailed

from networkday.clock import FixedClock
from networkday.storage.problems import StoreError
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
    command.callback()  # the palette runs the key's action on the next turn of the loop
    for _ in range(3):
        await asyncio.sleep(0)
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
        assert "other value 'Their title'" in story
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


def auto_app(folder: Path, *, auto: bool) -> NetworkdayApp:
    (folder / "config.toml").write_text(f"format = 1\n[sync]\nauto = {'true' if auto else 'false'}\n", "utf-8")
    assert nd(folder, "sync") == 0  # the config is synced: what is left to commit is what the app saves
    app = create_app(Store.open(folder, FixedClock(NOW)))
    app.SYNC_QUIET, app.SYNC_LOOK_EVERY = 1.5, 0.1
    return app


async def test_auto_sync_pushes_the_saves_once_a_quiet_while_passed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    world = make_world(tmp_path / "world", SEED)
    app = auto_app(world.a, auto=True)
    day = f"days/{NOW.year}/{NOW.date().isoformat()}.toml"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("T")  # a save to the day file
        await pilot.pause(0.5)
        assert not [toast for toast in app._notifications if toast.title == "Sync"]  # not while saves are fresh
        for _ in range(100):
            await pilot.pause(0.1)
            if said(app)[-1].endswith("pushed to origin/main"):  # said once the sync is recorded, after the push
                break
        assert said(app)[-1].endswith("pushed to origin/main")
        assert day in git(world.remote, "ls-tree", "-r", "--name-only", "main")


@pytest.mark.parametrize("auto", [True, False])
async def test_quitting_syncs_with_auto_sync_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, auto: bool):
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    world = make_world(tmp_path / "world", SEED)
    app = auto_app(world.a, auto=auto)
    app.SYNC_QUIET = 3600.0  # only the quit syncs
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("q")
        # Not workers.wait_for_complete() alone: the sync's worker is cancelled by the exit it asks for.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        for _ in range(300):
            if app._exit:
                break
            await pilot.pause(0.05)
        assert app._exit
    pushed = git(world.remote, "ls-tree", "-r", "--name-only", "main")
    assert (f"days/{NOW.year}/{NOW.date().isoformat()}.toml" in pushed) is auto
    assert (git(world.a, "status", "--porcelain") == "") is auto


@pytest.mark.parametrize("failure", [StoreError("another networkday has held the lock for 30 s"), RuntimeError("boom")])
async def test_a_sync_that_fails_says_so_and_the_next_one_can_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    """A held lock (StoreError) once left "a sync is already running" for good: no sync could run again."""
    from networkday.services import sync

    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    world = make_world(tmp_path / "world", SEED)

    def fails(root: Path, **_: object) -> sync.SyncResult:
        raise failure

    app = create_app(Store.open(world.a, FixedClock(NOW)))
    async with app.run_test(size=(100, 30)) as pilot:
        monkeypatch.setattr(sync, "sync", fails)
        with contextlib.suppress(WorkerFailed):
            await sync_now(app)
        await pilot.pause()
        expected = str(failure) if isinstance(failure, StoreError) else "the sync stopped unexpectedly"
        assert said(app)[-1].startswith(expected)
        monkeypatch.undo()
        await sync_now(app)
        await pilot.pause()
        assert said(app)[-1].endswith("pushed to origin/main")
        assert "a sync is already running" not in said(app)
