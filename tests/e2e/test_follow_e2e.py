"""The installed app in an 80x24 Linux console follows a contact added by a command and a file broken by hand."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.tmux import NOW, Terminal, installed_command

pytestmark = pytest.mark.e2e


def test_a_command_and_a_hand_edit_show_with_no_key_pressed(terminal: Terminal, demo: Path) -> None:
    terminal.wait_for("Some will")
    env = {**os.environ, "NETWORKDAY_NOW": NOW}
    command = [*installed_command(), "--data-dir", str(demo), "add", "Zelda Quist", "--follow-up", "2026-11-25"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    terminal.wait_for("Zelda Quist", timeout=2.0)
    path = demo / "contacts" / "zelda-quist.toml"
    good = path.read_text("utf-8")
    terminal.press("!")
    terminal.wait_for("No problems")
    path.write_text("name = \n", "utf-8")
    terminal.wait_for("zelda-quist.toml:1", timeout=2.0)
    path.write_text(good, "utf-8")
    terminal.wait_for("No problems", timeout=2.0)
    terminal.press("Escape")
    terminal.press("q")
