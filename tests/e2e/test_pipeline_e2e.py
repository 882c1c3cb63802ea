"""What led where in a real terminal, on a copy of the demo: the moves in the journal, the funnel in the review."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal, installed_command

pytestmark = pytest.mark.e2e
EVENING = "2026-11-25T20:30:00+01:00"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(today=date(2026, 11, 25), target=tmp_path / "demo")


def test_the_offer_in_the_journal_then_its_chain_in_the_review_on_a_linux_console(demo: Path):
    env = {"NETWORKDAY_NOW": EVENING, "TERM": "linux", "NO_COLOR": "1"}
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env=env)
    try:
        term.wait_for("So what — next!")
        term.press("3")
        screen = term.wait_for("1 opportunity moved: Brightwater Health")
        assert "-> offer" in screen
        term.press("5", "p")
        screen = term.wait_for("Funnel in the period")
        assert "interviews            2" in screen
        assert "Networking share (- goal 85%)" in screen
        assert "Through people: 6 of 8 opportunities (75%) · cold applications 2" in screen
        term.press("PageDown")
        screen = term.wait_for("Hannah Okafor")
        assert "you -> " in screen
        assert "Brightwater Health · Senior Product Manager, Patient Apps · offer" in screen
        term.press("p")
        term.wait_for("Best day:")
        term.press("q")
    finally:
        term.close()


def test_a_move_in_another_shell_shows_in_the_open_journal_and_review(demo: Path):
    """Only a company file changes: the journal's moves and the review's funnel follow within a poll."""
    env = {"NETWORKDAY_NOW": EVENING, "TERM": "linux", "NO_COLOR": "1"}
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env=env)
    try:
        term.wait_for("So what — next!")
        term.press("3")
        term.wait_for("1 opportunity moved: Brightwater Health")
        quarry = "quarry-labs/head-of-product"
        move = [*installed_command(), "--data-dir", str(demo), "opportunity", "move", quarry, "interview"]
        subprocess.run(move, check=True, capture_output=True, env={**os.environ, "NETWORKDAY_NOW": EVENING})
        screen = term.wait_for("2 opportunities moved")
        assert "Quarry Labs Head of Product -> interview" in " ".join(screen.split())
        term.press("5", "p")
        term.wait_for("interviews            3")
        move[-1] = "offer"
        subprocess.run(move, check=True, capture_output=True, env={**os.environ, "NETWORKDAY_NOW": EVENING})
        term.wait_for("offers                3")
        term.press("q")
    finally:
        term.close()
