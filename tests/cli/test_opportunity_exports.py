"""`export csv --opportunities` and the opportunities' coming steps in `export ics`, read back by csv and icalendar."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import icalendar
import pytest

from networkday.cli import main
from tests.conftest import NOW


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    next_week = (NOW.date() + timedelta(days=7)).isoformat()
    yesterday = (NOW.date() - timedelta(days=1)).isoformat()
    for args in (
        ("add", "Maya", "--company", "Acme"),
        ("company", "add", "Acme", "--target"),
        ("opportunity", "add", "acme", '=HYPERLINK("x")', "--via", "maya", "--link", "https://acme.test/1"),
        ("opportunity", "add", "acme", "Engineer", "--stage", "applied"),
        ("opportunity", "move", "acme/engineer", "interview", "--on", next_week, "--note", "panel\x1b[31m"),
        ("opportunity", "add", "acme", "Old", "--stage", "applied"),
        ("opportunity", "move", "acme/old", "interview", "--on", yesterday),
        ("opportunity", "add", "acme", "Closed", "--stage", "applied"),
        ("opportunity", "move", "acme/closed", "offer", "--on", next_week),
        ("opportunity", "move", "acme/closed", "declined"),
    ):
        assert main([*args, "--data-dir", str(folder)]) == 0, args
    return folder


def test_the_opportunities_csv_has_one_row_each_and_no_formula(data: Path, capsysbinary) -> None:
    capsysbinary.readouterr()
    assert main(["export", "csv", "--opportunities", "--data-dir", str(data)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8"))))
    assert [row["id"] for row in rows] == ["acme/hyperlink-x", "acme/engineer", "acme/old", "acme/closed"]
    first = rows[0]
    assert first["role"] == '\'=HYPERLINK("x")'  # a spreadsheet shows it, never runs it
    assert (first["company"], first["target"], first["via"], first["stage"]) == ("Acme", "yes", "maya", "lead")
    assert first["opened"] == NOW.date().isoformat()
    assert first["link"] == "https://acme.test/1"
    assert rows[1]["last_move"].startswith((NOW.date() + timedelta(days=7)).isoformat())


def test_ics_holds_the_coming_steps_of_open_opportunities_only(data: Path, capsysbinary) -> None:
    capsysbinary.readouterr()
    assert main(["export", "ics", "--data-dir", str(data)]) == 0
    calendar = icalendar.Calendar.from_ical(capsysbinary.readouterr().out)
    events = [event for event in calendar.walk("VEVENT") if "opportunity" in str(event["UID"])]
    # next week's interview; not the steps made already, nor the offer of one declined since
    assert [str(event["SUMMARY"]) for event in events] == ["Interview: Engineer at Acme"]
    interview = next(event for event in events if str(event["SUMMARY"]).startswith("Interview"))
    assert interview.decoded("DTSTART") == NOW.date() + timedelta(days=7)
    assert "\x1b" not in str(interview["DESCRIPTION"])
    assert str(interview["DESCRIPTION"]).startswith("panel")


def test_opportunities_is_for_csv_alone(data: Path, capsys) -> None:
    assert main(["export", "ics", "--opportunities", "--data-dir", str(data)]) == 2
    assert "only `export csv`" in capsys.readouterr().err
