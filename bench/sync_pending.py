"""What ``[sync] auto``'s look costs at 30,000 contacts: ``services.sync.pending`` beside a bare ``git status``.

    python bench/make_data.py --seed 1 --out /tmp/big      # once
    python bench/sync_pending.py /tmp/big --repeat 5

The folder is copied to a temporary folder and made a repository with ``sync init`` (not
timed). Then, in turns: the look with nothing to commit, the look with one contact file
changed, and ``git status --porcelain`` on the same folder. The app runs the look in a
thread every 15 seconds while ``[sync] auto`` is on. Medians, in milliseconds.
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

from networkday.services.sync import init, pending


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "data"
        shutil.copytree(args.folder, folder)
        init(folder, None)
        person = next((folder / "contacts").glob("*.toml"))
        original = person.read_text("utf-8")
        clean, changed, status = [], [], []
        for turn in range(args.repeat):
            clean.append(timed(lambda: pending(folder)))
            person.write_text(original + f"\n# turn {turn}\n", "utf-8")
            changed.append(timed(lambda: pending(folder)))
            person.write_text(original, "utf-8")
            status.append(
                timed(
                    lambda: subprocess.run(
                        ["git", "-C", str(folder), "status", "--porcelain"], check=True, capture_output=True
                    )
                )
            )
        contacts = sum(1 for _ in (folder / "contacts").glob("*.toml"))
    print(f"{contacts} contacts, medians of {args.repeat} (ms):")
    print(f"  look, nothing to commit   {statistics.median(clean):8.0f}")
    print(f"  look, one person changed  {statistics.median(changed):8.0f}")
    print(f"  git status --porcelain    {statistics.median(status):8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
