"""The opportunities moved on a day, as `journal` prints them and as each day of `review --json` lists them."""

from __future__ import annotations

import io
import json
import sys
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


def test_journal_warns_of_a_company_file_it_could_not_read_as_review_does(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    data = tmp_path / "data"
    cli(data, "company", "add", "Acme")
    (data / "companies" / "b.toml").write_text('format = 1\nname = "B"\n[[opportunity]]\nid = 1\n', "utf-8")
    capsys.readouterr()
    assert cli(data, "review") == 0
    warning = capsys.readouterr().err
    assert warning.startswith("networkday: warning: 1 file(s) could not be read")
    assert "b.toml" in warning
    assert cli(data, "journal") == 0
    assert capsys.readouterr().err == warning
    assert cli(data, "today") == 0  # which reads no company file but for the warning
    assert capsys.readouterr().err == warning


def test_journal_writes_the_arrow_as_ascii_where_the_output_cannot_carry_it(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    cli(data, "company", "add", "Acme")
    cli(data, "opportunity", "add", "acme", "Staff engineer", "--stage", "applied")
    cli(data, "opportunity", "move", "acme/staff-engineer", "interview")
    cli(data, "opportunity", "add", "acme", "Later", "--stage", "lead")
    capsys.readouterr()
    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="backslashreplace")
    monkeypatch.setattr(sys, "stdout", out)
    assert cli(data, "journal") == 0
    out.flush()
    text = out.buffer.getvalue().decode("ascii")
    moved = "- 2 opportunities moved: Acme Staff engineer -> applied -> interview; Acme Later -> lead"
    assert moved in text.splitlines()
    assert "\\u" not in text  # nothing of the app's own words escaped: "·" is "; " too
    assert "\\x" not in text
