"""Today's queue at 30,000 contacts: the job search's ranking and the help-others queue, side by side.

Run from the repository root:  python bench/helping_queue.py [--contacts 30000] [--repeat 9]

A tenth of the people are searching (motive or tag), one in fifty asked you something and
one in fifty was introduced by you, so every rule of ``domain.helping`` has work to do.
Prints the median and the slowest of ``--repeat`` runs of each, taking turns, and their ratio.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from network_data import synthetic_config, synthetic_summaries

from networkday.domain.day import Day
from networkday.domain.helping import helping_queue, week_gives
from networkday.domain.queue import build_queue
from networkday.domain.referrals import build_referrals
from networkday.domain.summary import ContactSummary

TODAY = date(2026, 11, 25)


def helping_network(count: int) -> dict[str, ContactSummary]:
    rng = random.Random(11)
    people = {}
    for plain in synthetic_summaries(count):
        roll = rng.random()
        last = plain.last_ts or 1.7e9
        summary = plain
        if roll < 0.1:
            summary = replace(plain, motives=("searching",))
        elif roll < 0.12:
            summary = replace(plain, helping=((last, "a referral", (), ""),))
        elif roll < 0.14:
            summary = replace(plain, helping=((last, "", ("c1",), ""),))
        people[summary.id] = summary
    return people


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    contacts = helping_network(args.contacts)
    config = synthetic_config()

    def job_search() -> object:
        referrals = build_referrals(contacts, config.is_target)
        return build_queue(Day(TODAY), contacts, config, TODAY, is_target=config.is_target, referrals=referrals, tz=UTC)

    def helping() -> object:
        gives = week_gives(contacts.values(), TODAY, UTC, config.helping.gives_per_week)
        return helping_queue(Day(TODAY), contacts, config, TODAY, tz=UTC, gives=gives)

    times: dict[str, list[float]] = {
        "job search (ranking + referrals)": [],
        "helping (asks, intros, seekers, gives)": [],
    }
    runs = list(zip(times.values(), (job_search, helping), strict=True))
    for _ in range(args.repeat):
        for spent, run in runs:
            start = time.perf_counter()
            run()
            spent.append((time.perf_counter() - start) * 1000)
    print(f"Today's queue at {args.contacts:,} contacts, {args.repeat} runs each, taking turns")
    for label, spent in times.items():
        print(f"  {label:<40} median {statistics.median(spent):7.1f} ms   slowest {max(spent):7.1f} ms")
    job, help_ = (statistics.median(spent) for spent in times.values())
    print(f"  helping / job search: {help_ / job:.2f}")


if __name__ == "__main__":
    main()
