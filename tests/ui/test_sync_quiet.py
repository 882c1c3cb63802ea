"""``[sync] auto`` with nothing to commit: a quiet sync every few minutes brings the other machine's work.

Real repositories and a bare remote; the app's sync counted by wrapping the function its thread calls.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


#: What each app was told under the title "Sync", kept here: a toast leaves the app's own list
#: once its time is up, which a slow machine reaches before the test looks.
TOLD: dict[int, list[str]] = {}


def holding_the_first() -> tuple[threading.Event, threading.Event, Callable[[], None]]:
    """A hook for ``count_syncs`` that keeps the first sync's thread, done with git, from going back
    to the app: ``first`` is set when it is held, and it goes on once ``held`` is set."""
    held, first = threading.Event(), threading.Event()

    def hold_the_first() -> None:
        if not first.is_set():
            first.set()
            held.wait(20)

    return held, first, hold_the_first


async def quit_letting_the_first_go(app: NetworkdayApp, pilot: Any, held: threading.Event) -> None:
    """``q`` while the first sync is held, then that sync goes on; returns once the app has exited."""
    await pilot.press("q")
    held.set()
    with contextlib.suppress(WorkerCancelled):  # the sync's worker is cancelled by the exit it asks for
        await app.workers.wait_for_complete()
    await until(pilot, lambda: bool(app._exit))


def quiet_app(folder: Path, *, auto: bool = True) -> NetworkdayApp:
    app = auto_app(folder, auto=auto)
    app.SYNC_QUIET, app.SYNC_FETCH_EVERY = 0.5, 0.5
    told: list[str] = []
    TOLD[id(app)] = told  # a fresh list: an id is used again once its app is gone
    notify = app.notify

    def kept(message: str, *, title: str = "", **kwargs: Any) -> None:
        if title == "Sync":
            told.append(str(message))
        notify(message, title=title, **kwargs)

    app.notify = kept  # type: ignore[method-assign]
    return app


def sync_toasts(app: NetworkdayApp) -> list[str]:
    return TOLD[id(app)]


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
        await until(pilot, lambda: app.sync_state is not None)  # the look a quiet sync would go by
        assert app.sync_state is not None
        assert app.sync_state.repository
        await pilot.pause(2.5)  # five quiet periods
        assert runs[0] == 0
        assert sync_toasts(app) == []


async def test_no_quiet_sync_while_a_merge_is_left_open(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the person can finish it (git add, then Y): a sync on its own would only say so again."""
    app = quiet_app(world.a)
    (world.a / "notes.txt").write_text("here\n", "utf-8")
    (world.b / "notes.txt").write_text("there\n", "utf-8")  # no merge driver for it: git's own conflict
    assert nd(world.b, "sync") == 0
    assert nd(world.a, "sync") == 1
    assert git(world.a, "rev-parse", "--verify", "--quiet", "MERGE_HEAD")
    runs = count_syncs(monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.sync_state is not None and app.sync_state.conflicts_left)
        await pilot.pause(2.5)
        assert runs[0] == 0


async def test_sync_now_during_a_quiet_sync_has_its_outcome_said(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """``a sync is already running``, then what that sync did, though it brought nothing new."""
    app = quiet_app(world.a)
    app.SYNC_FETCH_EVERY = 1000.0
    app.SYNC_QUIET = 0.5 - 1000.0 + 0.5  # the first quiet sync half a second after the start
    held, first, hold_the_first = holding_the_first()
    count_syncs(monkeypatch, hold_the_first)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, first.is_set)
        await pilot.press("Y")
        held.set()
        await until(pilot, lambda: len(sync_toasts(app)) >= 2)
        assert sync_toasts(app)[0] == "a sync is already running"
        assert sync_toasts(app)[1].endswith("pushed to origin/main")


async def test_quitting_during_a_quiet_sync_syncs_again_for_the_save_it_missed(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = quiet_app(world.a)
    held, first, hold_the_first = holding_the_first()
    runs = count_syncs(monkeypatch, hold_the_first)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, first.is_set)  # the quiet sync is done with git, and not back yet
        await pilot.press("T")  # a save it did not commit
        await pilot.pause()
        await quit_letting_the_first_go(app, pilot, held)
    assert runs[0] == 2
    assert f"days/{NOW.year}/{NOW.date().isoformat()}.toml" in git(world.remote, "ls-tree", "-r", "--name-only", "main")
    assert git(world.a, "status", "--porcelain") == ""


async def test_quitting_during_a_quiet_sync_that_failed_does_not_wait_for_a_second_failure(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = quiet_app(world.a)
    world.remote.rename(world.remote.with_name("away.git"))
    held, first, hold_the_first = holding_the_first()
    runs = count_syncs(monkeypatch, hold_the_first)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, first.is_set)  # the quiet sync has failed, and is not back yet
        await quit_letting_the_first_go(app, pilot, held)
    assert runs[0] == 1
