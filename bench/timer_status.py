"""Start-up of `networkday timer status`, the line a tmux status bar runs every few seconds.

Builds a data folder at scale (30,000 contacts by default, three years of day files, a
session running), indexes it once, then runs the real command many times in fresh
processes, side by side with `python -c pass` and `networkday --version`, and prints
medians. It also times `timer start` and `timer stop`, which stat every day file under
the lock.

    python bench/timer_status.py [--contacts 30000] [--days 1100] [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from networkday.clock import FixedClock  # noqa: E402
from networkday.domain.contact import Contact, LogEntry  # noqa: E402
from networkday.domain.day import Call, Day, TimeSession  # noqa: E402
from networkday.storage.codec import dumps  # noqa: E402
from networkday.storage.store import Store  # noqa: E402


def build(root: Path, contacts: int, days: int, now: datetime) -> None:
    """Writes plain files (no fsync: this is benchmark data), then lets the store index them."""
    rng = random.Random(7)
    (root / "contacts").mkdir(mode=0o700, parents=True)
    root.chmod(0o700)
    for number in range(contacts):
        contact = Contact(id=f"c{number}", name=f"Person {number}", company=f"Company {number % 500}")
        contact.log = [
            LogEntry(at=now - timedelta(days=rng.randrange(1000)), channel="phone", outcome="talked", note="a chat")
            for _ in range(rng.randrange(4))
        ]
        (root / "contacts" / f"c{number}.toml").write_bytes(dumps(contact.to_dict()))
    for back in range(days, 0, -1):
        day = now.date() - timedelta(days=back)
        start = datetime.combine(day, datetime.min.time(), now.tzinfo) + timedelta(hours=9)
        record = Day(
            date=day,
            calls=[Call(contact=f"c{rng.randrange(contacts)}", outcome="talked", at=start) for _ in range(5)],
            time=[
                TimeSession("networking", start, start + timedelta(hours=5)),
                TimeSession("other", start + timedelta(hours=5), start + timedelta(hours=6)),
            ],
        )
        path = root / "days" / f"{day.year:04d}" / f"{day.isoformat()}.toml"
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.write_bytes(dumps(record.to_dict()))
    today = Day(date=now.date(), time=[TimeSession("networking", now - timedelta(minutes=42))])
    path = root / "days" / f"{now.year:04d}" / f"{now.date().isoformat()}.toml"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(dumps(today.to_dict()))


def interleaved(commands: list[list[str]], runs: int, env: dict[str, str]) -> list[list[tuple[float, float]]]:
    """(wall, CPU) ms per run; the commands take turns, so a busy machine slows them all alike.

    CPU time (user + system of the child) hardly moves with the load of other processes,
    so it is printed beside the wall time.
    """
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for round_number in range(runs + 3):
        for command, series in zip(commands, times, strict=True):
            began = time.perf_counter()
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            wall = (time.perf_counter() - began) * 1000
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode:
                raise subprocess.CalledProcessError(child.returncode, command)
            if round_number >= 3:  # the first rounds warm the page cache and bytecode
                series.append((wall, (usage.ru_utime + usage.ru_stime) * 1000))
    return times


def in_process(root: Path, clock: FixedClock, runs: int) -> None:
    """Where the time goes once the modules are imported."""
    from networkday.services import timer

    steps: dict[str, list[float]] = {"open, days only": [], "snapshot": [], "stat every day file": []}
    for _ in range(runs):
        began = time.perf_counter()
        store = Store.open(root, clock, scan=False, contacts=False)
        opened = time.perf_counter()
        timer.snapshot(store)
        shown = time.perf_counter()
        store.scan_days()
        scanned = time.perf_counter()
        for label, seconds in zip(steps, (opened - began, shown - opened, scanned - shown), strict=True):
            steps[label].append(seconds * 1000)
    print("in process: " + ", ".join(f"{label} {statistics.median(ms):.1f} ms" for label, ms in steps.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--days", type=int, default=1100)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8"}
    env.pop("NETWORKDAY_NOW", None)
    networkday = [sys.executable, "-m", "networkday"]
    with tempfile.TemporaryDirectory() as folder:
        big, empty = Path(folder) / "big", Path(folder) / "empty"
        clock = FixedClock(datetime.now().astimezone())
        began = time.perf_counter()
        build(big, args.contacts, args.days, clock.now())
        built = time.perf_counter() - began
        began = time.perf_counter()
        store = Store.open(big, clock)
        indexed = time.perf_counter() - began
        print(f"data: {len(store.contacts)} contacts, {len(store.days)} day files, a session running")
        print(f"built in {built:.1f} s, first scan and index in {indexed:.1f} s")
        status = [*networkday, "timer", "status", "--data-dir"]
        line = subprocess.run([*status, str(big)], env=env, capture_output=True, text=True, check=True).stdout
        print(f"status line: {line.strip()}")
        in_process(big, clock, args.runs)
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("networkday --version", [*networkday, "--version"]),
            ("timer status, empty folder", [*status, str(empty)]),
            (f"timer status, {len(store.contacts)} contacts", [*status, str(big)]),
            ("timer switch (stats every day file)", [*networkday, "timer", "switch", "--data-dir", str(big)]),
        ]
        times = interleaved([command for _, command in rows], args.runs, env)
        print(f"load average: {os.getloadavg()[0]:.2f}")
        print(
            f"\n{'command':<42} {'wall median':>11} {'min':>7} {'CPU median':>11}   (ms, {args.runs} runs, interleaved)"
        )
        for (label, _), series in zip(rows, times, strict=True):
            wall = [w for w, _ in series]
            cpu = statistics.median(c for _, c in series)
            print(f"{label:<42} {statistics.median(wall):11.1f} {min(wall):7.1f} {cpu:11.1f}")


if __name__ == "__main__":
    main()
