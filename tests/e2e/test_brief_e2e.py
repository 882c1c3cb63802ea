"""The call brief from the installed command: `b` on Today and on a person, and `networkday brief`."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import NOW, Terminal, installed_command

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(today=date(2026, 11, 25), target=tmp_path / "demo")


@pytest.fixture
def terminal(demo: Path) -> Iterator[Terminal]:
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    yield term
    term.close()


def test_b_opens_the_brief_from_today_and_from_the_person_and_escape_goes_back(terminal: Terminal) -> None:
    terminal.wait_for("So what")
    terminal.press("b")  # the first open call: Priya Raman
    screen = terminal.wait_for("Call brief: Priya Raman")
    assert "introduced by: Marcus Oyelaran" in screen
    terminal.press("End")
    terminal.wait_for("Suggested offer")
    terminal.press("Escape")
    terminal.wait_for("So what")
    terminal.press("Enter")
    terminal.wait_for("Details")
    terminal.press("b")
    terminal.wait_for("Call brief: Priya Raman")
    terminal.press("Escape")
    terminal.wait_for("Details")


def test_the_installed_command_prints_the_brief_and_its_json(demo: Path) -> None:
    env = {**os.environ, "NETWORKDAY_NOW": NOW, "NETWORKDAY_TZ": "Europe/Berlin"}
    command = [*installed_command(), "--data-dir", str(demo), "brief", "priya-raman"]
    text = subprocess.run(command, capture_output=True, text=True, env=env, check=True, timeout=60).stdout
    assert text.startswith("Call brief: Priya Raman (priya-raman)\n")
    assert "  Product Manager, Analytics at Lumen Analytics · interview · they opened it" in text
    data = json.loads(
        subprocess.run([*command, "--json"], capture_output=True, text=True, env=env, check=True, timeout=60).stdout
    )
    assert data["version"] == 1
    assert data["referrer"]["id"] == "marcus-oyelaran"
    missing = subprocess.run(
        [*installed_command(), "--data-dir", str(demo), "brief", "nobody"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert missing.returncode == 1
    assert missing.stderr.count("\n") == 1
