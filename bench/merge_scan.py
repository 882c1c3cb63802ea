"""Merging two contacts in a data folder with years of day files: the cost of finding references.

Run from the repository root:  python bench/merge_scan.py [--days 1100] [--contacts 2000]

Day summaries hold no contact ids, so a merge reads every day file and parses only those
whose bytes hold the merged-away id. Printed: that scan (warm page cache, as right after
the app started), and a whole merge, which also rewrites the files that name the id.
"""

from __future__ import annotations

import argparse
import random
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
from networkday.services.actions import days_mentioning, merge_contacts
from networkday.storage.store import Store

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=pendulum.timezone("Europe/Berlin"))


def build(root: Path, days: int, contacts: int) -> Store:
    rng = random.Random(3)
    store = Store.open(root, FixedClock(NOW))
    people = store.add_contacts([Contact(id="", name=f"Person {number}") for number in range(contacts)])
    ids = [person.id for person in people]
    for offset in range(days):
        calls = [Call(rng.choice(ids), purpose="catch up") for _ in range(5)]
        store.update_day(NOW.date() - timedelta(days=offset), lambda day, calls=calls: day.calls.extend(calls))
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=1100)
    parser.add_argument("--contacts", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = build(Path(folder) / "data", args.days, args.contacts)
        gone = "person-7"
        scans = []
        for _ in range(5):
            started = time.perf_counter()
            found = days_mentioning(store, gone)
            scans.append((time.perf_counter() - started) * 1000)
        print(f"{args.days} day files, {args.contacts} contacts")
        print(f"find the days naming one id: median {statistics.median(scans):.1f} ms ({len(found)} days)")
        started = time.perf_counter()
        merge_contacts(store, "person-3", gone)
        print(
            f"whole merge (scan, {len(found)} day files and 2 contacts rewritten, delete): "
            f"{(time.perf_counter() - started) * 1000:.1f} ms"
        )
        assert not days_mentioning(store, gone)


if __name__ == "__main__":
    main()
