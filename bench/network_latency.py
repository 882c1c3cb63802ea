"""Network list rules at 30,000 contacts: each filter, each sort, the referral index, Today's queue and counts.

Run from the repository root:  python bench/network_latency.py [--contacts 30000] [--repeat 9]

Prints the median and the slowest of ``--repeat`` runs; the first sort after a new name
appears re-ranks the names, so its cost is printed apart.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from network_data import synthetic_config, synthetic_summaries

from networkday.domain.cadence import touch_counts
from networkday.domain.day import Day
from networkday.domain.network import SORTS, Filter, Network
from networkday.domain.queue import build_queue
from networkday.domain.referrals import build_referrals
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

TODAY = date(2026, 11, 25)


def measure(label: str, action: Callable[[], object], repeat: int) -> None:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    print(f"{label:<36} median {statistics.median(times):7.2f} ms   max {max(times):7.2f} ms")


def _queue(contacts: dict[str, ContactSummary], config: Config) -> object:
    """What ``services.queue.day_queue`` computes for an empty day: the referral index, then the ranked queue."""
    referrals = build_referrals(contacts, config.is_target)
    return build_queue(Day(TODAY), contacts, config, TODAY, is_target=config.is_target, referrals=referrals, tz=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    summaries = synthetic_summaries(args.contacts)
    contacts = {summary.id: summary for summary in summaries}
    config = synthetic_config()
    network = Network(config, UTC)
    gc.freeze()
    print(f"{args.contacts} contacts")

    started = time.perf_counter()
    network.sort(summaries)
    print(f"{'first sort (ranks every name)':<36} {(time.perf_counter() - started) * 1000:7.2f} ms")
    for key in SORTS:
        measure(f"sort by {SORTS[key]}", lambda key=key: network.sort(summaries, key), args.repeat)
        measure(
            f"sort by {SORTS[key]}, reversed", lambda key=key: network.sort(summaries, key, reverse=True), args.repeat
        )
    filters = {
        "tag": Filter(tag="python"),
        "company": Filter(company="Acme"),
        "target companies": Filter(targets_only=True),
        "hiring managers": Filter(hiring_managers=True),
        "due or overdue": Filter(due=True),
        "losing touch": Filter(losing_touch=True),
        "never contacted": Filter(never_contacted=True),
    }
    for label, wanted in filters.items():
        measure(f"filter: {label}", lambda wanted=wanted: network.filter(summaries, wanted, TODAY), args.repeat)
    measure("list rows: no filter, by name", lambda: network.listing(contacts, Filter(), TODAY), args.repeat)
    measure("referral index", lambda: build_referrals(contacts, config.is_target), args.repeat)
    measure("Today's queue (referrals and ranking)", lambda: _queue(contacts, config), args.repeat)
    # The synthetic network has a thousand follow-ups due, more than a day's goal, so the
    # ranking is skipped above; without them it ranks every contact due for a touch.
    unplanned = {key: replace(summary, follow_up=None) for key, summary in contacts.items()}
    measure("Today's queue, ranking everyone due", lambda: _queue(unplanned, config), args.repeat)
    measure("Today's keep-in-touch counts", lambda: touch_counts(summaries, config, TODAY, UTC), args.repeat)


if __name__ == "__main__":
    main()
