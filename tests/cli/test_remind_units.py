"""The systemd units in examples/ run a `networkday remind` that networkday's own parser takes."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

from networkday.cli import build_parser

UNITS = Path(__file__).parents[2] / "examples" / "systemd"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string((UNITS / name).read_text())
    return parser


def test_the_service_runs_remind_with_options_that_parse() -> None:
    service = unit("networkday-remind.service")
    assert service["Service"]["Type"] == "oneshot"
    program, *argv = shlex.split(service["Service"]["ExecStart"])
    assert program == "%h/.local/bin/networkday"
    args = build_parser(argv).parse_args(argv)
    assert (args.command, args.within.total_seconds(), args.notify) == ("remind", 600, True)


def test_the_timer_starts_it_every_five_minutes_in_the_day_and_is_enabled_by_timers() -> None:
    timer = unit("networkday-remind.timer")
    assert timer["Timer"]["OnCalendar"] == "*-*-* 08..20:00/5"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert "networkday-remind.service" in {path.name for path in UNITS.iterdir()}
