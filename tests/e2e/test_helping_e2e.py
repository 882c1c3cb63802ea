"""The help-others mode from the installed command: `networkday mode`, Today, a helping touch logged, the palette."""

from __future__ import annotations

import subprocess
import tomllib
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


def contact_file(demo: Path, contact_id: str) -> dict:
    return tomllib.loads((demo / "contacts" / f"{contact_id}.toml").read_text("utf-8"))


def test_a_helping_touch_logged_in_the_app_answers_an_ask_and_records_an_introduction(tmp_path: Path):
    """The demo's helping queue has Hugo's ask; logging a give to him with an introduction lands both in his file."""
    demo = demo_copy(today=TODAY, target=tmp_path / "demo")
    networkday("mode", "helping", "--data-dir", str(demo))
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    try:
        term.wait_for("asked you")
        term.press(*["j"] * 5)  # from the first open call (Priya) down to Hugo's ask
        term.wait_for("Hugo Bernard · Cobalt Media")
        term.press("t")
        screen = term.wait_for("What did they ask of you?")
        assert "ctrl+o" not in screen  # helping mode: the helping fields are there from the start
        term.type("Two data-platform openings")
        term.press("Tab", "Tab")
        term.type("Nadia Petrova")
        term.press("Enter")
        term.wait_for("talked    Hugo Bernard")
        term.press("q")
    finally:
        term.close()
    touch = contact_file(demo, "hugo-bernard")["log"][-1]
    assert (touch["outcome"], touch["gave"]) == ("talked", "Two data-platform openings")
    assert touch["introduced"] == ["nadia-petrova"]  # the name typed became her id


def test_in_a_job_search_ctrl_o_opens_the_helping_fields_on_the_linux_console(tmp_path: Path):
    demo = demo_copy(today=TODAY, target=tmp_path / "demo")
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    try:
        term.wait_for("So what — next!")
        term.press("w")  # on Priya, the first open call
        term.wait_for("ctrl+o helping")
        term.type("my notes on their roadmap")
        term.press("C-o")
        term.wait_for("What did they ask of you?")
        term.type("a referral for a friend")
        term.press("Tab", "Tab")
        term.type("Staff PM at Lumen")
        term.press("Enter")
        term.wait_for("will      * Priya Raman")
        term.press("q")
    finally:
        term.close()
    touch = contact_file(demo, "priya-raman")["log"][-1]
    assert (touch["outcome"], touch["gave"]) == ("will", "my notes on their roadmap")
    assert (touch["they_asked"], touch["landed"]) == ("a referral for a friend", "Staff PM at Lumen")
