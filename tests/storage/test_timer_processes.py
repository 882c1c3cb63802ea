"""Real processes: a session survives SIGKILL, and racing instances never leave two running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pendulum

from networkday.clock import FixedClock
from networkday.domain.timer import NETWORKING, overlaps
from networkday.services import timer
from networkday.storage.store import Store

REPO = Path(__file__).resolve().parents[2]
BERLIN = pendulum.timezone("Europe/Berlin")

STARTS_THEN_HANGS = """
import sys, time
from networkday.cli import main
code = main(["timer", "start", "networking", "--data-dir", sys.argv[1]])
print("started", code, flush=True)
time.sleep(120)
"""

RACES = """
import sys, time
from pathlib import Path
from networkday.clock import SystemClock
from networkday.services import timer
from networkday.storage.store import Store
root, go, rounds, me = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
store = Store.open(root, SystemClock("Europe/Berlin"))  # opened once: its index goes stale as the others write
while not go.exists():
    time.sleep(0.001)
for n in range(rounds):
    timer.start(store, ("networking", "other")[(n + me) % 2])
    if n % 5 == 4:
        timer.stop(store)
        time.sleep(0.01)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "NETWORKDAY_NOW": "2026-11-25T09:30:00+01:00"}


def test_a_session_written_at_start_survives_a_killed_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    child = subprocess.Popen(
        [sys.executable, "-c", STARTS_THEN_HANGS, str(data)], stdout=subprocess.PIPE, env=_env(), cwd=tmp_path
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"networking started at 09:30\n"
        assert child.stdout.readline() == b"started 0\n"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    later = FixedClock(datetime(2026, 11, 25, 11, 0, tzinfo=BERLIN))
    store = Store.open(data, later)
    found = timer.running(store)
    assert found is not None
    assert (found.session.kind, found.session.start) == (NETWORKING, datetime(2026, 11, 25, 9, 30, tzinfo=BERLIN))
    state = timer.snapshot(store)
    assert (state.kind, state.elapsed) == (NETWORKING, 5400)


def test_racing_instances_never_leave_two_sessions_running(tmp_path: Path) -> None:
    data, go = tmp_path / "data", tmp_path / "go"
    Store.open(data, FixedClock(datetime(2026, 11, 25, 9, 30, tzinfo=BERLIN)))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    children = [
        subprocess.Popen([sys.executable, "-c", RACES, str(data), str(go), "21", str(me)], env=env, cwd=tmp_path)
        for me in range(3)
    ]
    go.touch()
    assert [child.wait(timeout=120) for child in children] == [0, 0, 0]

    store = Store.open(data, FixedClock(pendulum.now(BERLIN)))
    assert not store.problems
    rows = sorted((row for summary in store.days.values() for row in summary.sessions), key=lambda row: row[1])
    # Each child's last step is a start, so exactly one session is left running.
    assert len([row for row in rows if row[2] is None]) == 1
    now = pendulum.now(BERLIN).timestamp()
    for index, row in enumerate(rows):
        assert overlaps(rows[index + 1 :], row[1], row[2], now) is None, row
    assert timer.running(store) is not None
