"""`networkday timer ...` through the command line's entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import ZoneClock, zone_clock

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-25T15:00:00+01:00"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_CTYPE", raising=False)
    (tmp_path / "data").mkdir(mode=0o700)  # `timer status` and `report` read a folder; they never make one
    return tmp_path / "data"


def run(data: Path, *args: str) -> int:
    return main(["timer", *args, "--data-dir", str(data)])


def test_status_exits_0_when_nothing_runs(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data, "status") == 0
    assert capsys.readouterr().out == "STOPPED · --% of 85%\n"


def test_start_switch_stop_and_status(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data, "start", "networking", "--at", "13:00") == 0
    assert run(data, "start", "other", "--at", "14:00") == 0
    assert run(data, "start", "other") == 0
    assert run(data, "status") == 0
    assert run(data, "switch", "--at", "14:30") == 0
    assert run(data, "status") == 0
    assert run(data, "stop") == 0
    assert run(data, "stop") == 0
    assert capsys.readouterr().out.splitlines() == [
        "networking started at 13:00",
        "other started at 14:00; networking stopped",
        "other is already running, since 14:00",
        "OTHER 1:00 · 50% of 85% · below goal",
        "networking started at 14:30; other stopped",
        "NET 0:30 · 75% of 85% · below goal",
        "networking stopped at 15:00 after 0:30",
        "no session was running",
    ]


def test_status_falls_back_to_ascii_outside_utf8(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(data, "start", "networking", "--at", "14:18")
    monkeypatch.setenv("LC_ALL", "C")
    run(data, "status")
    assert capsys.readouterr().out.splitlines()[-1] == "NET 0:42 - 100% of 85%"


def test_the_goal_comes_from_config(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "config.toml").write_text("[goals]\nnetworking_share = 0.5\n", "utf-8")
    run(data, "start", "other", "--at", "14:00")
    run(data, "status")
    assert capsys.readouterr().out.splitlines()[-1] == "OTHER 1:00 · 0% of 50% · below goal"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("stop", "--at", "2026-11-26T08:00"), "networkday: --at: 2026-11-26T08:00 is in the future"),
        (("start", "other", "--at", "half past"), "networkday: --at: 'half past' is not a time"),
    ],
)
def test_a_bad_at_is_a_usage_error(
    data: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert run(data, *args) == 2
    assert capsys.readouterr().err.startswith(message)


def test_a_clock_time_still_ahead_today_starts_yesterday_and_says_so(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data, "start", "networking", "--at", "15:01") == 0
    out, err = capsys.readouterr()
    assert out == "networking started at 2026-11-24 15:01\n"
    assert err == "networkday: note: --at: 15:01 has not come yet today: took yesterday's, Tue 24 Nov\n"


def test_a_refused_change_is_a_usage_error_with_the_reason(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(data, "start", "networking", "--at", "13:00")
    assert run(data, "stop", "--at", "12:00") == 2
    assert "networkday: the networking session running since 2026-11-25 13:00 started after" in capsys.readouterr().err


def test_an_action_is_required(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["timer"])
    assert exit_info.value.code == 2
    assert "ACTION" in capsys.readouterr().err


def test_report_week_as_a_table(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(data, "start", "networking", "--at", "2026-11-24T09:00")
    run(data, "start", "other", "--at", "2026-11-24T15:00")
    run(data, "start", "networking", "--at", "2026-11-25T09:00")
    capsys.readouterr()
    assert run(data, "report", "--week") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Week 2026-11-23 to 2026-11-25, goal 85% networking",
        "day            networking  other  share  goal",
        "Mon 2026-11-23       0:00   0:00    --%  -",
        "Tue 2026-11-24       6:00   9:00    40%  below",
        "Wed 2026-11-25       6:00   9:00    40%  below",
        "total               12:00  18:00    40%  below",
    ]


def test_report_month_as_json(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(data, "start", "networking", "--at", "2026-11-25T09:00")
    run(data, "stop", "--at", "2026-11-25T10:00")
    capsys.readouterr()
    assert run(data, "report", "--month", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["period"]["kind"], report["share_goal"], len(report["days"])) == ("month", 0.85, 25)
    assert (report["period"]["first"], report["period"]["last"]) == ("2026-11-01", "2026-11-30")
    assert report["days"][-1] == {
        "date": "2026-11-25",
        "networking_seconds": 3600,
        "other_seconds": 0,
        "share": 1.0,
        "share_met": True,
    }
    assert report["totals"]["share_met"] is True


def test_report_of_an_earlier_week(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data, "report", "--date", "2026-11-10") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Week 2026-11-09 to 2026-11-15, goal 85% networking"
    assert len(out) == 2 + 7 + 1


class TestZoneClock:
    def test_a_pinned_now_leaves_the_clock_to_open_store(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("NETWORKDAY_NOW", NOW)
        assert zone_clock() is None

    def test_the_zone_comes_from_networkday_tz_then_tz(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("NETWORKDAY_NOW", raising=False)
        monkeypatch.setenv("TZ", "America/New_York")
        monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
        clock = zone_clock()
        assert isinstance(clock, ZoneClock)
        assert str(clock.tz) == "Europe/Berlin"
        monkeypatch.delenv("NETWORKDAY_TZ")
        assert str(zone_clock().tz) == "America/New_York"  # type: ignore[union-attr]

    def test_a_posix_rule_is_read_by_the_zone_clock_too(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("NETWORKDAY_NOW", raising=False)
        monkeypatch.delenv("NETWORKDAY_TZ", raising=False)
        monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
        assert isinstance(zone_clock(), ZoneClock)


def test_status_as_tmux_runs_it_imports_neither_pendulum_nor_textual(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "NETWORKDAY_NOW"}
    env.update(PYTHONPATH=str(REPO), LANG="C.UTF-8", TZ="Europe/Berlin")
    (tmp_path / "d").mkdir(mode=0o700)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "networkday", "timer", "status", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert done.stdout == "STOPPED · --% of 85%\n"
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time")}
    assert "networkday.services.timer" in imported
    assert not {name for name in imported if name.split(".")[0] in ("pendulum", "textual")}
