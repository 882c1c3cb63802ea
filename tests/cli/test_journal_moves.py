"""The opportunities moved on a day, as `journal` prints them and as each day of `review --json` lists them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from networkday.cli import main
from tests.conftest import NOW


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


def cli(data: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(data)])


def test_the_days_moves_in_the_journal_and_in_review_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    data = tmp_path / "data"
    cli(data, "add", "Cy", "--company", "Acme")
    cli(data, "company", "add", "Acme", "--target")
    cli(data, "opportunity", "add", "acme", "Staff engineer", "--via", "cy", "--stage", "applied")
    cli(data, "opportunity", "move", "acme/staff-engineer", "interview")
    cli(data, "opportunity", "add", "acme", "Later", "--stage", "lead")
    cli(data, "opportunity", "move", "acme/later", "applied", "--on", "2026-11-27")  # set ahead: not today
    capsys.readouterr()
    assert cli(data, "journal") == 0
    lines = capsys.readouterr().out.splitlines()
    assert "- 2 opportunities moved: Acme Staff engineer → applied → interview · Acme Later → lead" in lines
    assert cli(data, "review", "--json") == 0
    days = {day["date"]: day for day in json.loads(capsys.readouterr().out)["days"]}
    assert days["2026-11-25"]["moves"] == [
        {"id": "acme/staff-engineer", "company": "Acme", "role": "Staff engineer", "stages": ["applied", "interview"]},
        {"id": "acme/later", "company": "Acme", "role": "Later", "stages": ["lead"]},
    ]
    assert days["2026-11-24"]["moves"] == []
