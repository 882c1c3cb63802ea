"""CPU time of the commands that save, at scale, optionally against another checkout in turns.

    python bench/command_cpu.py --data-dir /tmp/big [--runs 7] [--against /tmp/old-checkout]

Each measure runs `networkday today` first, with Today's preview deleted, so that every
command starts from a preview in step, as after an app exit; then the command alone is
timed as the CPU time (user and system) of its process, which the machine's load moves
far less than wall time. With ``--against``, that checkout (on its own ``PYTHONPATH``)
takes its turn after this one each round, on the same folder. One warm-up round first.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def cpu_ms(code: Path, data: Path, env: dict[str, str], *args: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "networkday", "--data-dir", str(data), *args]
    subprocess.run(command, env={**env, "PYTHONPATH": str(code)}, cwd=code, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", type=Path, help="another checkout, measured in turns with this one")
    args = parser.parse_args()
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.setdefault("NETWORKDAY_TZ", "Europe/Berlin")
    for name in ("NETWORKDAY_NOW", "NETWORKDAY_HOME", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    codes = {"this code": REPO, **({"against": args.against} if args.against else {})}
    first = min(entry.name for entry in os.scandir(args.data_dir / "contacts") if entry.name.endswith(".toml"))
    commands = {
        "timer start": ["timer", "start", "networking"],
        "timer stop": ["timer", "stop"],
        "log": ["log", first.removesuffix(".toml"), "will"],
    }
    times: dict[tuple[str, str], list[float]] = {}
    for round_number in range(args.runs + 1):
        for name, code in codes.items():
            for label, command in commands.items():
                (args.data_dir / ".networkday" / "today.marshal").unlink(missing_ok=True)
                cpu_ms(code, args.data_dir, env, "today")
                spent = cpu_ms(code, args.data_dir, env, *command)
                if round_number:
                    times.setdefault((label, name), []).append(spent)
    for (label, name), series in times.items():
        spread = f"{min(series):.0f}-{max(series):.0f}"
        print(f"{label:<12} {name:<10} median {statistics.median(series):5.0f} ms CPU ({spread})")


if __name__ == "__main__":
    main()
