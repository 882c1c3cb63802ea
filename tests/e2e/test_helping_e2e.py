"""The help-others mode from the installed command: `networkday mode`, then Today, then back in the palette."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal, installed_command

pytestmark = pytest.mark.e2e
TODAY = date(2026, 11, 25)
NOW = "2026-11-25T09:30:00+01:00"


def networkday(*args: str) -> str:
    env = {"NETWORKDAY_NOW": NOW, "NETWORKDAY_TZ": "Europe/Berlin", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    done = subprocess.run([*installed_command(), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def test_mode_switched_on_the_command_line_shows_on_today_and_goes_back_in_the_palette(tmp_path: Path):
    demo = demo_copy(today=TODAY, target=tmp_path / "demo")
    config = (demo / "config.toml").read_bytes()
    assert networkday("mode", "helping", "--data-dir", str(demo)).startswith("helping (chosen")
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    try:
        screen = term.wait_for("this week")
        assert "helping · gave" in screen
        assert "Help first:" in screen
        assert "networking" in screen  # the timer bar without a share goal
        term.press("C-p")
        term.type("job search")
        term.wait_for("Switch to job search mode")
        term.press("Enter")
        term.wait_for("So what — next!")
        term.press("q")
    finally:
        term.close()
    assert networkday("mode", "--data-dir", str(demo)).startswith("job-search (chosen")
    assert (demo / "config.toml").read_bytes() == config
