"""The default clock reads the zone with the standard library; pendulum only when it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from networkday.clock import FixedClock, SystemClock, ZoneClock, clock_from_environ

REPO = Path(__file__).resolve().parents[2]


def test_the_default_clock_is_the_zone_clock_and_a_posix_rule_goes_to_pendulum() -> None:
    clock = clock_from_environ({"NETWORKDAY_TZ": "Europe/Berlin"})
    assert isinstance(clock, ZoneClock)
    assert str(clock.tz) == "Europe/Berlin"
    assert clock.now().utcoffset() is not None
    assert isinstance(clock_from_environ({"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"}), SystemClock)
    assert isinstance(clock_from_environ({"NETWORKDAY_NOW": "2026-11-25T09:30:00+01:00"}), FixedClock)


def test_opening_a_store_for_a_command_leaves_pendulum_unimported(tmp_path: Path) -> None:
    code = (
        "import sys, argparse\n"
        "from networkday.commands.common import open_store\n"
        f"open_store(argparse.Namespace(data_dir={str(tmp_path / 'data')!r}))\n"
        "print('pendulum' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "TZ": "Europe/Berlin"}
    env.pop("NETWORKDAY_NOW", None)
    env.pop("NETWORKDAY_TZ", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
