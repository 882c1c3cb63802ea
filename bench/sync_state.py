"""What the sync state costs at 30,000 contacts: the look beside ``[sync] auto``'s, and start-up with and without git.

    python bench/make_data.py --seed 1 --out /tmp/big      # once
    python bench/sync_state.py /tmp/big --repeat 5 --runs 5 --before main

The folder is copied twice to a temporary folder: one copy stays a plain folder, the
other is made a repository with ``sync init`` and synced once (not timed). Then:

- the look, in turns: ``services.sync_state.sync_state`` (what Today's header shows: one
  ``git status --porcelain=v2 --branch`` and a stat or two), ``services.sync.pending``
  (``[sync] auto``'s look), and a bare ``git status --porcelain``, each with nothing to
  commit and with one contact changed; and the state of the plain folder (one stat);
- start-up to Today's first frame in tmux (bench/startup.py), from the preview as after
  a ``q``, taking turns: the bare Textual app, then networkday as of the ``--before``
  revision (exported with ``git archive`` to the temporary folder: ``main``, before the
  sync state) and from this checkout, each on its own copy of the plain folder and of
  the repository (one checkout's index cache is stale to the other's code, so a shared
  folder would time cold starts).

Medians, in milliseconds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.startup import REPO, Program, Tmux, bench_env, keep_preview, time_to_ready
from networkday.services.sync import init, pending, sync
from networkday.services.sync_state import sync_state


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def looks(plain: Path, repo: Path, repeat: int) -> dict[str, list[float]]:
    person = next((repo / "contacts").glob("*.toml"))
    original = person.read_text("utf-8")
    status = ["git", "-C", str(repo), "status", "--porcelain"]
    times: dict[str, list[float]] = {}

    def turn(label: str, action: Callable[[], object]) -> None:
        times.setdefault(label, []).append(timed(action))

    for number in range(repeat):
        turn("state, plain folder (one stat)", lambda: sync_state(plain))
        turn("state, nothing to commit", lambda: sync_state(repo))
        turn("auto look, nothing to commit", lambda: pending(repo))
        turn("git status, nothing to commit", lambda: subprocess.run(status, check=True, capture_output=True))
        person.write_text(original + f"\n# turn {number}\n", "utf-8")
        turn("state, one person changed", lambda: sync_state(repo))
        turn("auto look, one person changed", lambda: pending(repo))
        turn("git status, one person changed", lambda: subprocess.run(status, check=True, capture_output=True))
        person.write_text(original, "utf-8")
    return times


def settle() -> None:
    """Outside the time: the last run's exit (its index and preview written at 30,000 contacts) has ended."""
    time.sleep(1.5)


def startups(runs: list[tuple[str, Path, Path]], rounds: int) -> dict[str, list[float]]:
    """Each ``(label, folder, code)`` in turn with the bare app. Each checkout has its own copy of a folder:
    one checkout's index cache is stale to another (it names the code), so sharing would time cold starts."""
    env = bench_env()
    python = sys.executable
    programs = [Program("bare Textual app", [python, str(REPO / "bench" / "bare_app.py")], "Bare Textual app ready")]
    for label, folder, code in runs:
        keep_preview(folder, env, code)
        command = [python, "-m", "networkday", "--data-dir", str(folder)]
        programs.append(Program(label, command, "Some will", code, settle))
    tmux = Tmux(env)
    times: dict[str, list[float]] = {}
    try:
        for round_number in range(rounds + 1):  # the first round warms the caches
            for program in programs:
                seconds, _ = time_to_ready(tmux, program)
                if round_number:
                    times.setdefault(program.label, []).append(seconds * 1000)
    finally:
        tmux.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="turns of the looks")
    parser.add_argument("--runs", type=int, default=5, help="start-ups of each program")
    parser.add_argument("--before", default="main", help="the git revision to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        plain, repo, before = Path(scratch) / "plain", Path(scratch) / "repo", Path(scratch) / "before"
        before.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.before], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
        shutil.copytree(args.folder, plain)
        shutil.copytree(args.folder, repo)
        init(repo, None)
        sync(repo, offline=True)
        contacts = sum(1 for _ in (repo / "contacts").glob("*.toml"))
        look_times = looks(plain, repo, args.repeat)
        runs = []
        for code, which in ((before, "before"), (REPO, "this checkout")):
            for name, folder in (("plain folder", plain), ("repository", repo)):
                copy = Path(scratch) / f"{folder.name}-{which.replace(' ', '-')}"
                shutil.copytree(folder, copy)
                runs.append((f"{name}, {which}", copy, code))
        start_times = startups(runs, args.runs)
    print(f"{contacts} contacts; the looks, medians of {args.repeat} (ms):")
    for label, series in look_times.items():
        print(f"  {label:<34} {statistics.median(series):8.1f}")
    bare = statistics.median(start_times["bare Textual app"])
    print(f"start-up to Today's first frame in tmux, medians of {args.runs} (ms):")
    for label, series in start_times.items():
        middle = statistics.median(series)
        spread = f"min {min(series):6.0f}   max {max(series):6.0f}"
        print(f"  {label:<34} {middle:8.0f}   {spread}   {middle / bare:.2f}x bare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
