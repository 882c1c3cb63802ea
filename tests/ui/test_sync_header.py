"""Today's header shows the sync state in a repository (and nothing outside one), and follows each sync:
the app's own (``Y``, the palette), a command's run in a shell, and a merge left open."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from networkday.clock import FixedClock
from networkday.storage.last_sync import LastSyncRecord
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.widgets.sync_segment import SyncSegment
from tests.conftest import NOW
from tests.sync_world import SEED, World, git, make_world, nd
from tests.ui.screens import text_of


def header(app: NetworkdayApp) -> str:
    return text_of(app, "SyncSegment") if app.screen.query_one(SyncSegment).display else ""


async def until(pilot: Pilot, app: NetworkdayApp, wanted: Callable[[str], bool]) -> str:
    """The segment once it says what is wanted (the looks run in threads), or as it is after five seconds."""
    for _ in range(50):
        await pilot.pause(0.1)
        if wanted(header(app)):
            break
    return header(app)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    return make_world(tmp_path / "world", SEED)


def app_on(folder: Path, clock: FixedClock) -> NetworkdayApp:
    app = create_app(Store.open(folder, clock))
    app.SYNC_LOOK_EVERY, app.SYNC_RECORD_EVERY = 0.2, 0.1
    return app


async def test_the_header_says_what_waits_and_y_syncs_and_updates_it(world: World) -> None:
    clock = FixedClock(NOW + timedelta(minutes=5))
    app = app_on(world.a, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, app, lambda said: said != "") == "sync 5 min ago"
        await pilot.press("T")  # the timer: a save to the day file, which waits to be committed
        assert await until(pilot, app, lambda said: "to commit" in said) == "sync 5 min ago · 1 to commit"
        clock.advance(minutes=10)
        await pilot.press("Y")
        assert await until(pilot, app, lambda said: said == "sync just now") == "sync just now"
        assert app.screen.query_one(SyncSegment).has_class("-warning") is False
    last, _ = LastSyncRecord(world.a).read()
    assert last is not None
    assert (last.at, last.outcome) == (NOW + timedelta(minutes=15), "ok")
    assert git(world.a, "status", "--porcelain") == ""


async def test_a_sync_run_in_a_shell_shows_in_the_open_app(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    assert nd(world.b, "add", "Dee") == 0
    assert nd(world.b, "sync") == 0
    clock = FixedClock(NOW + timedelta(hours=2))
    app = app_on(world.a, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until(pilot, app, lambda said: said != "") == "sync 2 h ago"
        git(world.a, "fetch", "--quiet")
        assert await until(pilot, app, lambda said: "↓" in said) == "sync 2 h ago · ↑0 ↓1"
        monkeypatch.setenv("NETWORKDAY_NOW", clock.now().isoformat())
        assert nd(world.a, "sync") == 0  # another process: the app sees its record move
        assert await until(pilot, app, lambda said: said == "sync just now") == "sync just now"


async def test_a_merge_left_open_is_a_warning_until_the_next_sync_finishes_it(world: World) -> None:
    for folder, calls in ((world.a, 6), (world.b, 7)):
        (folder / "config.toml").write_text(f"format = 1\n[goals]\ncalls_per_day = {calls}\n", "utf-8")
    assert nd(world.b, "sync") == 0
    app = app_on(world.a, FixedClock(NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, app, lambda said: said != "")
        await pilot.press("Y")
        assert await until(pilot, app, lambda said: "conflicts" in said) == "sync: conflicts left"
        assert app.screen.query_one(SyncSegment).has_class("-warning")
        git(world.a, "checkout", "--theirs", "config.toml")
        git(world.a, "add", "config.toml")
        await pilot.press("Y")
        assert await until(pilot, app, lambda said: "conflicts" not in said) == "sync just now"
        assert not app.screen.query_one(SyncSegment).has_class("-warning")


async def test_outside_a_repository_the_header_is_as_before_and_y_says_how_to_start(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):  # the first look comes a second after the start, off the first frame's path
            await pilot.pause(0.1)
            if app.sync_state is not None:
                break
        assert app.sync_state is not None
        assert app.sync_state.repository is False
        assert not app.screen.query_one(SyncSegment).display
        await pilot.press("Y")
        await pilot.pause()
        toast = [str(toast.message) for toast in app._notifications][-1]
    assert toast == (
        f"{small_store.root} is not a git repository yet; run networkday sync init [REMOTE] first (docs/SYNC.md)"
    )
    assert not (small_store.root / ".git").exists()
    assert not LastSyncRecord(small_store.root).path.exists()
    assert not os.path.exists(LastSyncRecord(small_store.root).path.parent)


async def test_sync_now_is_remapped_by_its_id_and_listed_in_help(small_store: Store) -> None:
    (small_store.root / "config.toml").write_text('[keys]\n"app.sync" = "ctrl+y"\n', "utf-8")
    small_store.load_config()
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(width=70, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-keys", Static).content)
        assert "^y  Sync now" in [line.strip() for line in console.export_text().splitlines()]
        await pilot.press("escape", "Y")  # the old key no longer syncs
        await pilot.pause()
        assert not [toast for toast in app._notifications if toast.title == "Sync"]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert [toast.title for toast in app._notifications] == ["Sync"]
