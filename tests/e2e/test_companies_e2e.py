"""The Companies screen in a real terminal from the installed command, on a copy of the demo."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e
TODAY = date(2026, 11, 25)
MORNING = "2026-11-25T09:30:00+01:00"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(today=TODAY, target=tmp_path / "demo")


@pytest.fixture
def terminal(demo: Path) -> Iterator[Terminal]:
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"NETWORKDAY_NOW": MORNING})
    yield term
    term.close()


def test_mark_a_target_move_an_opportunity_and_read_its_chain(demo: Path, terminal: Terminal):
    terminal.wait_for("So what")
    terminal.press("4")
    screen = terminal.wait_for("Companies  16")
    assert "◆ Lumen Analytics" in screen
    assert "no path yet" in screen

    terminal.press("j", "j", "j", "j", "j")  # Tidewell Energy, the first that is not a target
    terminal.wait_for("Tidewell Energy · 5 people")
    terminal.press("t")
    terminal.wait_for("Tidewell Energy: a target.")
    assert tomllib.loads((demo / "companies" / "tidewell-energy.toml").read_text("utf-8"))["target"] is True

    terminal.press("k", "k", "k", "k", "k")  # back to Lumen Analytics, at interview
    terminal.wait_for("Lumen Analytics · ◆ target · 5 people")
    terminal.press("m")
    terminal.wait_for("interview → offer. A note?")
    terminal.type("Verbal offer")
    terminal.press("Enter")
    terminal.wait_for("On which day?")
    terminal.press("Enter")
    terminal.wait_for("1 offer")
    lumen = tomllib.loads((demo / "companies" / "lumen-analytics.toml").read_text("utf-8"))
    steps = lumen["opportunity"][0]["step"]  # in date order: one set ahead stays last
    assert [step["stage"] for step in steps if step.get("note") == "Verbal offer"] == ["offer"]

    terminal.press("Enter")
    screen = terminal.wait_for("Behind it:")
    assert "2026-11-25 offer · Verbal offer" in screen
    terminal.press("Escape")
    terminal.wait_for("Companies  16")
    terminal.press("q")


def test_the_companies_list_in_a_linux_console(demo: Path):
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    try:
        term.wait_for("So what")
        term.press("4")
        screen = term.wait_for("Companies  16")
        assert "*1" in screen  # the console font has no star
        term.press("q")
    finally:
        term.close()
