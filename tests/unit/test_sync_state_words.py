"""The words for the sync state: Today's compact segment, ``sync status``'s lines and its JSON keys."""

from __future__ import annotations

from datetime import timedelta

import pytest

from networkday.domain.sync_state import LastSync, SyncState, compact_ago, segment, state_json, status_lines
from tests.conftest import NOW

SYNCED = SyncState(repository=True, last=LastSync(NOW - timedelta(minutes=5), "ok"), branch="main")


@pytest.mark.parametrize(
    ("before", "said"),
    [
        (timedelta(seconds=59), "just now"),
        (timedelta(minutes=5, seconds=59), "5 min ago"),
        (timedelta(hours=3, minutes=59), "3 h ago"),
        (timedelta(days=2, hours=23), "2 d ago"),
        (-timedelta(minutes=3), "just now"),  # a record from a clock ahead of this one
    ],
)
def test_compact_ago_rounds_down_to_one_unit(before: timedelta, said: str) -> None:
    assert compact_ago(NOW - before, NOW) == said


def test_the_segment_says_the_last_sync_what_waits_and_ahead_behind() -> None:
    state = SyncState(
        repository=True,
        last=LastSync(NOW - timedelta(minutes=5), "ok"),
        to_commit=3,
        upstream="origin/main",
        ahead=1,
        behind=2,
    )
    assert segment(state, NOW) == ("sync 5 min ago · 3 to commit · ↑1 ↓2", False)
    assert segment(state, NOW, arrows=("^", "v"))[0].endswith("^1 v2")
    assert segment(SYNCED, NOW) == ("sync 5 min ago", False)  # nothing waiting: nothing more said


def test_the_segment_warns_of_conflicts_and_errors_and_is_empty_outside_a_repository() -> None:
    assert segment(SyncState(repository=False, to_commit=4), NOW) == ("", False)
    assert segment(SyncState(repository=True, merging=True, unmerged=2, to_commit=1), NOW) == (
        "sync: conflicts left",
        True,
    )
    failed = SyncState(repository=True, last=LastSync(NOW - timedelta(hours=2), "error", "origin: cannot reach"))
    assert segment(failed, NOW) == ("sync failed 2 h ago", True)
    assert segment(SyncState(repository=True, to_commit=1), NOW) == ("never synced here · 1 to commit", False)


def test_status_lines_outside_and_inside_a_repository() -> None:
    assert status_lines(SyncState(repository=False), "/data", None) == [
        "/data is not a git repository: networkday sync init [REMOTE] makes it one"
    ]
    state = SyncState(
        repository=True,
        last=LastSync(NOW, "error", "origin: cannot reach the remote (fatal: no)"),
        to_commit=2,
        merging=True,
        unmerged=1,
        branch="main",
        upstream="origin/main",
        ahead=0,
        behind=3,
    )
    assert status_lines(state, "/data", "12 minutes ago") == [
        "git repository /data, branch main, upstream origin/main",
        "last sync 12 minutes ago, failed: origin: cannot reach the remote (fatal: no)",
        "2 file(s) to commit",
        "0 ahead, 3 behind origin/main (as of the last fetch)",
        "a merge is left open, 1 file(s) in conflict: resolve them (git status, then git add), "
        "then run networkday sync again",
    ]
    lines = status_lines(SyncState(repository=True, upstream="origin/main"), "/data", None)
    assert lines[1:] == ["never synced on this machine", "nothing to commit"]  # upstream gone: no counts to say


def test_the_json_has_the_same_keys_in_and_outside_a_repository() -> None:
    outside, inside = state_json(SyncState(repository=False)), state_json(SYNCED)
    assert outside.keys() == inside.keys()
    assert outside["repository"] is False
    assert outside["last_sync"] is None
    assert inside["last_sync"] == {"at": (NOW - timedelta(minutes=5)).isoformat(), "outcome": "ok", "detail": ""}


def test_a_failures_detail_from_the_file_stays_on_its_line() -> None:
    state = SyncState(repository=True, last=LastSync(NOW, "error", "no\nnetworkday: all fine\x1b[2J"))
    assert status_lines(state, "/data", "a minute ago")[1] == (
        "last sync a minute ago, failed: no\\nnetworkday: all fine\\x1b[2J"
    )
