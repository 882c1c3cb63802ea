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


def test_two_folders_synced_by_the_installed_command_merge_their_touches(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("--data-dir", str(a), "add", "Ada Lovelace", cwd=tmp_path).returncode == 0
    assert run("--data-dir", str(a), "sync", "init", str(remote), cwd=tmp_path).returncode == 0
    assert run("--data-dir", str(a), "sync", cwd=tmp_path).returncode == 0
    subprocess.run(["git", "clone", "--quiet", str(remote), str(b)], check=True)
    assert run("--data-dir", str(b), "sync", "init", cwd=tmp_path).returncode == 0
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
