"""The clock's zone is the C library's: names, files and POSIX rules in ``TZ``, and a warning when unreadable.

The reference is the C library itself (``time.localtime`` and ``time.mktime`` after
``time.tzset()``, in a child process with the ``TZ`` under test) and ``date``, never the
class the clock returns.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from networkday.clock import FixedClock, ZoneClock, clock_from_environ

REPO = Path(__file__).resolve().parents[2]
RULES = ["EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30", "<-03>3", "Europe/Berlin"]

#: In a child with the TZ under test: every quarter hour of 2026 and every local midnight,
#: by the C library and by the clock; both DST transitions of a rule fall in that year.
_COMPARE = """
import json, time
from datetime import date, datetime, time as clock_time, timedelta
from networkday.clock import clock_from_environ
time.tzset()
tz = clock_from_environ().tz
start = int(datetime(2026, 1, 1, tzinfo=tz).timestamp()) - 86400
wrong = []
for ts in range(start, start + 367 * 86400, 900):
    c = time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(ts))
    ours = datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%d %H:%M:%S %z")
    if c != ours:
        wrong.append([ts, c, ours])
day = date(2026, 1, 1)
while day.year == 2026:
    c = time.mktime((day.year, day.month, day.day, 0, 0, 0, 0, 0, -1))
    ours = datetime.combine(day, clock_time(0), tzinfo=tz).timestamp()
    if c != ours:
        wrong.append([str(day), c, ours])
    day += timedelta(days=1)
days = range(start, start + 367 * 86400, 86400)
offsets = sorted({datetime.fromtimestamp(ts, tz).utcoffset().total_seconds() for ts in days})
print(json.dumps({"wrong": wrong[:5], "offsets": offsets}))
"""


def _child_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("NETWORKDAY_") and key != "TZ"}
    env["PYTHONPATH"] = str(REPO)
    env.update(extra)
    return env


@pytest.mark.parametrize("rule", RULES)
def test_every_quarter_hour_and_midnight_of_a_year_match_the_c_library(rule: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COMPARE], env=_child_env(TZ=rule), capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout)
    assert found["wrong"] == []
    assert done.stderr == ""
    expected = {"EST5EDT,M3.2.0,M11.1.0": [-18000, -14400], "CET-1CEST,M3.5.0,M10.5.0/3": [3600, 7200]}
    expected |= {"<+0530>-5:30": [19800], "<-03>3": [-10800], "Europe/Berlin": [3600, 7200]}
    assert found["offsets"] == expected[rule]


def test_summer_time_named_without_rules_takes_the_default_rules_as_the_c_library_does() -> None:
    """``AAA3BBB``: glibc borrows the transitions of its ``posixrules`` zone, whose hours on
    the two change nights differ by library; every other day of the year matches."""
    code = (
        "import time\nfrom datetime import datetime\nfrom networkday.clock import clock_from_environ\n"
        "time.tzset()\ntz = clock_from_environ().tz\n"
        "for ts in (1768478400, 1784116800, 1798761600):\n"  # mid-January, mid-July, end of December
        "    c, ours = time.localtime(ts), datetime.fromtimestamp(ts, tz)\n"
        "    print(time.strftime('%H:%M %z', c), ours.strftime('%H:%M %z'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=_child_env(TZ="AAA3BBB"), capture_output=True, text=True, check=True
    )
    pairs = [line.split(" ", 2) for line in done.stdout.splitlines()]
    assert [line[:2] for line in pairs] == [line[2].split(" ") for line in pairs]
    assert [line[1] for line in pairs] == ["-0300", "-0200", "-0300"]


@pytest.mark.parametrize("rule", ["CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30", "Invalid/Zone"])
def test_a_command_prints_the_time_date_prints(rule: str, tmp_path: Path) -> None:
    """The installed command, started between two runs of ``date``: its time is one of theirs."""
    env = _child_env(TZ=rule)
    before = subprocess.run(["date", "+%H:%M"], env=env, capture_output=True, text=True, check=True).stdout.strip()
    done = subprocess.run(
        [sys.executable, "-m", "networkday", "timer", "start", "networking", "--data-dir", str(tmp_path / "d")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    after = subprocess.run(["date", "+%H:%M"], env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().removeprefix("networking started at ") in {before, after}


def test_an_unreadable_tz_is_utc_as_for_date_with_one_warning_naming_it(tmp_path: Path) -> None:
    env = _child_env(TZ="Invalid/Zone")
    (tmp_path / "d").mkdir(mode=0o700)
    done = subprocess.run(
        [sys.executable, "-m", "networkday", "timer", "status", "--data-dir", str(tmp_path / "d")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("networkday: warning: TZ='Invalid/Zone' is not a time zone")
    assert "UTC" in lines[0]


def test_an_unreadable_networkday_tz_is_passed_over_for_tz_with_a_warning() -> None:
    clock = clock_from_environ({"NETWORKDAY_TZ": "Nowhere/At_All", "TZ": "Asia/Tokyo"})
    assert isinstance(clock, ZoneClock)
    assert str(clock.tz) == "Asia/Tokyo"
    assert clock.warning is not None
    assert clock.warning.startswith("NETWORKDAY_TZ='Nowhere/At_All'")
    both = clock_from_environ({"NETWORKDAY_TZ": "Nowhere/At_All", "TZ": "Nor/Here"})
    assert both.warning is not None
    assert "NETWORKDAY_TZ=" in both.warning
    assert "TZ='Nor/Here'" in both.warning
    assert both.now().utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    beyond = clock_from_environ({"NETWORKDAY_TZ": "AAA-24", "TZ": "Asia/Tokyo"})
    assert str(beyond.tz) == "Asia/Tokyo"  # type: ignore[attr-defined]
    assert beyond.warning == (
        "NETWORKDAY_TZ='AAA-24' sets an offset of +24:00 (as the C library and `date` take it), "
        "which Python cannot hold; it is passed over"
    )


def test_a_readable_zone_gives_no_warning_and_an_empty_tz_is_utc() -> None:
    for env in ({"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"}, {"TZ": ":Europe/Berlin"}, {"NETWORKDAY_TZ": "Europe/Berlin"}):
        clock = clock_from_environ(env)
        assert isinstance(clock, ZoneClock)
        assert clock.warning is None
    assert clock_from_environ({"TZ": ""}).now().utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert isinstance(clock_from_environ({"NETWORKDAY_NOW": "2026-11-25T09:30:00+01:00"}), FixedClock)


def test_a_control_character_in_tz_is_shown_escaped() -> None:
    clock = clock_from_environ({"TZ": "Bad\x1b[31m/Zone"})
    assert clock.warning is not None
    assert "\x1b" not in clock.warning
    assert "\\x1b" in clock.warning  # type: ignore[union-attr,operator]


def test_opening_a_store_for_a_command_leaves_pendulum_unimported(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir(mode=0o700)
    for zone in ("Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"):
        code = (
            "import sys, argparse\n"
            "from networkday.commands.common import open_store\n"
            f"open_store(argparse.Namespace(data_dir={str(tmp_path / 'data')!r}))\n"
            "print('pendulum' in sys.modules)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], env=_child_env(TZ=zone), capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("rule", "by_date", "warned"),
    [
        ("AAA-24", "+2400", "sets an offset of +24:00"),
        ("AAA+25", "-2400", "sets an offset of -24:00"),
        ("AAA-1BBB-25", "+2400", "sets an offset of +24:00"),  # summer time by the default rules
        ("<+1>-1<+2>,J60/-167,J300/167", "+0000", "is not a time zone name"),  # names under 3 characters
    ],
)
def test_a_rule_python_cannot_hold_or_the_c_library_refuses_is_utc_with_one_warning(
    rule: str, by_date: str, warned: str, tmp_path: Path
) -> None:
    """``date`` is the reference for what the C library makes of the rule; networkday, which
    cannot hold an offset of a whole day, says so in one line and uses UTC, never a traceback."""
    env = _child_env(TZ=rule)
    offset = subprocess.run(["date", "-d", "2026-07-01", "+%z"], env=env, capture_output=True, text=True, check=True)
    assert offset.stdout.strip() == by_date
    (tmp_path / "d").mkdir(mode=0o700)
    for command in (["timer", "status"], ["log", "nobody-here", "talked"]):
        done = subprocess.run(
            [sys.executable, "-m", "networkday", *command, "--data-dir", str(tmp_path / "d")],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert "Traceback" not in done.stderr
        warnings = [line for line in done.stderr.splitlines() if line.startswith("networkday: warning: TZ=")]
        assert len(warnings) == 1
        assert warned in warnings[0]
        assert "times are in UTC" in warnings[0]
