"""Wall time of the template commands beside the fastest plain commands, in turns, at any network size.

    python bench/template_fill.py --data-dir /tmp/big [--runs 15]

``template list`` and ``template fill`` read the templates folder and, for ``fill``, the
person's file and their introducer's: no index, no scan. They should cost what
``timer status`` costs (the command a tmux status bar runs every few seconds), whatever
the number of contacts. Each round runs every command once, in turns, so the machine's
load falls on all alike; the figures are medians and ratios to ``timer status``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def wall_ms(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONPATH": str(REPO)}
    env.setdefault("NETWORKDAY_TZ", "Europe/Berlin")
    env.pop("NETWORKDAY_NOW", None)
    first = min(entry.name for entry in os.scandir(args.data_dir / "contacts") if entry.name.endswith(".toml"))
    base = [sys.executable, "-m", "networkday", "--data-dir", str(args.data_dir)]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "timer status": [*base, "timer", "status"],
        "template list": [*base, "template", "list"],
        "template fill": [*base, "template", "fill", "thank-you", first.removesuffix(".toml")],
    }
    times: dict[str, list[float]] = {label: [] for label in commands}
    for round_number in range(args.runs + 1):  # the first round warms the caches and is not counted
        for label, command in commands.items():
            spent = wall_ms(command, env)
            if round_number:
                times[label].append(spent)
    contacts = sum(1 for name in os.listdir(args.data_dir / "contacts") if name.endswith(".toml"))
    reference = statistics.median(times["timer status"])
    print(f"{contacts} contacts, {args.runs} rounds in turns")
    for label, series in times.items():
        median = statistics.median(series)
        spread = f"{min(series):.0f}-{max(series):.0f}"
        print(f"{label:<15} median {median:6.1f} ms ({spread})  {median / reference:4.2f}x timer status")


if __name__ == "__main__":
    main()
