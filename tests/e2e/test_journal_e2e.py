"""The journal and the review in a real terminal, on a copy of the demo: typed, saved, found again."""

from __future__ import annotations

import time
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import tomli_w

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e
TODAY = date(2026, 11, 25)
EVENING = "2026-11-25T20:30:00+01:00"
WILL = "Who will help, and how?"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(today=TODAY, target=tmp_path / "demo")


@pytest.fixture
def terminal(demo: Path) -> Iterator[Terminal]:
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"NETWORKDAY_NOW": EVENING})
    yield term
    term.close()


def day_path(demo: Path) -> Path:
    return demo / "days" / "2026" / "2026-11-25.toml"


def journal(demo: Path) -> dict:
    return tomllib.loads(day_path(demo).read_text("utf-8")).get("journal", {})


def answer(demo: Path, prompt: str) -> str | None:
    return next((a["text"] for a in journal(demo).get("answer", []) if a["prompt"] == prompt), None)


def eventually(check, timeout: float = 10.0) -> None:
    """Waits for the autosave to reach the file."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the file never got the text"
        time.sleep(0.1)


def leave_the_text(terminal: Terminal) -> None:
    """Escape, then wait for the screen's keys: a key straight after ESC would be read as Alt+key."""
    terminal.press("Escape")
    terminal.wait_for("e Write")


def test_write_leave_come_back_and_find_it_on_disk(terminal: Terminal, demo: Path):
    terminal.wait_for("So what — next!")
    terminal.press("3")
    terminal.wait_for("Journal · Wed 25 Nov 2026 · today")
    terminal.press("e", "Tab")
    terminal.type('Zoë: "an intro" \\ to Kim  ')
    terminal.wait_for("saved 20:30:00")
    assert answer(demo, WILL) == 'Zoë: "an intro" \\ to Kim  '
    leave_the_text(terminal)
    terminal.press("1")
    terminal.wait_for("So what — next!")
    terminal.press("3")
    terminal.wait_for('Zoë: "an intro" \\ to Kim')
    terminal.press("+")  # an unrated day: the first press gives the middle, 3
    terminal.wait_for("3/5 · saved")
    assert journal(demo)["rating"] == 3

    table = tomllib.loads(day_path(demo).read_text("utf-8"))
    for item in table["journal"]["answer"]:
        if item["prompt"] == WILL:
            item["text"] = "Changed in my editor."
    day_path(demo).write_text(tomli_w.dumps(table), "utf-8")
    terminal.wait_for("Changed in my editor.")  # the open entry shows the hand edit by itself
    terminal.press("e", "Tab", "End")
    terminal.type(" More.")
    eventually(lambda: answer(demo, WILL) == "Changed in my editor. More.")
    assert journal(demo)["rating"] == 3
    leave_the_text(terminal)

    terminal.press("/")
    terminal.type("editor")
    terminal.wait_for("1 match(es)")
    terminal.press("Down", "Enter")
    terminal.wait_for("Journal · Wed 25 Nov 2026 · today")
    terminal.press("5")
    terminal.wait_for("Best day:")
    screen = terminal.wait_for("Weakest day:")  # the two lines may reach the screen in different frames
    assert "Review · Week 48 of 2026" in screen
    assert "Best day:" in screen
    terminal.press("q")


def test_review_month_in_a_linux_console(demo: Path):
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"TERM": "linux"})
    try:
        term.wait_for("So what — next!")
        term.press("5", "m")
        screen = term.wait_for("Review · November 2026")
        assert "Best day:" in screen
        assert "|" in screen  # ASCII bars and goal marks where the console font has no blocks
        term.press("q")
    finally:
        term.close()
