"""``[keys]`` in the installed command: check names each bad entry, and the app says so and keeps the keys."""

from __future__ import annotations

import subprocess
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import NOW, Terminal, installed_command

pytestmark = pytest.mark.e2e

KEYS = '\n[keys]\n"today.will" = "x"\n"today.wil" = "v"\n"today.add" = "delete"\n'


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = demo_copy(today=date(2026, 11, 25), target=tmp_path / "demo")
    config = folder / "config.toml"
    text = config.read_text("utf-8") if config.exists() else ""
    config.write_text(text + KEYS, "utf-8")
    config.chmod(0o600)
    return folder


@pytest.fixture
def terminal(demo: Path) -> Iterator[Terminal]:
    term = Terminal(["--data-dir", str(demo)], width=120, height=40)
    yield term
    term.close()


def test_check_names_each_entry_by_line(demo: Path) -> None:
    done = subprocess.run(
        [*installed_command(), "check", "--data-dir", str(demo)],
        capture_output=True,
        text=True,
        env={"NETWORKDAY_NOW": NOW, "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if "[keys]" in line]
    assert [line.split(": [keys] ")[1] for line in said] == [
        "'today.will' = 'x' is refused: 'x' is the only key of 'today.wont'",
        "no action has the id 'today.wil'; ignored",
        "'today.add' = 'delete' takes 'delete' from 'today.remove', which keeps d",
    ]


def test_the_app_says_so_and_x_is_still_wont(terminal: Terminal, demo: Path) -> None:
    # Each problem is a toast titled Keys (its line wraps in the toast); they come one after another.
    terminal.wait_for("Keys")
    terminal.wait_for("refused")
    terminal.wait_for("ignored")  # a word alone: the toast wraps its line anywhere
    terminal.wait_for("Some won't 0")
    terminal.press("x")
    terminal.wait_for("Anything to add?")
    terminal.press("Escape")
    terminal.wait_for("Some won't 1")
    day = tomllib.loads((demo / "days" / "2026" / "2026-11-25.toml").read_text("utf-8"))
    assert [c.get("outcome") for c in day["call"]].count("wont") == 1
    terminal.press("q")
