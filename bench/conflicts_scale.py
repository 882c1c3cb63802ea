"""Sync conflicts at 30,000 contacts: what finding them costs on start-up and on a key, this tree beside another.

    python bench/make_data.py --seed 1 --out /tmp/conflicts-bench/data --no-index
    python bench/conflicts_scale.py --data /tmp/conflicts-bench/data [--before main] [--rounds 7]

The folder is copied twice, once for each tree (their index caches differ: this tree's
summaries carry a conflict count, index version 12), with the same files planted in both:
200 company files, and ``[[conflict]]`` entries in 20 contacts, 3 day files and 2 companies.
Each tree indexes its own copy once, then the two take turns in fresh processes:

- restoring the index (``Store.open(scan=False)``) and opening with a scan (what a command
  and the app do at start): the price of the bigger rows, side by side;
- this tree only, in one process each round: the first count of the people's conflicts
  (a loop over the summaries, once per app), the count a key costs after that (the
  tally kept by the contact listeners), the days' count, the companies' count the first
  time and again with nothing changed (after the first frame, and on the folder watch),
  listing every conflict (it reads the 25 files that hold one), settling one, and what
  ``check``'s walk costs to find them (every file's bytes): the read Today never does.

Medians over the rounds, in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.index_restore import export

REPO = Path(__file__).resolve().parents[1]
CONFLICT = (
    '\n[[conflict]]\nfield = "title"\nvalue = "Changed elsewhere"\nfrom = "origin/main"\nat = 2026-11-20T10:00:00Z\n'
)
DAY_CONFLICT = '\n[[conflict]]\nfield = "journal.rating"\nvalue = 2\nfrom = "origin/main"\nat = 2026-11-20T10:00:00Z\n'

#: Run once in a child of each tree: its index cache, built from the files.
INDEX = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from networkday.clock import FixedClock
from networkday.storage.store import Store
Store.open(Path(sys.argv[1]), FixedClock(datetime(2026, 11, 25, 9, tzinfo=timezone.utc)))
print("{}")
"""

#: Timed in a child of either tree: the store's open from its cache, and with a scan.
OPEN = """
import sys, time
from datetime import datetime, timezone
from pathlib import Path
from networkday.clock import FixedClock
from networkday.storage.store import Store
root = Path(sys.argv[1])
clock = FixedClock(datetime(2026, 11, 25, 9, tzinfo=timezone.utc))
out = {}
for name, scan in (("restore", False), ("open and scan", True)):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        store = Store.open(root, clock, scan=scan)
        assert len(store.contacts) >= 30_000
        times.append(time.perf_counter() - start)
        del store
    out[name] = min(times) * 1000
print(__import__("json").dumps(out))
"""

#: Timed in a child of this tree only: each way to the conflicts.
FIND = """
import sys, time, shutil
from datetime import datetime, timezone
from pathlib import Path
from networkday.clock import FixedClock
from networkday.storage.store import Store
from networkday.services.conflicts import ConflictTally, all_conflicts, settle
from networkday.storage.sync_conflicts import record_conflicts
root = Path(sys.argv[1])
clock = FixedClock(datetime(2026, 11, 25, 9, tzinfo=timezone.utc))
store = Store.open(root, clock)
out = {}
def timed(name, call):
    start = time.perf_counter()
    value = call()
    out[name] = (time.perf_counter() - start) * 1000
    return value
tally = ConflictTally()
people = timed("people, first count (once per app)", lambda: tally.people(store))
timed("people, on a key (the tally)", lambda: tally.people(store))
days = timed("days (the day summaries)", lambda: tally.days(store))
companies = timed("companies, first (after the first frame)", store.company_conflicts)
timed("companies, again, none changed", store.company_conflicts)
found = timed("list every conflict (25 files read)", lambda: all_conflicts(store))
assert (people, days, sum(companies.values()), len(found)) == (20, 3, 2, 25), (people, days, companies, len(found))
item = found[0]
timed("settle one (locked write, index follows)", lambda: settle(store, item, take=False))
assert tally.people(store) == 19
walked = timed("check's walk: every file's bytes", lambda: record_conflicts(store))
assert len(walked) == 24
print(__import__("json").dumps(out))
"""


def plant(root: Path) -> None:
    """The same companies and conflicts in each copy: every 1,500th contact, three days, two companies."""
    contacts = sorted((root / "contacts").glob("*.toml"))
    for path in contacts[::1500]:
        path.write_text(path.read_text("utf-8") + CONFLICT, encoding="utf-8")
    for path in sorted((root / "days").rglob("*.toml"))[-3:]:
        path.write_text(path.read_text("utf-8") + DAY_CONFLICT, encoding="utf-8")
    companies = root / "companies"
    companies.mkdir(mode=0o700, exist_ok=True)
    for number in range(200):
        extra = CONFLICT if number in (7, 70) else ""
        text = f'format = 1\nname = "Company {number}"\nwebsite = "https://c{number}.example"\n{extra}'
        (companies / f"company-{number}.toml").write_text(text, encoding="utf-8")
        (companies / f"company-{number}.toml").chmod(0o600)


def child(tree: Path, code: str, data: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    # -P: the current folder is not put first on the path, ahead of the tree PYTHONPATH names
    command = [sys.executable, "-P", "-c", code, str(data)]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="a folder from bench/make_data.py")
    parser.add_argument("--before", default="main", help="the commit to compare this tree with")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        trees = {"before": export(args.before, Path(temp) / "code"), "after": REPO}
        copies = {name: Path(temp) / name for name in trees}
        for name, tree in trees.items():
            shutil.copytree(args.data, copies[name], ignore=shutil.ignore_patterns(".networkday"))
            plant(copies[name])
            child(tree, INDEX, copies[name])  # each tree indexes its own copy
        opens: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        finds: list[dict[str, float]] = []
        for round_ in range(args.rounds):
            for name in trees if round_ % 2 == 0 else reversed(list(trees)):
                opens[name].append(child(trees[name], OPEN, copies[name]))
            scratch = Path(temp) / f"find-{round_}"
            shutil.copytree(copies["after"], scratch)  # settling changes a file: each round starts alike
            finds.append(child(REPO, FIND, scratch))
            shutil.rmtree(scratch)
    print(f"{args.data}, 30,000 contacts, {args.rounds} rounds, medians in ms")
    print(f"  {'':40} {'before (' + args.before + ')':>16} {'after':>10} {'ratio':>7}")
    for key in opens["before"][0]:
        before, after = (statistics.median(run[key] for run in opens[name]) for name in ("before", "after"))
        print(f"  {key:40} {before:16.1f} {after:10.1f} {after / before:7.3f}")
    print("  this tree only:")
    for key in finds[0]:
        print(f"  {key:40} {statistics.median(run[key] for run in finds):10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
