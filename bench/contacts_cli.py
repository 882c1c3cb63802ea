"""`networkday contacts` and shell completion at scale: each command beside a bare Python and `--version`.

Builds a folder (30,000 contacts by default), indexes it once, then runs the real commands
in fresh processes, taking turns, and prints medians: `contacts list` (with a filter),
`contacts search`, `contacts show`, and the completion entry a Tab runs, for a subcommand
and for contact ids. It also prints, in process, the two ways to get every contact id:
the folder's listing (what completion uses) and the index cache's keys.

    python bench/contacts_cli.py [--contacts 30000] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.timer_status import build, interleaved  # noqa: E402
from networkday.clock import FixedClock  # noqa: E402
from networkday.storage.folder import Folder  # noqa: E402
from networkday.storage.ids import contact_ids  # noqa: E402
from networkday.storage.index import IndexCache  # noqa: E402
from networkday.storage.store import Store  # noqa: E402


def ids_in_process(root: Path, runs: int) -> None:
    listing, cached = [], []
    for _ in range(runs):
        began = time.perf_counter()
        listed = contact_ids(root)
        middle = time.perf_counter()
        keys = sorted(IndexCache.load(Folder(root).index_path).contacts)
        ended = time.perf_counter()
        listing.append((middle - began) * 1000)
        cached.append((ended - middle) * 1000)
    assert listed == keys
    print(
        f"every contact id in process: folder listing {statistics.median(listing):.1f} ms, "
        f"index cache {statistics.median(cached):.1f} ms ({len(listed)} ids)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8"}
    env.pop("NETWORKDAY_NOW", None)
    networkday = [sys.executable, "-m", "networkday"]
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big"
        clock = FixedClock(datetime.now().astimezone())
        build(big, args.contacts, 30, clock.now())
        for place, _folders, files in os.walk(big):  # private, as networkday makes them: no warning per run
            os.chmod(place, 0o700)
            for name in files:
                os.chmod(os.path.join(place, name), 0o600)
        store = Store.open(big, clock)
        print(f"data: {len(store.contacts)} contacts")
        ids_in_process(big, args.runs)
        on = ["--data-dir", str(big)]
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("networkday --version", [*networkday, "--version"]),
            ("contacts list --company 'Company 7'", [*networkday, "contacts", "list", "--company", "Company 7", *on]),
            ("contacts list (every contact)", [*networkday, "contacts", "list", *on]),
            ("contacts search 'persn 12'", [*networkday, "contacts", "search", "persn 12", *on]),
            ("contacts show c123", [*networkday, "contacts", "show", "c123", *on]),
            ("Tab: networkday co", [*networkday, "completion", "--candidates", ":co"]),
            (
                "Tab: networkday log c12 (contact ids)",
                [*networkday, "completion", "--candidates", ":--data-dir", f":{big}", ":log", ":c12"],
            ),
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
