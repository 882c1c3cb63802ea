"""The call brief at scale: building it against what the person's screen does, and `brief` against `today`.

The brief builds the referral index over every summary (as the person's screen does) and
reads the company files once; it reads no other contact file. The figures are medians
over rounds in which the two sides take turns, printed side by side with their ratio.

    python bench/make_data.py --seed 1 --out /tmp/big
    python bench/brief.py --data /tmp/big [--rounds 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from networkday.clock import FixedClock, clock_from_environ
from networkday.domain.referrals import build_referrals
from networkday.services.brief import call_brief
from networkday.services.companies import target_config
from networkday.storage.store import Store

REPO = Path(__file__).resolve().parents[1]


def person_screen(store: Store, contact_id: str) -> None:
    """What ``ContactScreen.reload`` reads and builds before it lays out the story."""
    store.contact(contact_id)
    build_referrals(store.contacts, target_config(store).is_target)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def command(data: Path, *words: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NETWORKDAY_NOW": "2026-11-25T09:30:00+01:00"}
    line = [sys.executable, "-m", "networkday", "--data-dir", str(data), *words]
    return timed(lambda: subprocess.run(line, env=env, check=True, stdout=subprocess.DEVNULL))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="a folder from bench/make_data.py, indexed")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    store = Store.open(args.data, FixedClock(clock_from_environ().now()))
    people = store.contacts
    contact_id = next(s.id for s in people.values() if s.referred_by and s.entries)
    store.companies()  # parsed once, as the app has them after its first frame
    sides: dict[str, Callable[[], float]] = {
        "person screen's reads": lambda: timed(lambda: person_screen(store, contact_id)),
        "call brief (service)": lambda: timed(lambda: call_brief(store, contact_id)),
        "`today` command": lambda: command(args.data, "today"),
        "`brief ID` command": lambda: command(args.data, "brief", contact_id),
    }
    times: dict[str, list[float]] = {name: [] for name in sides}
    for round_ in range(args.rounds):
        for name in list(sides) if round_ % 2 == 0 else list(reversed(sides)):
            times[name].append(sides[name]())
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{len(people)} contacts in {args.data}, one referred person ({contact_id}), {args.rounds} rounds, medians")
    screen, brief = median["person screen's reads"], median["call brief (service)"]
    print(f"  person screen's reads {screen:7.1f} ms")
    print(f"  call brief (service)  {brief:7.1f} ms   ratio {brief / screen:.2f}")
    today, cli = median["`today` command"], median["`brief ID` command"]
    print(f"  `today` command       {today:7.1f} ms")
    print(f"  `brief ID` command    {cli:7.1f} ms   ratio {cli / today:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
