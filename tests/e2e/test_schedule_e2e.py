"""A scheduled call from the installed app in tmux: a past time is refused in the prompt, a later one stays to do."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e


def test_a_call_scheduled_for_later_today_stays_to_do(terminal: Terminal, demo: Path) -> None:
    terminal.wait_for("So what — next!")
    day = demo / "days" / "2026" / "2026-11-25.toml"
    first_open = next(c["contact"] for c in tomllib.loads(day.read_text("utf-8"))["call"] if "outcome" not in c)
    terminal.press("s")
    terminal.wait_for("when is it?")
    terminal.press("Tab", "Tab", "Tab", "Tab")  # past what you offered, asked, noted and they gained
    terminal.type("08:00")
    terminal.press("Enter")
    terminal.wait_for("08:00 today is past")  # 09:30 now: the prompt stays, with the text
    terminal.press("BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
    terminal.type("15:00")
    terminal.press("Enter")
    terminal.wait_for("So what — next!")
    terminal.press("Up")
    terminal.wait_for("at 15:00")
    calls = [c for c in tomllib.loads(day.read_text("utf-8"))["call"] if c["contact"] == first_open]
    assert [(c.get("outcome"), c.get("time")) for c in calls][-1] == (None, "15:00")
    terminal.press("q")
