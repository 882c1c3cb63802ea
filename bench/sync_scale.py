"""`networkday sync` at 30,000 contacts against a local bare remote: with nothing to do, and with one person changed.

    python bench/make_data.py --seed 1 --out /tmp/big      # once
    python bench/sync_scale.py /tmp/big --repeat 5

The folder is copied, made a repository with `sync init` and pushed to a bare remote in a
temporary folder (those first steps are timed once). Then, in turns: a sync with nothing
changed, and a sync after one contact file changed (committed, fetched, pushed). Beside
them, `git status` on the same folder: the floor any sync pays. Medians, in milliseconds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(*command: str) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a data folder made by bench/make_data.py")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    nd = [sys.executable, "-m", "networkday"]
    with tempfile.TemporaryDirectory() as temp:
        data, remote = Path(temp) / "data", Path(temp) / "remote.git"
        shutil.copytree(args.folder, data, ignore=shutil.ignore_patterns(".git"))
        subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
        contacts = sorted((data / "contacts").glob("*.toml"))
        print(f"{len(contacts)} contacts, {sum(1 for _ in (data / 'days').rglob('*.toml'))} day files")
        made = timed(*nd, "--data-dir", str(data), "sync", "init", str(remote))
        print(f"sync init (git init, add, first commit): {made:.0f} ms")
        print(f"first sync (push everything):           {timed(*nd, '--data-dir', str(data), 'sync'):.0f} ms")
        idle, one, status = [], [], []
        person = contacts[len(contacts) // 2]
        for turn in range(args.repeat):
            status.append(timed("git", "-C", str(data), "status", "--porcelain"))
            idle.append(timed(*nd, "--data-dir", str(data), "sync"))
            # A top-level key, replaced each turn: appended twice it would be a duplicate key, a file sync refuses.
            lines = person.read_text(encoding="utf-8").splitlines()
            kept = [line for line in lines if not line.startswith("bench_turn")]
            person.write_text("\n".join([f'bench_turn = "{turn}"', *kept]) + "\n", encoding="utf-8")
            one.append(timed(*nd, "--data-dir", str(data), "sync"))
        for name, values in (
            ("git status --porcelain", status),
            ("sync, nothing to do", idle),
            ("sync, one person changed", one),
        ):
            print(
                f"{name:28} median {statistics.median(values):7.0f} ms  (min {min(values):.0f}, max {max(values):.0f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
