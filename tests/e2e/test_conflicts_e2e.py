"""A real conflict from two machines, settled in the installed app at 80x24 under TERM=linux and NO_COLOR."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import tomli

from tests.e2e.test_sync_e2e import run
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e


def retitle(folder: Path, title: str) -> None:
    """A hand edit of Ada's title, as a person makes it in an editor."""
    path = folder / "contacts" / "ada-lovelace.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Analyst"', f'title = "{title}"'), encoding="utf-8")


def test_both_machines_change_a_title_and_the_app_settles_it(tmp_path: Path) -> None:
    remote, a, b = tmp_path / "remote.git", tmp_path / "a", tmp_path / "b"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
    assert run("--data-dir", str(a), "add", "Ada Lovelace", "--title", "Analyst", cwd=tmp_path).returncode == 0
    assert run("--data-dir", str(a), "sync", "init", str(remote), cwd=tmp_path).returncode == 0
    assert run("--data-dir", str(a), "sync", cwd=tmp_path).returncode == 0
    subprocess.run(["git", "clone", "--quiet", str(remote), str(b)], check=True)
    subprocess.run(["chmod", "-R", "go-rwx", str(b)], check=True)
    assert run("--data-dir", str(b), "sync", "init", cwd=tmp_path).returncode == 0
    retitle(a, "Countess of Lovelace")
    retitle(b, "Engine designer")
    for folder in (a, b):
        done = run("--data-dir", str(folder), "sync", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    listed = run("--data-dir", str(b), "conflicts", cwd=tmp_path).stdout
    assert (
        "person/ada-lovelace title: kept 'Engine designer'; other 'Countess of Lovelace' (merge with origin/main"
        in listed
    )

    terminal = Terminal(["--data-dir", str(b)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    try:
        today = terminal.wait_for("X to settle")
        assert "! 1 sync conflict: changed on both machines. X to settle" in today
        terminal.press("X")
        listing = terminal.wait_for("other: 'Countess of Lovelace' (merge with origin/main)")
        assert "kept: 'Engine designer'" in listing
        terminal.press("o")
        terminal.wait_for("No sync conflicts")
        terminal.press("Escape")
        after = terminal.wait_for("Follow-ups")
    finally:
        terminal.close()
    assert "sync conflict" not in after
    assert "Traceback" not in after
    ada = tomli.loads((b / "contacts" / "ada-lovelace.toml").read_text(encoding="utf-8"))
    assert ada["title"] == "Countess of Lovelace"
    assert "conflict" not in ada
    assert run("--data-dir", str(b), "check", cwd=tmp_path).returncode == 0
