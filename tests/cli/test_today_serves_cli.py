"""`networkday today` names the open opportunity a call serves, as Today's rows do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from networkday.cli import main


@pytest.fixture
def data(tmp_path: Path, command_env: None) -> Path:
    return tmp_path / "data"


def cli(data: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(data)])


def test_json_and_text_name_the_opportunity_the_call_serves(data: Path, capsys) -> None:
    cli(data, "company", "add", "Acme", "--target")
    cli(data, "add", "Dana Lee", "--company", "ACME Inc.", "--hiring-manager")
    cli(data, "add", "Bob Stone", "--company", "Globex")
    cli(data, "opportunity", "add", "acme", "Staff engineer", "--stage", "interview")
    capsys.readouterr()
    assert cli(data, "today", "--json") == 0
    rows = {row["contact"]: row["serves"] for row in json.loads(capsys.readouterr().out)["queue"]}
    assert rows["dana-lee"] == {
        "id": "acme/staff-engineer",
        "company": "Acme",
        "role": "Staff engineer",
        "stage": "interview",
    }
    assert rows["bob-stone"] is None
    assert cli(data, "today") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [
        "[ ]  1. Dana Lee [hiring manager] — ACME Inc.",
        "        phone · hiring manager at ACME Inc. (target) · for Staff engineer, interview · last: never",
        "[ ]  2. Bob Stone — Globex",
        "        phone · never contacted · last: never",
    ]
