"""Restoring the index cache of 30,000 contacts: this tree against another commit, side by side.

Opens the store from its cache without a scan (``Store.open(scan=False)``: the cache's
files read, every entry restored into summaries and problems), or with one (``--scan``:
every file statted and compared with its entry, as a command starts), in fresh
processes, the two trees taking turns, and prints the medians and their ratio. The other tree is
exported from git into a temporary folder; both must read the same cache format.

    python bench/make_data.py --seed 1 --out /tmp/big
    python bench/index_restore.py --data /tmp/big [--before 21a4ebf] [--rounds 15] [--scan]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: Run in each child: the open is timed five times in one process, the fastest kept
#: (the first pays for the page cache and the imports' lazy parts).
CHILD = """
import sys, time
from pathlib import Path
from networkday.clock import FixedClock
from networkday.storage.store import Store
from datetime import datetime, timezone
root, scan, times = Path(sys.argv[1]), sys.argv[2] == 'scan', []
clock = FixedClock(datetime(2026, 11, 25, 9, tzinfo=timezone.utc))
for _ in range(5):
    start = time.perf_counter()
    store = Store.open(root, clock, scan=scan)
    assert len(store.contacts) >= 30_000, len(store.contacts)
    times.append(time.perf_counter() - start)
    del store
print(min(times) * 1000)
"""


def export(commit: str, into: Path) -> Path:
    """The ``networkday`` package as it was at ``commit``."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", commit, "networkday"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def time_once(tree: Path, data: Path, scan: bool) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    # -P: the current folder is not put first on the path, ahead of the tree PYTHONPATH names
    command = [sys.executable, "-P", "-c", CHILD, str(data), "scan" if scan else "no-scan"]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return float(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="a folder from bench/make_data.py, indexed")
    parser.add_argument("--before", default="HEAD~1", help="the commit to compare this tree with")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--scan", action="store_true", help="time an open that scans the files too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        trees = {"before": export(args.before, Path(temp)), "after": REPO}
        times: dict[str, list[float]] = {name: [] for name in trees}
        for round_ in range(args.rounds):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for name in order:
                times[name].append(time_once(trees[name], args.data, args.scan))
    before, after = (statistics.median(times[name]) for name in ("before", "after"))
    what = "open and scan" if args.scan else "restore"
    print(f"{what} of {args.data} ({args.rounds} rounds, fastest of 5 opens per process, median over rounds)")
    print(f"  before ({args.before}): {before:6.1f} ms")
    print(f"  after  (this tree):     {after:6.1f} ms   ratio {after / before:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
