"""The installed `networkday sync` between two folders and a bare remote, with git running the driver by itself."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import tomli

from tests.e2e.tmux import installed_command

pytestmark = pytest.mark.e2e


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command with a PATH holding no networkday and no Python: git runs the driver by its full path."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("NETWORKDAY", "VIRTUAL_ENV"))}
    env.update(PATH="/usr/bin:/bin", NETWORKDAY_NOW="2026-11-25T09:30:00+01:00", NETWORKDAY_TZ="Europe/Berlin")
    return subprocess.run([*installed_command(), *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Folder a, with Ada Lovelace, synced to a bare remote, and folder b its clone."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("--data-dir", str(a), "add", "Ada Lovelace", cwd=tmp_path).returncode == 0
    assert run("--data-dir", str(a), "sync", "init", str(remote), cwd=tmp_path).returncode == 0
    assert run("--data-dir", str(a), "sync", cwd=tmp_path).returncode == 0
    subprocess.run(["git", "clone", "--quiet", str(remote), str(b)], check=True)
    assert run("--data-dir", str(b), "sync", "init", cwd=tmp_path).returncode == 0
    return a, b


def test_two_folders_synced_by_the_installed_command_merge_their_touches(tmp_path: Path) -> None:
    a, b = two_folders(tmp_path)
    assert run("--data-dir", str(a), "log", "ada-lovelace", "talked", "--note", "from a", cwd=tmp_path).returncode == 0
    assert run("--data-dir", str(b), "log", "ada-lovelace", "will", "--note", "from b", cwd=tmp_path).returncode == 0
    for folder in (a, b, a):
        done = run("--data-dir", str(folder), "sync", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    ada = [tomli.loads((folder / "contacts" / "ada-lovelace.toml").read_text(encoding="utf-8")) for folder in (a, b)]
    assert ada[0] == ada[1]
    assert sorted(entry["note"] for entry in ada[0]["log"]) == ["from a", "from b"]
    assert run("--data-dir", str(a), "check", cwd=tmp_path).returncode == 0


def test_a_person_added_in_both_folders_unlike_is_kept_as_two_that_check_lists(tmp_path: Path) -> None:
    a, b = two_folders(tmp_path)
    for folder, title in ((a, "Admiral"), (b, "Professor")):
        assert run("--data-dir", str(folder), "add", "Grace Hopper", "--title", title, cwd=tmp_path).returncode == 0
    said = [run("--data-dir", str(folder), "sync", cwd=tmp_path) for folder in (a, b, a)]
    assert all(done.returncode == 0 for done in said), [done.stderr for done in said]
    assert "kept both records of Grace Hopper (grace-hopper, grace-hopper-2), added on both machines" in said[1].stdout
    for folder in (a, b):
        titles = {
            name: tomli.loads((folder / "contacts" / f"{name}.toml").read_text(encoding="utf-8"))["title"]
            for name in ("grace-hopper", "grace-hopper-2")
        }
        # b merged: a's Admiral, already pushed, keeps the id; b's own Professor moves
        assert titles == {"grace-hopper": "Admiral", "grace-hopper-2": "Professor"}
    check = run("--data-dir", str(a), "check", cwd=tmp_path)
    assert check.returncode == 1
    assert check.stderr.count("likely the same person as grace-hopper") == 2
    assert "Traceback" not in check.stderr
