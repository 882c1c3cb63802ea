"""The Contacts screens in tmux on a copy of the demo data: find a person, read their story, edit them."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(today=date(2026, 11, 25), target=tmp_path / "demo")


@pytest.fixture
def terminal(demo: Path) -> Iterator[Terminal]:
    term = Terminal(["--data-dir", str(demo)], width=80, height=24)
    yield term
    term.close()


def test_find_a_person_read_their_story_and_edit_them(terminal: Terminal, demo: Path):
    terminal.wait_for("So what — next!")
    terminal.press("2")
    terminal.wait_for("Contacts  40 of 40 · name ↑")
    terminal.press("/")
    terminal.type("priya")
    screen = terminal.wait_for("2 of 40")
    assert "★◆ Priya Raman" in screen
    terminal.press("Enter", "Enter")
    screen = terminal.wait_for("esc Back")
    assert "★ Priya Raman  Director of Product" in screen
    terminal.press("PageDown", "PageDown")
    terminal.wait_for("Referrals")
    terminal.press("e")
    terminal.wait_for("Edit Priya Raman")
    terminal.press("Tab", "Tab", "C-e")
    terminal.type(", Platform")
    terminal.press("C-s")
    terminal.wait_for("Saved Priya Raman.")
    saved = tomllib.loads((demo / "contacts" / "priya-raman.toml").read_text("utf-8"))
    assert saved["title"].endswith(", Platform")
    terminal.press("Escape")
    terminal.wait_for("best matches first")
    terminal.press("Escape")
    terminal.wait_for("40 of 40")  # tmux reads Escape and a key soon after as Alt+key
    terminal.press("h")
    screen = terminal.wait_for("only: hiring managers")
    assert "Priya Raman" in screen
    terminal.press("q")


@pytest.mark.parametrize(
    ("env", "star"),
    [({"TERM": "linux"}, "*"), ({"NO_COLOR": "1"}, "★")],  # the console's font has no star
    ids=["term-linux", "no-color"],
)
def test_the_network_list_reads_well_in_a_plain_console(demo: Path, env: dict[str, str], star: str):
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env=env)
    try:
        term.wait_for("So what — next!")
        term.press("2")
        screen = term.wait_for(f"{star} hiring mgr ◆ target co.")
        assert "overdue" in screen  # said in words, not only in colour
        assert "never" in screen
        term.press("q")
    finally:
        term.close()
