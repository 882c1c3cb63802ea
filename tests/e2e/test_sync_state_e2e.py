"""The installed command and app say the sync state: `sync status`, Today's header, and `Y`, in a real terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.e2e.test_sync_app_e2e import synced_folder
from tests.e2e.test_sync_e2e import run
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e


def test_status_then_the_header_follows_a_change_and_y(tmp_path: Path) -> None:
    _, folder = synced_folder(tmp_path, "")
    done = run("--data-dir", str(folder), "sync", "status", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "last sync a few seconds ago, ok",
        "nothing to commit",
        "0 ahead, 0 behind origin/main (as of the last fetch)",
    ]
    state = {"XDG_STATE_HOME": os.environ["XDG_STATE_HOME"], "TERM": "linux", "NO_COLOR": "1"}
    terminal = Terminal(["--data-dir", str(folder)], width=80, height=24, env=state)
    try:
        terminal.wait_for("sync just now")
        assert run("--data-dir", str(folder), "add", "Grace Hopper", cwd=tmp_path).returncode == 0
        terminal.wait_for("sync just now · 1 to commit")  # the folder watch saw the new file
        terminal.press("Y")
        terminal.wait_for("pushed to")
        # the header looks again in a thread after the sync: its line then ends at "just now"
        screen = terminal.wait_for("sync just now\n")
    finally:
        terminal.close()
    assert "to commit" not in screen.splitlines()[1]
    assert "Traceback" not in screen
    document = json.loads(run("--data-dir", str(folder), "sync", "status", "--json", cwd=tmp_path).stdout)
    assert (document["to_commit_count"], document["last_sync"]["outcome"]) == (0, "ok")


def test_outside_a_repository_status_says_so_and_y_says_how_to_start(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert run("--data-dir", str(folder), "add", "Ada Lovelace", cwd=tmp_path).returncode == 0
    done = run("--data-dir", str(folder), "sync", "status", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (
        0,
        f"{folder} is not a git repository: networkday sync init [REMOTE] makes it one\n",
    )
    terminal = Terminal(["--data-dir", str(folder)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    try:
        terminal.wait_for("Today")
        terminal.press("Y")
        screen = terminal.wait_for("sync init")
    finally:
        terminal.close()
    assert "sync just now" not in screen
    assert not (folder / ".git").exists()
