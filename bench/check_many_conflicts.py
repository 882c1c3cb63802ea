"""``check``'s conflict walk over one file holding many ``[[conflict]]`` entries, this tree beside another.

    python bench/check_many_conflicts.py [--before /work/main] [--counts 300 1000 3000]

Each entry used to be located by its own pass over the file (quadratic); this prints the
seconds ``conflicts_in`` takes for each count, in a fresh process of each tree.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENTRY = '\n[[conflict]]\nfield = "title"\nvalue = "v{n}"\nfrom = "origin/main"\nat = 2026-11-20T10:00:00Z\n'

#: Run in a child with the tree on its path: the seconds one walk of the file takes.
WALK = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from networkday.storage.sync_conflicts import conflicts_in
start = time.perf_counter()
found = conflicts_in([Path(sys.argv[2])])
print(f"{time.perf_counter() - start:.3f}s ({len(found)} lines)")
"""


def walk(tree: Path, path: Path) -> str:
    """One walk of ``path`` by ``tree``'s code, in a fresh process."""
    run = subprocess.run(
        [sys.executable, "-c", WALK, str(tree), str(path)], check=False, capture_output=True, text=True
    )
    return run.stdout.strip() or run.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another checkout to run beside this one")
    parser.add_argument("--counts", type=int, nargs="+", default=[300, 1000, 3000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for count in args.counts:
            path = Path(folder) / f"many-{count}.toml"
            path.write_text('format = 1\nname = "Ada"\n' + "".join(ENTRY.format(n=n) for n in range(count)))
            before = f"  before: {walk(args.before, path)}" if args.before else ""
            print(f"{count:>6} entries  this tree: {walk(REPO, path)}{before}")


if __name__ == "__main__":
    main()
