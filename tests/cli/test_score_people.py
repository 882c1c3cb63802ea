"""The score counts people: three touches to one person are one made, one row, with their last outcome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from networkday.cli import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run(folder: Path, capsys: pytest.CaptureFixture, *args: str) -> str:
    capsys.readouterr()
    assert main([*args, "--data-dir", str(folder)]) == 0
    return capsys.readouterr().out


def test_three_touches_to_one_person_make_one_of_the_goal(folder: Path, capsys: pytest.CaptureFixture) -> None:
    ann = run(folder, capsys, "add", "Ann Lee").strip()
    bob = run(folder, capsys, "add", "Bob Ray").strip()
    for outcome in ("no-answer", "left-message", "will"):
        run(folder, capsys, "log", ann, outcome)
    run(folder, capsys, "log", bob, "wont")
    out = json.loads(run(folder, capsys, "today", "--json"))
    assert (out["made"], out["planned"], out["will"], out["wont"]) == (2, 2, 1, 1)
    made = [(row["contact"], row["outcome"]) for row in out["queue"] if row["outcome"]]
    assert made == [(ann, "will"), (bob, "wont")]
    text = run(folder, capsys, "today")
    assert "Some will 1 · Some won't 1" in text
    assert "made 2/2" in text
