"""The sync state on real repositories (two clones and a bare remote): counts, ahead and behind, a merge left
open, and this machine's record of the last sync, kept outside the data folder."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from networkday.services.sync_state import sync_and_record, sync_state
from networkday.storage.git import GitError
from networkday.storage.last_sync import LastSyncRecord
from tests.conftest import NOW
from tests.sync_world import SEED, git, make_world, nd

CONFIG = {"config.toml": "format = 1\n[goals]\ncalls_per_day = 5\n"}


def set_calls(folder: Path, calls: int) -> None:
    (folder / "config.toml").write_text(f"format = 1\n[goals]\ncalls_per_day = {calls}\n", encoding="utf-8")


def test_after_a_sync_the_state_is_clean_and_the_record_says_ok(tmp_path: Path, machine_state: Path) -> None:
    world = make_world(tmp_path, SEED)
    state = sync_state(world.a)
    assert state.repository
    assert (state.branch, state.upstream, state.ahead, state.behind) == ("main", "origin/main", 0, 0)
    assert (state.to_commit, state.unmerged, state.merging, state.warning) == (0, 0, False, None)
    assert state.last is not None
    assert state.last.outcome == "ok"
    assert state.last.detail.endswith("pushed to origin/main")
    assert sync_state(world.b).last is None  # b was cloned and adopted, never synced on its own
    record = LastSyncRecord(world.a).path
    assert record.is_relative_to(machine_state)  # never in the synced folder
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    assert stat.S_IMODE(record.parent.stat().st_mode) == 0o700
    assert git(world.a, "status", "--porcelain", "--ignored") == "!! .networkday/\n"  # nothing else written


def test_to_commit_counts_each_path_a_commit_would_take(tmp_path: Path) -> None:
    world = make_world(tmp_path, SEED)
    ada = world.a / "contacts" / "ada.toml"
    ada.write_text(ada.read_text("utf-8") + 'met = "PyCon"\n', "utf-8")
    (world.a / "contacts" / "bob.toml").unlink()
    (world.a / "contacts" / "new one.toml").write_text('format = 1\nname = "New"\n', "utf-8")
    git(world.a, "mv", "contacts/cy.toml", "contacts/cyrus.toml")  # a rename is one path
    assert sync_state(world.a).to_commit == 4


def test_ahead_and_behind_are_as_of_the_last_fetch(tmp_path: Path) -> None:
    world = make_world(tmp_path, SEED)
    assert nd(world.b, "add", "Dee") == 0
    assert nd(world.b, "sync") == 0
    assert sync_state(world.a).behind == 0  # no fetch yet: the state never asks the network
    git(world.a, "fetch", "--quiet")
    assert nd(world.a, "add", "Eve") == 0
    assert nd(world.a, "sync", "--offline") == 0
    state = sync_state(world.a)
    assert (state.ahead, state.behind, state.to_commit) == (1, 1, 0)


def test_a_sync_that_leaves_conflicts_is_recorded_and_the_merge_shows_open_until_finished(tmp_path: Path) -> None:
    world = make_world(tmp_path, CONFIG)
    set_calls(world.a, 6)
    set_calls(world.b, 7)
    assert nd(world.a, "sync") == 0
    result = sync_and_record(world.b, NOW)
    assert result.unmerged == ["config.toml"]
    state = sync_state(world.b)
    assert (state.merging, state.unmerged, state.conflicts_left) == (True, 1, True)
    assert state.last is not None
    assert (state.last.at, state.last.outcome) == (NOW, "conflicts")
    assert "conflicts left in config.toml" in state.last.detail
    set_calls(world.b, 7)
    git(world.b, "add", "config.toml")
    resolved = sync_state(world.b)
    assert (resolved.merging, resolved.unmerged) == (True, 0)  # every file resolved, the merge still open
    assert sync_and_record(world.b, NOW).unmerged == []
    assert sync_state(world.b).conflicts_left is False


def test_a_failed_sync_is_recorded_with_its_line_and_still_raised(tmp_path: Path) -> None:
    world = make_world(tmp_path, SEED)
    shutil.rmtree(world.remote)
    with pytest.raises(GitError, match="origin: cannot reach the remote"):
        sync_and_record(world.a, NOW)
    last = sync_state(world.a).last
    assert last is not None
    assert last.outcome == "error"
    assert last.detail.startswith("origin: cannot reach the remote (fatal:")
    assert "\n" not in last.detail


def test_a_folder_that_is_not_a_repository_records_nothing(tmp_path: Path, machine_state: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    with pytest.raises(GitError, match="is not a git repository yet"):
        sync_and_record(folder, NOW)
    assert sync_state(folder).repository is False
    assert not LastSyncRecord(folder).path.exists()
    inner = tmp_path / "outer" / "data"  # inside a bigger repository: not a repository of its own
    inner.mkdir(parents=True)
    git(tmp_path / "outer", "init", "--quiet")
    assert sync_state(inner).repository is False


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("{not json", ":1:2: Expecting property name enclosed in double quotes; the next sync writes it again"),
        ("[1]", ": not a JSON object; the next sync writes it again"),
        ('{"at": "yesterday", "outcome": "ok"}', ": 'at' is not an instant with an offset"),
        ('{"at": "2026-11-25T09:30:00", "outcome": "ok"}', ": 'at' is not an instant with an offset"),
        ('{"at": "2026-11-25T09:30:00+01:00", "outcome": "fine"}', ": 'outcome' is not one of ok, conflicts, error"),
    ],
)
def test_a_damaged_record_is_named_at_its_place_and_read_as_none(tmp_path: Path, text: str, said: str) -> None:
    world = make_world(tmp_path, SEED)
    record = LastSyncRecord(world.a).path
    record.write_text(text, "utf-8")
    state = sync_state(world.a)
    assert state.last is None
    assert state.warning is not None
    assert state.warning.startswith(f"{record}{said}")
    assert state.to_commit == 0  # the rest is still said
    sync_and_record(world.a, NOW)  # the next sync writes it again
    assert json.loads(record.read_text("utf-8"))["outcome"] == "ok"
    assert sync_state(world.a).warning is None
