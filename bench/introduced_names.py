"""The log prompt's "Introduced them to" at 30,000 contacts: ids typed, one name, two names, beside the queue.

Run from the repository root:  python bench/introduced_names.py [--contacts 30000] [--repeat 9]

``domain.introduced.introduced_from`` runs once, when Enter saves the prompt: an id is a
dict lookup, a name one bisection of the search index's name order (``SearchIndex.named``);
beside it, the plain way of folding and comparing every name. Printed beside
the help-others queue (bench/helping_queue.py), which runs at every reload of Today, so
the ratio says what the save adds in units of something already paid.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from helping_queue import TODAY, helping_network
from network_data import synthetic_config

from networkday.domain.day import Day
from networkday.domain.helping import helping_queue, week_gives
from networkday.domain.introduced import introduced_from
from networkday.domain.search import SearchIndex
from networkday.domain.text import fold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    contacts = helping_network(args.contacts)
    config = synthetic_config()
    names = [contacts["c1"].name, contacts["c2"].name]
    named = SearchIndex(contacts.values()).named

    def every_name(name: str) -> list[str]:
        """The plain way: fold and compare every name (what the index's bisection replaces)."""
        wanted = fold(name)
        return [summary.id for summary in contacts.values() if fold(summary.name) == wanted]

    def queue() -> object:
        gives = week_gives(contacts.values(), TODAY, UTC, config.helping.gives_per_week)
        return helping_queue(Day(TODAY), contacts, config, TODAY, tz=UTC, gives=gives)

    runs: dict[str, Callable[[], object]] = {
        "helping queue (each reload of Today)": queue,
        "introduced: two ids": lambda: introduced_from("c1, c2", contacts, named),
        "introduced: two names, by the index": lambda: introduced_from(", ".join(names), contacts, named),
        "introduced: two names, every name": lambda: introduced_from(", ".join(names), contacts, every_name),
    }
    times: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(args.repeat):
        for label, run in runs.items():
            start = time.perf_counter()
            run()
            times[label].append((time.perf_counter() - start) * 1000)
    base = statistics.median(times["helping queue (each reload of Today)"])
    print(f"At {args.contacts:,} contacts, {args.repeat} runs each, taking turns")
    for label, spent in times.items():
        median = statistics.median(spent)
        print(f"  {label:<38} median {median:7.2f} ms   slowest {max(spent):7.2f} ms   {median / base:5.2f}x the queue")


if __name__ == "__main__":
    main()
