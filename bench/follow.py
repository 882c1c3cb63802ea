"""The screen follows the files: time from a contact file changed by another process to Today showing it, and idle CPU.

    python bench/follow.py --data-dir /tmp/big [--runs 7] [--idle 10]

The app runs in a real terminal (a private tmux server, 120x40) on the folder, once with
inotify and once with the look that stands in for it where inotify is missing
(``NETWORKDAY_WATCH=poll``), in turns. For each, after the start has settled:

- **pickup, new file**: a contact file is written as another networkday writes one (a
  temporary file renamed over), and the time is taken from the rename to the poll of
  ``tmux capture-pane`` (every 20 ms) that first shows Today's "never contacted" count
  one higher;
- **pickup, edit in place**: a contact with no history, one of ``--runs`` spread over the
  folder, gets a touch appended in place (as an editor without a backup copy saves),
  until the count is one lower again; the file is then put back as it was;
- **idle CPU**: the app's user and system time over ``--idle`` seconds with nothing
  happening, as a share of one core (from /proc).

Medians of ``--runs``. ``--against CHECKOUT`` also gives that checkout's idle CPU on the
same folder (the app before it followed the files, for one). A missing folder is made
first with bench/make_data.py (30,000 contacts, about a minute). The probe files are removed at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.startup import Program, Tmux, bench_env  # noqa: E402

POLL = 0.02
TIMEOUT = 30.0
NEVER = re.compile(r"(\d+) never contacted")
PROBE = "follow-probe"
TICKS = os.sysconf("SC_CLK_TCK")


TOUCH = '\n[[log]]\nat = 2026-11-24T10:00:00+01:00\nchannel = "phone"\noutcome = "talked"\n'


def contact_text(name: str) -> str:
    return f'format = 1\nname = "{name}"\n'


def never_touched(contacts: Path, count: int) -> list[Path]:
    """``count`` contacts with no history, spread over the folder (the same for the same folder)."""
    names = sorted(name for name in os.listdir(contacts) if name.endswith(".toml"))
    found = [contacts / name for name in names if "[[log]]" not in (contacts / name).read_text("utf-8")]
    return random.Random(1).sample(found, count)


def never_contacted(tmux: Tmux) -> int | None:
    found = NEVER.search(tmux.screen())
    return int(found.group(1)) if found else None


def wait_for(tmux: Tmux, wanted: int, began: float) -> float:
    while never_contacted(tmux) != wanted:
        if time.perf_counter() - began > TIMEOUT:
            raise SystemExit(f"the screen did not show {wanted} never contacted within {TIMEOUT} s")
        time.sleep(POLL)
    return time.perf_counter() - began


def pickups(tmux: Tmux, contacts: Path, number: int, untouched: Path) -> tuple[float, float]:
    """Seconds to show a new file, then an edit in place of a file the app has had since it started."""
    before = never_contacted(tmux)
    assert before is not None, tmux.screen()
    path = contacts / f"{PROBE}-{number}.toml"
    temp = contacts / f".{path.name}.bench.tmp"
    temp.write_text(contact_text(f"Follow Probe {number}"), "utf-8")
    began = time.perf_counter()
    os.replace(temp, path)
    added = wait_for(tmux, before + 1, began)
    kept = untouched.read_bytes()
    began = time.perf_counter()
    with untouched.open("ab") as handle:  # in place, as an editor without a backup copy saves
        handle.write(TOUCH.encode("utf-8"))
    edited = wait_for(tmux, before, began)
    with untouched.open("wb") as handle:
        handle.write(kept)
    wait_for(tmux, before + 1, time.perf_counter())
    return added, edited


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def idle_share(pid: int, seconds: float) -> float:
    began, cpu = time.perf_counter(), cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - cpu) / (time.perf_counter() - began)


def started(tmux: Tmux, command: list[str], code: Path) -> int:
    """The app's pid, once Today is up and the look at the folder after its first frame is done."""
    tmux.launch(Program("networkday", command, "Some will", code))
    began = time.perf_counter()
    while "Some will" not in tmux.screen() or never_contacted(tmux) is None:
        if time.perf_counter() - began > TIMEOUT:
            raise SystemExit(tmux.screen())
        time.sleep(POLL)
    time.sleep(5)  # the look at the folder and the search index, after the first frame
    return tmux.pid()


def measure(data: Path, kind: str, runs: int, idle: float, offset: int) -> dict[str, float]:
    tmux = Tmux(bench_env())
    command = ["env", f"NETWORKDAY_WATCH={kind}", sys.executable, "-m", "networkday", "--data-dir", str(data)]
    try:
        share = idle_share(started(tmux, command, REPO), idle)
        contacts = data / "contacts"
        found = [pickups(tmux, contacts, offset + run, path) for run, path in enumerate(never_touched(contacts, runs))]
        return {
            "new file (s)": statistics.median(added for added, _ in found),
            "new file, worst (s)": max(added for added, _ in found),
            "edit in place (s)": statistics.median(edited for _, edited in found),
            "edit in place, worst (s)": max(edited for _, edited in found),
            "idle CPU (% of a core)": share * 100,
        }
    finally:
        tmux.close()


def idle_elsewhere(data: Path, code: Path, idle: float) -> float:
    """Idle CPU of another checkout's app (one that follows nothing, say), in % of a core."""
    tmux = Tmux({**bench_env(), "PYTHONPATH": str(code)})
    try:
        return (
            idle_share(started(tmux, [sys.executable, "-m", "networkday", "--data-dir", str(data)], code), idle) * 100
        )
    finally:
        tmux.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle CPU measured")
    parser.add_argument("--against", type=Path, help="another checkout, whose app's idle CPU is shown beside")
    args = parser.parse_args()
    data: Path = args.data_dir
    if not (data / "contacts").is_dir():
        make = [sys.executable, str(REPO / "bench" / "make_data.py"), "--seed", "1", "--out", str(data)]
        subprocess.run(make, check=True)
    contacts = data / "contacts"
    count = sum(1 for name in os.listdir(contacts) if name.endswith(".toml"))
    kinds = ["inotify", "poll"]
    try:
        results = {kind: measure(data, kind, args.runs, args.idle, index * 1000) for index, kind in enumerate(kinds)}
    finally:
        for probe in contacts.glob(f"{PROBE}-*.toml"):
            probe.unlink()
    print(f"{count} contact files, {args.runs} runs each, idle over {args.idle:.0f} s")
    print(f"{'':28}" + "".join(f"{kind:>10}" for kind in kinds))
    for label in results[kinds[0]]:
        print(f"{label:28}" + "".join(f"{results[kind][label]:10.2f}" for kind in kinds))
    if args.against:
        print(f"idle CPU of {args.against}'s app: {idle_elsewhere(data, args.against, args.idle):.2f} % of a core")


if __name__ == "__main__":
    main()
