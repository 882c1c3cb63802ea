"""Typed times on the nights the clocks skip or repeat an hour: refused, or taken with a note."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from networkday.domain.timer import TimerError, parse_at
from networkday.zone import read_zone

REPO = Path(__file__).resolve().parents[2]
ZONES = ["America/New_York", "EST5EDT,M3.2.0,M11.1.0"]


@pytest.mark.parametrize("zone", ZONES)
def test_a_time_the_clocks_skipped_is_refused_naming_the_gap(zone: str) -> None:
    now = datetime(2026, 3, 8, 12, 0, tzinfo=read_zone(zone))
    with pytest.raises(
        TimerError, match="02:30 does not exist on 2026-03-08: the clocks went forward from 02:00 to 03:00"
    ):
        parse_at("02:30", now)
    with pytest.raises(TimerError, match="does not exist"):
        parse_at("2026-03-08T02:00", now)
    assert parse_at("03:00", now).at.timestamp() == datetime(2026, 3, 8, 7, 0, tzinfo=UTC).timestamp()


def test_a_half_hour_gap_is_named_as_it_is() -> None:
    now = datetime(2026, 10, 4, 12, 0, tzinfo=read_zone("Australia/Lord_Howe"))
    with pytest.raises(TimerError, match="from 02:00 to 02:30"):
        parse_at("02:10", now)


@pytest.mark.parametrize("zone", ZONES)
def test_a_repeated_time_is_the_latest_that_has_happened_with_a_note(zone: str) -> None:
    tz = read_zone(zone)
    first_pass = datetime(2026, 11, 1, 5, 40, tzinfo=UTC).astimezone(tz)  # 01:40 EDT
    second_pass = datetime(2026, 11, 1, 6, 40, tzinfo=UTC).astimezone(tz)  # 01:40 EST
    early = parse_at("01:30", first_pass)
    assert early.at.timestamp() == datetime(2026, 11, 1, 5, 30, tzinfo=UTC).timestamp()
    assert early.note is not None
    assert "took the first (EDT, UTC-04:00)" in early.note
    assert "2026-11-01T01:30-05:00" in early.note
    late = parse_at("01:30", second_pass)
    assert late.at.timestamp() == datetime(2026, 11, 1, 6, 30, tzinfo=UTC).timestamp()
    assert late.note is not None
    assert "took the second (EST, UTC-05:00)" in late.note
    assert parse_at("2026-11-01T01:30-04:00", second_pass).note is None  # an offset says which


def test_the_second_pass_is_in_the_future_during_the_first() -> None:
    tz = read_zone("America/New_York")
    first_pass = datetime(2026, 11, 1, 5, 40, tzinfo=UTC).astimezone(tz)  # 01:40 EDT
    with pytest.raises(TimerError, match="is in the future"):
        parse_at("2026-11-01T01:30-05:00", first_pass)


def test_an_ordinary_time_has_no_note() -> None:
    now = datetime(2026, 11, 1, 12, 0, tzinfo=read_zone("America/New_York"))
    assert parse_at("09:00", now).note is None


def _command(tmp_path: Path, now: str, at: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NETWORKDAY_")}
    env.update(PYTHONPATH=str(REPO), TZ="America/New_York", NETWORKDAY_NOW=now)
    argv = [sys.executable, "-m", "networkday", "timer", "start", "networking", "--at", at]
    return subprocess.run([*argv, "--data-dir", str(tmp_path)], env=env, capture_output=True, text=True, check=False)


def test_timer_start_at_in_the_gap_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    done = _command(tmp_path, "2026-03-08T12:00:00-04:00", "02:30")
    assert done.returncode == 2
    assert "02:30 does not exist on 2026-03-08: the clocks went forward from 02:00 to 03:00" in done.stderr
    assert not list(tmp_path.rglob("2026-03-08*"))


def test_timer_start_at_in_the_repeated_hour_says_which_it_took(tmp_path: Path) -> None:
    done = _command(tmp_path, "2026-11-01T01:40:00-05:00", "01:30")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "networking started at 01:30\n"
    assert "took the second (EST, UTC-05:00)" in done.stderr
    [day] = tmp_path.rglob("2026-11-01*")
    start = tomllib.loads(day.read_text("utf-8"))["time"][0]["start"]
    assert start.timestamp() == datetime(2026, 11, 1, 6, 30, tzinfo=UTC).timestamp()
