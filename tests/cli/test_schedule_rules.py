"""``networkday log … scheduled --when`` and the day's score, from the shell, as a reviewer reproduced them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from networkday.cli import main

PINNED = "2026-12-05T09:30:00+01:00"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("NETWORKDAY_NOW", PINNED)
    folder = tmp_path / "data"
    assert main(["add", "Ann", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    return folder


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> str:
    assert main([*args, "--data-dir", str(data)]) == code
    captured = capsys.readouterr()
    return captured.out if code == 0 else captured.err


def files(data: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(data.rglob("*.toml"))}


def call_events(data: Path, capsys: pytest.CaptureFixture[str]) -> list[datetime]:
    import icalendar

    calendar = icalendar.Calendar.from_ical(run(data, capsys, "export", "ics"))
    return sorted(e.decoded("DTSTART") for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("call-"))


def test_a_broken_day_for_the_call_stops_the_log_before_any_write_and_again(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = data / "days" / "2026" / "2026-12-09.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text("[[call]]\ncontact = 5\n")
    before = files(data)
    for _ in range(2):
        err = run(data, capsys, "log", "ann", "scheduled", "--when", "2026-12-09 10:00", code=1)
        assert err.startswith(f"networkday: {broken}:1:1: ")
        assert err.endswith("; the touch is not saved anywhere\n")
        assert err.count("\n") == 1
        assert files(data) == before


def test_a_call_later_today_is_still_to_do_in_today_its_json_and_the_calendar(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(data, capsys, "log", "ann", "scheduled", "--when", "15:00")
    text = run(data, capsys, "today")
    assert "[ ]  1. Ann" in text
    assert "15:00 phone" in text
    out = json.loads(run(data, capsys, "today", "--json"))
    [row] = out["queue"]
    assert (row["time"], row["outcome"], out["made"], out["planned"]) == ("15:00", None, 1, 1)
    assert call_events(data, capsys) == [datetime(2026, 12, 5, 14, 0, tzinfo=UTC)]


def test_a_new_schedule_moves_the_call_never_double_books(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(data, capsys, "log", "ann", "scheduled", "--when", "2026-12-09 10:00")
    run(data, capsys, "log", "ann", "scheduled", "--when", "2026-12-10 11:00", "--note", "moved")
    assert call_events(data, capsys) == [datetime(2026, 12, 10, 10, 0, tzinfo=UTC)]
    assert json.loads(run(data, capsys, "today", "--date", "2026-12-09", "--json"))["queue"] == []
    [row] = json.loads(run(data, capsys, "today", "--date", "2026-12-10", "--json"))["queue"]
    assert (row["contact"], row["time"]) == ("ann", "11:00")


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2026-12-01 10:00", "--when: 2026-12-01 is past; a scheduled call is planned from now on"),
        ("08:00", "--when: 08:00 today is past; a scheduled call is planned from now on"),
    ],
)
def test_a_past_when_is_refused_with_nothing_written(
    when: str, message: str, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files(data)
    assert run(data, capsys, "log", "ann", "scheduled", "--when", when, code=1) == f"networkday: {message}\n"
    assert files(data) == before


def test_an_offset_is_taken_to_the_users_zone(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(data, capsys, "log", "ann", "scheduled", "--when", "2026-12-09T10:00:00+05:00")
    assert "call planned Wed 9 Dec at 06:00" in out
    assert call_events(data, capsys) == [datetime(2026, 12, 9, 5, 0, tzinfo=UTC)]


def test_a_yes_in_the_morning_stays_in_the_score_after_a_message_in_the_afternoon(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(data, capsys, "log", "ann", "will")
    monkeypatch.setenv("NETWORKDAY_NOW", "2026-12-05T15:30:00+01:00")
    run(data, capsys, "log", "ann", "left-message", "--channel", "email")
    assert "Some will 1 · Some won't 0" in run(data, capsys, "today")
    out = json.loads(run(data, capsys, "today", "--json"))
    assert (out["will"], out["wont"], out["made"]) == (1, 0, 1)
    [day] = [d for d in json.loads(run(data, capsys, "review", "--json"))["days"] if d["date"] == "2026-12-05"]
    assert (day["will"], day["made"]) == (1, 1)
