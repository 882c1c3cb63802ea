"""``networkday log``: the outcome rules from the shell, and ``--when`` for a scheduled call."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock, clock_from_environ
from networkday.storage.store import Store

PINNED = "2026-12-04T09:00:00+01:00"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETWORKDAY_NOW", PINNED)
    folder = tmp_path / "data"
    assert main(["add", "Ana Lima", "--follow-up", "2026-11-30", "--data-dir", str(folder)]) == 0
    return folder


def store(data: Path) -> Store:
    return Store.open(data, FixedClock(clock_from_environ().now()))


def test_no_answer_sets_the_retry_as_the_app_does(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "ana-lima", "no-answer", "--data-dir", str(data)]) == 0
    assert store(data).contact("ana-lima").follow_up == date(2026, 12, 6)
    assert "follow up 2026-12-06" in capsys.readouterr().out


def test_scheduled_when_plans_the_call_on_that_day_and_time(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "ana-lima", "scheduled", "--when", "2026-12-09 10:00", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "ana-lima: scheduled by phone logged, call planned Wed 9 Dec at 10:00, follow up 2026-12-09" in out
    [call] = store(data).day(date(2026, 12, 9)).calls
    assert (call.contact, call.time, call.made) == ("ana-lima", "10:00", False)


def test_scheduled_when_takes_a_date_alone(data: Path) -> None:
    assert main(["log", "ana-lima", "scheduled", "--when", "+3", "--data-dir", str(data)]) == 0
    [call] = store(data).day(date(2026, 12, 7)).calls
    assert call.time == ""
    assert store(data).contact("ana-lima").follow_up == date(2026, 12, 7)


@pytest.mark.parametrize("when", ["2026-12-09 25:00", "someday", "2026-02-30"])
def test_a_bad_when_is_one_line_exit_1_and_nothing_written(
    when: str, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (data / "contacts" / "ana-lima.toml").read_bytes()
    assert main(["log", "ana-lima", "scheduled", "--when", when, "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("networkday: --when: ")
    assert err.count("\n") == 1
    assert (data / "contacts" / "ana-lima.toml").read_bytes() == before
    assert not (data / "days").exists() or not list((data / "days").rglob("*.toml"))


def test_when_is_only_for_a_scheduled_call(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "ana-lima", "talked", "--when", "tomorrow", "--data-dir", str(data)]) == 2
    assert "--when is for a scheduled call" in capsys.readouterr().err


def test_a_scheduled_time_shows_in_today_and_in_the_calendar(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The agreed 10:00 reaches `today` (text and JSON) and a timed half-hour event in `export ics`."""
    import icalendar

    assert main(["log", "ana-lima", "scheduled", "--when", "2026-12-09 10:00", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert main(["today", "--date", "2026-12-09", "--json", "--data-dir", str(data)]) == 0
    [row] = json.loads(capsys.readouterr().out)["queue"]
    assert (row["contact"], row["time"]) == ("ana-lima", "10:00")
    assert main(["today", "--date", "2026-12-09", "--data-dir", str(data)]) == 0
    assert "10:00 phone" in capsys.readouterr().out
    assert main(["export", "ics", "--data-dir", str(data)]) == 0
    calendar = icalendar.Calendar.from_ical(capsys.readouterr().out)
    [call] = [event for event in calendar.walk("VEVENT") if str(event["UID"]).startswith("call-")]
    # 10:00 in the pinned +01:00 zone, half an hour long
    assert call.decoded("DTSTART") == datetime(2026, 12, 9, 9, 0, tzinfo=UTC)
    assert call.decoded("DTEND") - call.decoded("DTSTART") == timedelta(minutes=30)
