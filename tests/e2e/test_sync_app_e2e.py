"""The installed app syncs: "Sync now" from the palette, and with ``[sync] auto`` on quitting, in a real terminal."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_sync_e2e import run
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e


def synced_folder(tmp_path: Path, config: str) -> tuple[Path, Path]:
    remote, folder = tmp_path / "remote.git", tmp_path / "data"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
    assert run("--data-dir", str(folder), "add", "Ada Lovelace", cwd=tmp_path).returncode == 0
    (folder / "config.toml").write_text(f"format = 1\n{config}", encoding="utf-8")
    assert run("--data-dir", str(folder), "sync", "init", str(remote), cwd=tmp_path).returncode == 0
    assert run("--data-dir", str(folder), "sync", cwd=tmp_path).returncode == 0
    return remote, folder


def pushed(remote: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(remote), "log", "--format=%s", "main"], capture_output=True, text=True, check=True
    ).stdout


def test_sync_now_from_the_palette_pushes_and_says_so(tmp_path: Path) -> None:
    remote, folder = synced_folder(tmp_path, "")
    terminal = Terminal(["--data-dir", str(folder)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    try:
        terminal.wait_for("Today")
        terminal.press("T")  # the timer: a save to the day file
        terminal.press("C-p")
        terminal.type("Sync now")
        terminal.wait_for("key: Y")
        terminal.press("Enter")
        screen = terminal.wait_for("origin/main")  # the toast's line, wrapped at 80 columns
    finally:
        terminal.close()
    assert "pushed to" in screen
    assert "1 day (2026-11-25)" in pushed(remote)


def test_quitting_with_auto_sync_pushes_and_prints_the_result(tmp_path: Path) -> None:
    remote, folder = synced_folder(tmp_path, "[sync]\nauto = true\n")
    terminal = Terminal(["--data-dir", str(folder)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    try:
        terminal.wait_for("Today")
        terminal.press("T")
        terminal.press("q")
        screen = terminal.wait_for("sync: committed 1 file(s); pushed to origin/main")
    finally:
        terminal.close()
    assert "Traceback" not in screen
    assert "1 day (2026-11-25)" in pushed(remote)
