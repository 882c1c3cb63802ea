"""The installed command in tmux on a copy of the demo data, driven by keys."""

from __future__ import annotations

import subprocess
import time
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e
TODAY = date(2026, 11, 25)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(today=TODAY, target=tmp_path / "demo")


@pytest.fixture
def terminal(demo: Path) -> Iterator[Terminal]:
    term = Terminal(["--data-dir", str(demo)])
    yield term
    term.close()


def day_file(demo: Path) -> dict:
    return tomllib.loads((demo / "days" / "2026" / "2026-11-25.toml").read_text("utf-8"))


def test_log_an_outcome_and_move_on(terminal: Terminal, demo: Path):
    screen = terminal.wait_for("So what — next!")
    assert "Some will 1 · Some won't 0" in screen
    first_open = next(c["contact"] for c in day_file(demo)["call"] if "outcome" not in c)
    terminal.press("w")
    terminal.wait_for("Anything to add?")
    terminal.type("sent them the article")
    terminal.press("Enter")
    screen = terminal.wait_for("Some will 2 · Some won't 0")
    terminal.press("x")
    terminal.wait_for("Anything to add?")
    terminal.press("Escape")
    terminal.wait_for("Some will 2 · Some won't 1")
    calls = {c["contact"]: c.get("outcome") for c in day_file(demo)["call"]}
    assert calls[first_open] == "will"
    assert list(calls.values()).count("wont") == 1
    contact = tomllib.loads((demo / "contacts" / f"{first_open}.toml").read_text("utf-8"))
    assert contact["log"][-1]["outcome"] == "will"
    last = contact["log"][-1]
    assert "sent them the article" in (last.get("gave"), last.get("asked"))
    terminal.press("q")


@pytest.mark.parametrize(
    ("env", "size"),
    [({"TERM": "linux"}, (80, 24)), ({"NO_COLOR": "1"}, (80, 24)), ({}, (120, 40))],
    ids=["term-linux-80x24", "no-color-80x24", "120x40"],
)
def test_today_reads_well_in_other_terminals(demo: Path, env: dict[str, str], size: tuple[int, int]):
    term = Terminal(["--data-dir", str(demo)], width=size[0], height=size[1], env=env)
    try:
        term.wait_for("So what — next!")
        screen = term.wait_for("below goal")  # said in words, not only in colour
        assert "Wed 25 Nov 2026" in screen
        assert "Rosa Delgado" in screen
        term.press("?")
        term.wait_for("Today's calls")
        term.press("Escape")
        term.press("q")
    finally:
        term.close()


def test_a_log_from_the_shell_between_two_sessions_keeps_todays_preview(
    terminal: Terminal, demo: Path, monkeypatch: pytest.MonkeyPatch
):
    from networkday.clock import clock_from_environ
    from networkday.storage.preview import load_preview
    from networkday.storage.store import Store
    from tests.e2e.tmux import NOW, installed_command

    monkeypatch.setenv("NETWORKDAY_NOW", NOW)

    def preview():
        return load_preview(Store.open(demo, clock_from_environ(), scan=False, contacts=False), TODAY)

    terminal.wait_for("Some will 1 · Some won't 0")
    terminal.press("q")
    for _ in range(150):  # the exit keeps the preview as it leaves
        if preview() is not None:
            break
        time.sleep(0.1)
    first_open = next(c["contact"] for c in day_file(demo)["call"] if "outcome" not in c)
    done = subprocess.run(
        [*installed_command(), "--data-dir", str(demo), "log", first_open, "will"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    kept = preview()
    assert kept is not None  # the next start draws from it
    assert [item.outcome for item in kept.queue.items if item.contact_id == first_open] == ["will"]
    again = Terminal(["--data-dir", str(demo)])
    try:
        again.wait_for("Some will 2 · Some won't 0")
        again.press("q")
    finally:
        again.close()
