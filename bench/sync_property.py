"""Sync's proof at length: random edit sequences on two machines, synced in random order, checked at the end.

    python bench/sync_property.py                 # 1,000 sequences, seed 1
    python bench/sync_property.py --runs 50 --seed 7

The short form runs in the tests (tests/cli/test_sync_property.py, 25 sequences); this one
runs the same steps and the same end checks (both folders alike, every touch once, each
title, its conflicts and the likely-duplicate flags exactly as ``tests/sync_model.py`` merges
them, no conflict markers, `check` lists nothing but conflicts and likely duplicates) and
prints figures.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import NOW
from tests.sync_world import KINDS, PEOPLE, SEED, Model, apply, make_world, settle, verify


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=12, help="the most steps in one sequence")
    args = parser.parse_args()
    os.environ["NETWORKDAY_TZ"] = "Europe/Berlin"
    rng = random.Random(args.seed)
    kinds: Counter[str] = Counter()
    merges: Counter[str] = Counter()  # what the model's merges met, field by field
    seconds, conflicts, failed = [], 0, 0
    for run in range(args.runs):
        steps = [(rng.choice("ab"), rng.choice(KINDS), rng.choice(PEOPLE)) for _ in range(rng.randint(0, args.steps))]
        kinds.update(kind for _, kind, _ in steps)
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stdout(io.StringIO()):
            world = make_world(Path(folder), SEED)
            model = Model()
            try:
                for side, kind, person in steps:
                    apply(world, model, side, kind, person, NOW)
                settle(world, model)
                conflicts += verify(world, model)
                merges.update(model.machines.seen)
            except AssertionError as error:
                failed += 1
                print(f"run {run}: FAILED {steps}: {error}", file=sys.stderr)
        seconds.append(time.perf_counter() - started)
    print(f"sequences            {args.runs} (seed {args.seed}), failed {failed}")
    print(f"steps                {sum(kinds.values())}: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    print(f"conflicts recorded   {conflicts}")
    print("titles merged        " + ", ".join(f"{case} {merges[case]}" for case in sorted(merges)))
    print(f"seconds per sequence median {statistics.median(seconds):.2f}, max {max(seconds):.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
