"""How long a sync with nothing to do holds the data folder's lock, which every save of the app waits on.

    python bench/make_data.py --seed 1 --out /tmp/big      # once
    git worktree add /tmp/nd-before <commit>                # the code to compare with, if any
    python bench/sync_lock_hold.py /tmp/big --code . --code /tmp/nd-before --repeat 5

With ``[sync] auto`` the app syncs every five minutes even when nothing changed here, so
whatever such a sync holds the lock for, a key that saves may wait for. The folder is
copied, made a repository and pushed to a bare remote once; then each checkout, on its own
``PYTHONPATH`` and in turns, runs ``services.sync.sync`` in a child process with nothing to
commit and nothing new on the remote, and reports the sync's time and the time the lock was
held (``DataRepo.locked`` wrapped). Medians in milliseconds, side by side.
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

CHILD = """
import contextlib, json, sys, time
from pathlib import Path
from networkday.services.sync import sync
from networkday.storage.sync_repo import DataRepo

held = [0.0]
real = DataRepo.locked

@contextlib.contextmanager
def timed(self):
    with real(self):
        started = time.perf_counter()
        try:
            yield
        finally:
            held[0] += time.perf_counter() - started

DataRepo.locked = timed
started = time.perf_counter()
sync(Path(sys.argv[1]))
print(json.dumps({"sync": (time.perf_counter() - started) * 1000, "held": held[0] * 1000}))
"""


def once(code: Path, folder: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code.resolve())}
    # -P: no current folder first on the path, or every child would import the checkout it is run from
    command = [sys.executable, "-P", "-c", CHILD, str(folder)]
    ran = subprocess.run(command, check=False, env=env, capture_output=True, text=True)
    if ran.returncode:
        raise SystemExit(ran.stderr)
    return json.loads(ran.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a data folder made by bench/make_data.py")
    parser.add_argument("--code", type=Path, action="append", help="a checkout of networkday (repeatable)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    codes: list[Path] = args.code or [Path(".")]
    nd = [sys.executable, "-m", "networkday"]
    with tempfile.TemporaryDirectory() as temp:
        data, remote = Path(temp) / "data", Path(temp) / "remote.git"
        shutil.copytree(args.folder, data, ignore=shutil.ignore_patterns(".git"))
        subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
        subprocess.run([*nd, "--data-dir", str(data), "sync", "init", str(remote)], check=True, capture_output=True)
        subprocess.run([*nd, "--data-dir", str(data), "sync"], check=True, capture_output=True)
        contacts = len(list((data / "contacts").glob("*.toml")))
        runs: dict[Path, list[dict[str, float]]] = {code: [] for code in codes}
        for _ in range(args.repeat):
            for code in codes:
                runs[code].append(once(code, data))
    print(f"a sync with nothing to do, {contacts:,} contacts, medians of {args.repeat} (ms):")
    print(f"{'code':<40} {'sync':>8} {'lock held':>10}")
    for code, measured in runs.items():
        sync_ms = statistics.median(run["sync"] for run in measured)
        held_ms = statistics.median(run["held"] for run in measured)
        print(f"{code!s:<40} {sync_ms:>8.0f} {held_ms:>10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
