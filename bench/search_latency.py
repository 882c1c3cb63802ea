"""Search-as-you-type latency at 30,000 contacts: median and p95 per typed prefix length.

Run from the repository root:  python bench/search_latency.py [--contacts 30000] [--rounds 5]

Each phrase is typed one character at a time, as a person types into the `/` box, and
every prefix is searched with no limit (the list shows every hit). The budget per
keystroke is 50 ms for search and redraw together. Wall time is what a person waits; CPU
time is printed beside it because on a shared machine the wall time includes waiting
for a core.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from network_data import synthetic_summaries

from networkday.domain.search import SearchIndex

PHRASES = ("jane muller", "zoë", "acme corp", "kubernetes", "smiht", "prya", "recruiter berlin", "o'brien", "李娜")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    summaries = synthetic_summaries(args.contacts)
    started = time.perf_counter()
    index = SearchIndex(summaries)
    build_ms = (time.perf_counter() - started) * 1000
    print(f"{args.contacts} contacts; index built in {build_ms:.0f} ms")
    # As the app does once its data is loaded: long-lived objects leave the collector's
    # scans, so a keystroke never pays for a full collection over the whole network.
    gc.freeze()

    wall: dict[int, list[float]] = {}
    cpu: dict[int, list[float]] = {}
    hits_by_length: dict[int, list[int]] = {}
    for _ in range(args.rounds):
        for phrase in PHRASES:
            for end in range(1, len(phrase) + 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                hits = index.search(phrase[:end])
                cpu.setdefault(end, []).append((time.process_time() - started_cpu) * 1000)
                wall.setdefault(end, []).append((time.perf_counter() - started) * 1000)
                hits_by_length.setdefault(end, []).append(len(hits))

    print(f"{'typed':>5} {'wall median':>12} {'wall p95':>9} {'cpu median':>11} {'cpu p95':>8} {'median hits':>12}")
    for length in sorted(wall):
        print(
            f"{length:>5} {statistics.median(wall[length]):>9.2f} ms {percentile(wall[length], 0.95):>6.2f} ms"
            f" {statistics.median(cpu[length]):>8.2f} ms {percentile(cpu[length], 0.95):>5.2f} ms"
            f" {statistics.median(hits_by_length[length]):>12.0f}"
        )
    for label, table in (("wall", wall), ("cpu", cpu)):
        every = [value for times in table.values() for value in times]
        print(
            f"all keystrokes, {label}: median {statistics.median(every):.2f} ms, p95 {percentile(every, 0.95):.2f} ms,"
            f" max {max(every):.2f} ms over {len(every)} searches"
        )

    changed = summaries[len(summaries) // 2]
    started = time.perf_counter()
    for number in range(100):
        changed.name = f"Renamed Person {number}"
        index.update(changed)
    print(f"update of one changed contact: {(time.perf_counter() - started) * 10:.3f} ms each")


if __name__ == "__main__":
    main()
