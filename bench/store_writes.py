"""What one safe save costs, and what its two safety steps add: the read-back check and the backup link.

Run from the repository root:  python bench/store_writes.py [--repeat 200] [--entries 0,20,100]

Prints the median and the 95th percentile in milliseconds, side by side in one run:
- ``update_contact`` on a contact with N history entries (lock, read, change, encode,
  read-back check, atomic write, index save);
- the read-back check alone (parse the new bytes, build the record);
- ``write_atomic`` of the same bytes, and the same write without the hard-link backup
  that lets a failed folder fsync put the old file back.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.storage import atomic
from networkday.storage.codec import dumps
from networkday.storage.store import Store

NOW = datetime.fromisoformat("2026-11-25T09:30:00+01:00")


def measure(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def contact_with(entries: int) -> Contact:
    log = [
        LogEntry(at=NOW - timedelta(days=n), channel="phone", outcome="talked", gave="an intro", note="Notes\n" * 3)
        for n in range(entries)
    ]
    return Contact(id="", name="Jane Doe", company="Initech", notes="Met at the meetup.\n" * 5, log=log)


def write_without_backup(target: Path, data: bytes) -> None:
    """The same write as ``atomic.write_atomic`` minus the hard link kept until the folder fsync."""
    temp = atomic.temp_name(target)
    atomic._write_new(temp, data)
    os.replace(temp, target)
    atomic.fsync_dir(target.parent)


def row(entries: int, repeat: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder), FixedClock(NOW))
        contact = store.add_contact(contact_with(entries))
        path = store.contact_path(contact.id)
        data = dumps(contact.to_dict())
        counter = iter(range(10**9))

        def retitle(record: Contact) -> None:
            record.title = str(next(counter))

        timings = [
            measure(lambda: store.update_contact(contact.id, retitle), repeat),
            measure(lambda: Contact.from_dict(contact.id, tomllib.loads(data.decode("utf-8"))), repeat),
            measure(lambda: atomic.write_atomic(path, data), repeat),
            measure(lambda: write_without_backup(path, data), repeat),
        ]
    cells = "  ".join(f"{median:7.3f} {p95:6.3f}" for median, p95 in timings)
    return f"{entries:>8} {len(data):>7}  {cells}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--entries", default="0,20,100")
    args = parser.parse_args()
    titles = ("update_contact", "read-back", "write_atomic", "no backup")
    print(f"{'history':>8} {'bytes':>7}  " + "  ".join(f"{title:>14}" for title in titles))
    for entries in args.entries.split(","):
        print(row(int(entries), args.repeat))
    print("(milliseconds: median, 95th percentile)")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
