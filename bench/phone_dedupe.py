"""Phone matching at 30,000 contacts: a re-import that brings each person's number in another spelling.

A folder of N people, each with ``+1 905 …`` (written with the code under test), then a
Google CSV of the same people (matched by email) with the national spelling ``(905) …``.
Each variant imports it as a dry run (every record merged in memory, nothing written) in
a child process of its own, taking turns, and the medians print side by side:

- ``before``: the code in ``--before`` (a copy of the tree before phonenumbers), digits only;
- ``no region``: this tree, ``[import]`` without ``region``;
- ``region CA``: this tree, ``[import] region = "CA"``.

Also printed: how many phones the first person has afterwards (2: the spellings were kept
apart; 1: matched), and the cost of the key alone over 60,000 numbers.

    python bench/phone_dedupe.py [--contacts 30000] [--rounds 3] [--before /tmp/keys-before]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build(root: Path, contacts: int) -> Path:
    sys.path.insert(0, str(REPO))
    from networkday.clock import FixedClock
    from networkday.domain.contact import Contact
    from networkday.storage.store import Store
    from tests.conftest import NOW

    store = Store.open(root, FixedClock(NOW))
    people = [
        Contact(
            id="", name=f"Person {n}", email=[f"p{n}@example.com"], phone=[f"+1 905 {n // 10000 + 500} {n % 10000:04}"]
        )
        for n in range(contacts)
    ]
    store.add_contacts(people)
    csv = root.parent / "google.csv"
    lines = ["First Name,Last Name,E-mail 1 - Value,Phone 1 - Value"]
    lines += [f"Person,{n},p{n}@example.com,({905}) {n // 10000 + 500}-{n % 10000:04}" for n in range(contacts)]
    csv.write_text("\n".join(lines) + "\n", "utf-8")
    return csv


def child(repo: Path, root: Path, csv: Path, region: str) -> None:
    """One dry-run import; prints its seconds and the first person's phones as JSON."""
    sys.path.insert(0, str(repo))
    from networkday.clock import FixedClock
    from networkday.importers import parse_file
    from networkday.services.importer import import_source
    from networkday.storage.store import Store
    from tests.conftest import NOW

    (root / "config.toml").write_text(f'[import]\nregion = "{region}"\n' if region else "", "utf-8")
    store = Store.open(root, FixedClock(NOW))
    store.contacts  # noqa: B018 (the summaries are read before the clock starts, as the app has them)
    started = time.perf_counter()
    summary = import_source(store, parse_file("google", csv), dry_run=True)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "updated": len(summary.updated), "unchanged": summary.unchanged}))


def key_costs(count: int) -> str:
    sys.path.insert(0, str(REPO))
    from networkday.domain.phones import phone_key

    numbers = [f"({905}) {n // 10000 + 500}-{n % 10000:04}" for n in range(count)]
    out = []
    for label, key in (
        ("digits (before)", lambda p: "".join(ch for ch in p if ch.isdigit())),
        ("no region", lambda p: phone_key(p, "")),
        ("region CA", lambda p: phone_key(p, "CA")),
    ):
        started = time.perf_counter()
        for number in numbers:
            key(number)
        out.append(f"{label} {(time.perf_counter() - started) * 1e6 / count:.1f} µs")
    return f"key of one number, {count:,} distinct: " + " · ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", type=Path, default=Path("/tmp/keys-before"))
    parser.add_argument("--child", nargs=4, metavar=("REPO", "ROOT", "CSV", "REGION"))
    args = parser.parse_args()
    if args.child:
        repo, root, csv, region = args.child
        child(Path(repo), Path(root), Path(csv), region)
        return
    variants = {"before": (args.before, ""), "no region": (REPO, ""), "region CA": (REPO, "CA")}
    if not args.before.exists():
        del variants["before"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        csv = build(root, args.contacts)
        runs: dict[str, list[dict]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, (repo, region) in variants.items():  # taking turns, so the machine's noise is shared
                command = [sys.executable, __file__, "--child", str(repo), str(root), str(csv), region]
                runs[name].append(json.loads(subprocess.run(command, check=True, capture_output=True).stdout))
    print(f"{args.contacts:,} contacts, a Google CSV re-import (dry run) with each number in national spelling")
    for name, results in runs.items():
        median = statistics.median(r["seconds"] for r in results)
        last = results[-1]
        print(f"{name:10} median {median:5.2f} s  updated {last['updated']:>6,}  unchanged {last['unchanged']:>6,}")
    print(key_costs(60000))


if __name__ == "__main__":
    main()
