"""A sync with nothing to commit and nothing new to merge never takes the data folder's lock.

Every save of the app waits on that lock, and with ``[sync] auto`` the app syncs every few
minutes even when nothing changed: at 30,000 contacts the commit's git steps held it for
hundreds of milliseconds, each time. Real repositories; the lock's taking is counted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from networkday.services.sync import sync
from networkday.storage.sync_repo import DataRepo
from tests.sync_world import SEED, World, git, make_world, nd


@pytest.fixture
def world(tmp_path: Path) -> World:
    return make_world(tmp_path / "world", SEED)


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each time a sync took the folder's lock, by the step that took it."""
    steps: list[str] = []
    real = DataRepo.locked

    @contextlib.contextmanager
    def counted(self: DataRepo) -> Iterator[None]:
        steps.append("lock")
        with real(self):
            yield

    monkeypatch.setattr(DataRepo, "locked", counted)
    return steps


def test_nothing_to_commit_and_nothing_new_takes_no_lock(world: World, taken: list[str]) -> None:
    result = sync(world.a)
    assert result.lines[0] == "nothing to commit"
    assert taken == []
    assert not result.merged
    assert result.committed == 0


def test_a_change_here_or_there_still_takes_the_lock_and_lands(world: World, taken: list[str]) -> None:
    (world.a / "contacts" / "ada.toml").write_text('format = 1\nname = "Ada"\ntitle = "Here"\n', "utf-8")
    result = sync(world.a)
    assert result.committed == 1
    assert taken == ["lock"]  # the commit
    (world.b / "contacts" / "bob.toml").write_text('format = 1\nname = "Bob"\ntitle = "There"\n', "utf-8")
    assert nd(world.b, "sync") == 0
    taken.clear()
    result = sync(world.a)
    assert result.merged
    assert taken == ["lock", "lock"]  # the merge, then the look for people added on both machines
    assert 'title = "There"' in (world.a / "contacts" / "bob.toml").read_text("utf-8")


def test_a_tracked_app_folder_is_untracked_even_with_nothing_else_to_commit(world: World, taken: list[str]) -> None:
    """A repository that committed .networkday/ before its .gitignore: the commit stops tracking it."""
    kept = world.a / ".networkday" / "kept-by-mistake"
    kept.write_text("x", "utf-8")
    git(world.a, "add", "--force", ".networkday/kept-by-mistake")
    git(world.a, "commit", "--quiet", "-m", "by mistake")
    sync(world.a)
    assert taken == ["lock"]
    assert git(world.a, "ls-files", ".networkday") == ""
    assert kept.exists()
