"""Checking that a scheduled call can be planned, in a folder with years of day files.

Run from the repository root:  python bench/schedule_check.py [--days 1100] [--ahead 30]

Before a scheduled touch is saved, ``scheduling.plannable`` stats every day file (a file
another process added) and reads those from today on, to find the call a new schedule
moves. Printed side by side, in one run: that check, and reading the call's day alone
(all the check did before), as medians of the runs taking turns.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pendulum

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.domain.outcome_rules import Schedule
from networkday.services.scheduling import plannable
from networkday.storage.store import Store

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=pendulum.timezone("Europe/Berlin"))


def build(root: Path, days: int, ahead: int) -> Store:
    store = Store.open(root, FixedClock(NOW))
    ids = [person.id for person in store.add_contacts([Contact(id="", name=f"P {n}") for n in range(50)])]
    for offset in range(-days, ahead):
        calls = [Call(ids[(offset + n) % len(ids)], purpose="catch up") for n in range(5)]
        store.update_day(NOW.date() + timedelta(days=offset), lambda day, calls=calls: day.calls.extend(calls))
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=1100)
    parser.add_argument("--ahead", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = build(Path(folder) / "data", args.days, args.ahead)
        when = Schedule(NOW.date() + timedelta(days=7))
        check, alone = [], []
        for _ in range(15):
            started = time.perf_counter()
            plannable(store, "p-7", when)
            check.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            store.day(when.day)
            alone.append((time.perf_counter() - started) * 1000)
        print(f"{args.days} past day files, {args.ahead} from today on")
        print(f"plannable (stat all, read those ahead): median {statistics.median(check):.1f} ms")
        print(f"the call's day alone:                   median {statistics.median(alone):.1f} ms")


if __name__ == "__main__":
    main()
