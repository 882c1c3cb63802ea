"""Import rate and peak memory at LinkedIn's cap (30,000 rows) and far past it: prints figures, asserts nothing.

For each size, a generated Connections.csv (bench/make_linkedin.py) is imported by a
child process, so its peak memory (the child's maximum resident set) is its own:

1. a dry run into an empty folder: the whole file read and matched, nothing written;
2. into an empty folder: every row a new contact, each file written safely (temp file,
   fsync, rename, folder fsync), a batch under one lock at a time;
3. the same file again: every row matched and unchanged, nothing written;
4. the same people with an email address each: every contact updated on disk.

Runs 2 to 4 write one file per row; they are left out above ``--write-up-to`` rows (a
million files take tens of minutes of fsyncs and 4 GB of disk). Memory is printed next
to the bare interpreter's with networkday imported, so what the import adds shows.

    python bench/import_rate.py [--rows 30000 1000000] [--write-up-to 30000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.make_linkedin import write  # noqa: E402


def child(path: Path, root: Path, dry_run: bool) -> None:
    """Runs one import and prints what it did as JSON; the parent reads this process's peak memory."""

    from networkday.clock import FixedClock
    from networkday.importers import parse_file
    from networkday.services.importer import import_source
    from networkday.storage.store import Store
    from tests.conftest import NOW

    ready = _rss_mb()
    started = time.perf_counter()
    source = parse_file("linkedin", path)
    store = Store(root, FixedClock(NOW)) if dry_run and not root.exists() else Store.open(root, FixedClock(NOW))
    summary = import_source(store, source, dry_run=dry_run)
    seconds = time.perf_counter() - started
    counts = {"added": len(summary.added), "updated": len(summary.updated), "unchanged": summary.unchanged}
    print(json.dumps({"rows": summary.rows, "seconds": seconds, "ready_mb": ready, **counts}))


def _rss_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(label: str, path: Path, root: Path, *, dry_run: bool = False) -> None:
    command = [sys.executable, __file__, "--child", str(path), str(root)] + (["--dry-run"] if dry_run else [])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)  # reaped here, for the child's own peak memory
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        print(f"{label}: failed ({process.returncode})")
        return
    found = json.loads(out)
    peak = usage.ru_maxrss / 1024
    print(
        f"{label:<36} {found['rows']:>8} rows {found['seconds']:8.1f} s {found['rows'] / found['seconds']:8.0f} rows/s"
        f"  peak {peak:6.0f} MB (ready {found['ready_mb']:.0f} MB)"
        f"  added {found['added']}, updated {found['updated']}, unchanged {found['unchanged']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[30_000, 1_000_000])
    parser.add_argument("--write-up-to", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, type=Path, metavar=("FILE", "ROOT"), help=argparse.SUPPRESS)
    parser.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child, dry_run=args.dry_run)
        return 0
    for rows in args.rows:
        with tempfile.TemporaryDirectory(prefix="networkday-import-") as folder:
            csv_path, root = Path(folder, "Connections.csv"), Path(folder, "data")
            write(csv_path, rows, args.seed)
            print(f"Connections.csv: {rows} rows, {csv_path.stat().st_size / 1e6:.1f} MB")
            timed("1. dry run into an empty folder", csv_path, root, dry_run=True)
            if rows > args.write_up_to:
                print(f"   (runs 2-4 left out above {args.write_up_to} rows: --write-up-to)")
                continue
            emails_path = Path(folder, "emails.csv")
            write(emails_path, rows, args.seed, every_email=True)
            timed("2. into an empty folder", csv_path, root)
            timed("3. the same file again", csv_path, root)
            timed("4. every contact gains an email", emails_path, root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
