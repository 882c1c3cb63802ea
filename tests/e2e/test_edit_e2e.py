"""`networkday edit` in a real terminal with a real editor (vi): a broken edit is caught, edited again, saved."""

from __future__ import annotations

import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e


@pytest.mark.skipif(shutil.which("vi") is None, reason="vi is not installed")
def test_a_broken_edit_is_offered_again_and_the_fix_is_saved(tmp_path: Path) -> None:
    demo = demo_copy(today=date(2026, 11, 25), target=tmp_path / "demo")
    path = demo / "contacts" / "priya-raman.toml"
    before = tomllib.loads(path.read_text("utf-8"))
    editor = "vi -u NONE -i NONE -N"  # no vimrc and no viminfo: the same keys on every machine
    term = Terminal(
        ["edit", "priya-raman", "--data-dir", str(demo)],
        width=80,
        height=24,
        env={"EDITOR": editor, "HOME": str(tmp_path), "TERM": "linux", "NO_COLOR": "1"},
    )
    try:
        term.wait_for('name = "Priya Raman"')
        term.type(':%s/^title = .*/title = "Broken/')
        term.press("Enter")
        term.type(":wq")
        term.press("Enter")
        screen = term.wait_for("edit again? [Y/n]")
        assert "priya-raman.toml:" in "".join(screen.splitlines())  # the error, located (the path may wrap)
        term.press("Enter")
        term.wait_for('title = "Broken')  # what was typed comes back, not the file
        term.type(':%s/"Broken$/"Fixed"/')
        term.press("Enter")
        term.type(":wq")
        term.press("Enter")
        term.wait_for(": saved")  # after the path, which may wrap at 80 columns
    finally:
        term.close()
    after = tomllib.loads(path.read_text("utf-8"))
    assert after["title"] == "Fixed"
    assert after["log"] == before["log"]
