"""`networkday today` building its queue, this tree against another commit: what reading the targets costs.

The queue now counts company files marked ``target`` (``services.companies.target_config``),
so a `today` that cannot answer from the preview reads the target files. Each run deletes
the preview first, so every run builds the queue; the two trees take turns. ``--companies``
files are added to the folder first (one in five a target), if it has none yet.

    python bench/make_data.py --seed 1 --out /tmp/big
    python bench/companies_today.py --data /tmp/big [--before main] [--rounds 9] [--companies 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from index_restore import REPO, export  # a sibling script, not a package

from networkday.domain.companies import Company
from networkday.storage.codec import dumps


def add_companies(data: Path, count: int) -> None:
    """``count`` company files named like the folder's busiest companies, if it has none yet."""
    folder = data / "companies"
    if folder.exists():
        return
    folder.mkdir(mode=0o700)
    for number in range(count):
        company = Company(id=f"company-{number}", name=f"Company {number}", target=number % 5 == 0)
        (folder / f"company-{number}.toml").write_bytes(dumps(company.to_dict()))


def time_once(tree: Path, data: Path) -> float:
    (data / ".networkday" / "today.marshal").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree), "NETWORKDAY_NOW": "2026-11-25T09:30:00+01:00"}
    command = [sys.executable, "-m", "networkday", "--data-dir", str(data), "today"]
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, cwd=tree)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="a folder from bench/make_data.py, indexed")
    parser.add_argument("--before", default="main", help="the commit to compare this tree with")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--companies", type=int, default=50)
    args = parser.parse_args()
    add_companies(args.data, args.companies)
    with tempfile.TemporaryDirectory() as temp:
        trees = {"before": export(args.before, Path(temp)), "after": REPO}
        times: dict[str, list[float]] = {name: [] for name in trees}
        for round_ in range(args.rounds):
            for name in list(trees) if round_ % 2 == 0 else list(reversed(trees)):
                times[name].append(time_once(trees[name], args.data))
    before, after = (statistics.median(times[name]) for name in ("before", "after"))
    files = len(list((args.data / "companies").glob("*.toml")))
    print(f"`today` without its preview on {args.data}, {files} company files ({args.rounds} rounds, medians)")
    print(f"  before ({args.before}): {before:6.1f} ms")
    print(f"  after  (this tree):  {after:6.1f} ms   ratio {after / before:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
