"""``networkday log``: the outcome rules from the shell, and ``--when`` for a scheduled call."""

from __future__ import annotations

from datetime import date
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
