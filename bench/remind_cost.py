"""What `networkday remind` costs beside `networkday today` on one folder, in turns: wall and CPU time.

    python bench/remind_cost.py --data-dir /tmp/big [--runs 9]

A cron job or a systemd timer runs `remind` every few minutes, so it should cost what
`today` costs (both read today's queue from the preview when no file changed). Each round
runs `today`, then `remind` (with a fresh machine-local state folder, so it lists and
remembers what is due), then `remind` again (nothing new: the usual run). One warm-up round.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(data: Path, env: dict[str, str], *args: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "networkday", "--data-dir", str(data), *args]
    subprocess.run(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, check=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONPATH": str(REPO)}
    env.setdefault("NETWORKDAY_TZ", "Europe/Berlin")
    for name in ("NETWORKDAY_NOW", "NETWORKDAY_HOME", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    times: dict[str, list[tuple[float, float]]] = {}
    for round_number in range(args.runs + 1):
        with tempfile.TemporaryDirectory() as state:
            env["XDG_STATE_HOME"] = state
            for label, command in (("today", ["today"]), ("remind, first", ["remind"]), ("remind, again", ["remind"])):
                spent = run(args.data_dir, env, *command)
                if round_number:
                    times.setdefault(label, []).append(spent)
    for label, series in times.items():
        wall = statistics.median(entry[0] for entry in series)
        cpu = statistics.median(entry[1] for entry in series)
        print(f"{label:<14} median {wall:5.0f} ms wall, {cpu:5.0f} ms CPU ({len(series)} runs)")


if __name__ == "__main__":
    main()
