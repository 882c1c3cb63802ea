"""The import rate at LinkedIn's cap of 30,000 connections: prints figures, asserts nothing.

Three runs on a generated Connections.csv (bench/make_linkedin.py):

1. into an empty data folder: every row a new contact, each file written safely
   (temp file, fsync, rename, folder fsync), in batches under one lock each;
2. the same file again: every row matched and unchanged, nothing written;
3. the same people with an email address each: every contact updated on disk.

Each run is split into reading the file, planning (matching and merging in memory) and
writing, and ends with the rate in rows per second.

    python bench/import_rate.py [--rows 30000] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.make_linkedin import write  # noqa: E402
from networkday.clock import FixedClock  # noqa: E402
from networkday.importers import parse_file  # noqa: E402
from networkday.services.importer import apply_plan, plan_import  # noqa: E402
from networkday.storage.store import Store  # noqa: E402
from tests.conftest import NOW  # noqa: E402


def timed_import(root: Path, path: Path, label: str) -> None:
    started = time.perf_counter()
    source = parse_file("linkedin", path, ZoneInfo("Europe/Berlin"))
    parsed = time.perf_counter()
    store = Store.open(root, FixedClock(NOW))
    opened = time.perf_counter()
    plan = plan_import(store, source)
    planned = time.perf_counter()
    summary = apply_plan(store, plan)
    done = time.perf_counter()
    total = done - started
    print(
        f"{label:<34} {source.rows:>6} rows  read {parsed - started:5.2f} s  open {opened - parsed:5.2f} s  "
        f"plan {planned - opened:5.2f} s  write {done - planned:6.2f} s  total {total:6.2f} s  "
        f"{source.rows / total:7.0f} rows/s  (added {len(summary.added)}, updated {len(summary.updated)}, "
        f"unchanged {summary.unchanged})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="networkday-import-") as folder:
        csv_path, emails_path, root = Path(folder, "Connections.csv"), Path(folder, "emails.csv"), Path(folder, "data")
        write(csv_path, args.rows, args.seed)
        write(emails_path, args.rows, args.seed, every_email=True)
        print(f"Connections.csv: {args.rows} rows, {csv_path.stat().st_size / 1e6:.1f} MB")
        timed_import(root, csv_path, "1. into an empty folder")
        timed_import(root, csv_path, "2. the same file again")
        timed_import(root, emails_path, "3. every contact gains an email")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
