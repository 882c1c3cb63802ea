"""``[sync] auto`` with nothing to commit: a quiet sync every few minutes brings the other machine's work.

Real repositories and a bare remote; the app's sync counted by wrapping the function its thread calls.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

from networkday.services import sync_state
from networkday.ui.app import NetworkdayApp
from tests.conftest import NOW
from tests.sync_world import SEED, World, git, make_world, nd
from tests.ui.test_sync_now import auto_app, retitle


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    return make_world(tmp_path / "world", SEED)


def count_syncs(monkeypatch: pytest.MonkeyPatch, before: Callable[[], None] = lambda: None) -> list[int]:
    """How many syncs the app ran, as a one-item list its thread adds to; ``before`` runs after each."""
    runs = [0]
    real = sync_state.sync_and_record

    def counted(*args: object, **kwargs: object) -> object:
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            runs[0] += 1
            before()

    monkeypatch.setattr(sync_state, "sync_and_record", counted)
    return runs


def quiet_app(folder: Path, *, auto: bool = True) -> NetworkdayApp:
    app = auto_app(folder, auto=auto)
    app.SYNC_QUIET, app.SYNC_FETCH_EVERY = 0.5, 0.5
    return app


def sync_toasts(app: NetworkdayApp) -> list[str]:
    return [str(toast.message) for toast in app._notifications if toast.title == "Sync"]


async def until(pilot: object, done: Callable[[], bool], seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.1)):
        if done():
            return
        await pilot.pause(0.1)  # type: ignore[attr-defined]
    assert done()


async def test_the_other_machines_work_comes_in_with_nothing_saved_here_and_only_that_is_said(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    retitle(world.b, "bob", "Pushed from b")
    app = quiet_app(world.a)
    assert nd(world.b, "sync") == 0
    runs = count_syncs(monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: runs[0] >= 1)
        await until(pilot, lambda: any("merged origin/main" in line for line in sync_toasts(app)))
        assert 'title = "Pushed from b"' in (world.a / "contacts" / "bob.toml").read_text("utf-8")
        await until(pilot, lambda: runs[0] >= 3)  # more quiet syncs, with nothing new: nothing said
        assert len(sync_toasts(app)) == 1
    assert git(world.a, "status", "--porcelain") == ""


async def test_an_unreachable_remote_is_said_once_then_what_comes_in_is_said(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = quiet_app(world.a)
    away = world.remote.with_name("away.git")
    world.remote.rename(away)
    runs = count_syncs(monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: runs[0] >= 3)
        assert len(sync_toasts(app)) == 1  # the first failure; the header says the rest
        away.rename(world.remote)
        retitle(world.b, "cy", "Back online")
        assert nd(world.b, "sync") == 0
        await until(pilot, lambda: any("merged origin/main" in line for line in sync_toasts(app)))
        assert len(sync_toasts(app)) == 2


@pytest.mark.parametrize("setting", ["auto off", "no remote"])
async def test_no_quiet_sync_without_auto_or_without_a_remote(
    tmp_path: Path, world: World, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    folder = world.a
    if setting == "no remote":
        folder = tmp_path / "alone"
        shutil.copytree(world.a, folder, ignore=shutil.ignore_patterns(".git"))
        assert nd(folder, "sync", "init") == 0
    app = quiet_app(folder, auto=setting != "auto off")
    runs = count_syncs(monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(2.5)  # five quiet periods
        assert app.sync_state is not None
        assert app.sync_state.repository
        assert runs[0] == 0
        assert sync_toasts(app) == []


async def test_quitting_during_a_quiet_sync_syncs_again_for_the_save_it_missed(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = quiet_app(world.a)
    held = threading.Event()
    first = threading.Event()

    def hold_the_first() -> None:
        if not first.is_set():
            first.set()
            held.wait(20)

    runs = count_syncs(monkeypatch, hold_the_first)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, first.is_set)  # the quiet sync is done with git, and not back yet
        await pilot.press("T")  # a save it did not commit
        await pilot.pause()
        await pilot.press("q")
        held.set()
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await until(pilot, lambda: bool(app._exit))
    assert runs[0] == 2
    assert f"days/{NOW.year}/{NOW.date().isoformat()}.toml" in git(world.remote, "ls-tree", "-r", "--name-only", "main")
    assert git(world.a, "status", "--porcelain") == ""
