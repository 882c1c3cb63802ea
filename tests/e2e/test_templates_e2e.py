"""Writing to a person from a template in tmux: pick it, change it in the real $EDITOR, log it as sent."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

#: An editor that changes the greeting and exits: what the app gets back is what it saved.
EDITOR = "sed -i s/^Hi\\ /Dear\\ /"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(today=date(2026, 11, 25), target=tmp_path / "demo")


@pytest.fixture(params=["xterm", "linux"])
def terminal(request: pytest.FixtureRequest, demo: Path) -> Iterator[Terminal]:
    env = {"VISUAL": "", "EDITOR": EDITOR}
    if request.param == "linux":
        env.update(TERM="linux", NO_COLOR="1")
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env=env)
    yield term
    term.close()


def test_pick_edit_and_log_a_template(terminal: Terminal, demo: Path) -> None:
    terminal.wait_for("So what")
    terminal.press("2")
    terminal.wait_for("Contacts  40 of 40")
    terminal.press("/")
    terminal.type("priya")
    terminal.wait_for("2 of 40")
    terminal.press("Enter", "Enter")
    terminal.wait_for("esc Back")
    terminal.press("t")
    terminal.wait_for("Write with which template?")
    terminal.type("thank")
    terminal.press("Enter")
    screen = terminal.wait_for("Subject: Thank you, Priya")
    assert "Hi Priya," in screen
    terminal.press("e")
    terminal.wait_for("Dear Priya,")
    terminal.press("l")
    terminal.wait_for("Logged: email to Priya Raman")
    saved = tomllib.loads((demo / "contacts" / "priya-raman.toml").read_text("utf-8"))
    touch = saved["log"][-1]
    assert (touch["channel"], touch["note"]) == ("email", "Sent the thank-you template")
    terminal.press("q")
