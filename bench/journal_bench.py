"""Figures, review, journal search and export at scale: prints medians, asserts nothing.

- The touch ledger over 30,000 synthetic contacts (bench/network_data.py, about 2.7 history
  entries each over 900 days) for one day, a week, a month and the whole history, beside
  a naive month built one day at a time (a pass over every contact per day).
- A month's review and one day's figures through the store's helpers.
- Three years of day files (1,100 by default) each holding a journal entry: listing
  (from the index), a full-text search (reads every file), the Markdown export, and one
  autosave.

    python bench/journal_bench.py [--contacts 30000] [--days 1100] [--runs 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pendulum  # noqa: E402

from bench.network_data import NOTE_WORDS, synthetic_summaries  # noqa: E402
from networkday.clock import FixedClock  # noqa: E402
from networkday.commands.journal import export_journal  # noqa: E402
from networkday.domain.day import Answer, Call, Day, Journal, TimeSession  # noqa: E402
from networkday.domain.figures import TouchLedger  # noqa: E402
from networkday.services.figures import day_figures, review  # noqa: E402
from networkday.services.journal import journal_days, save_journal, search_journal  # noqa: E402
from networkday.storage.codec import dumps  # noqa: E402
from networkday.storage.store import Store  # noqa: E402

TZ = pendulum.timezone("Europe/Berlin")
NOW = datetime(2026, 11, 25, 21, 0, tzinfo=TZ)
PROMPTS = ("Who did I help today?", "Who will help, and how?", "What will I do first tomorrow?")


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def write_days(root: Path, count: int) -> None:
    """Plain files, no fsync (benchmark data): a plan, two sessions and a journal per day."""
    rng = random.Random(11)
    today = NOW.date()
    for back in range(count):
        day = today - timedelta(days=back)
        start = datetime(day.year, day.month, day.day, 9, tzinfo=TZ)
        record = Day(
            date=day,
            calls=[Call(f"c{rng.randrange(30_000)}", outcome=rng.choice(("will", "wont", None))) for _ in range(5)],
            time=[
                TimeSession("networking", start, start + timedelta(hours=rng.uniform(2, 6))),
                TimeSession("other", start + timedelta(hours=7), start + timedelta(hours=8)),
            ],
            journal=Journal(
                rating=rng.randint(1, 5),
                answers=[Answer(p, " ".join(rng.choices(NOTE_WORDS, k=rng.randint(20, 80)))) for p in PROMPTS],
            ),
        )
        path = root / "days" / f"{day.year:04d}" / f"{day.isoformat()}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(dumps(record.to_dict()))


def bench_ledger(contacts: int, runs: int) -> None:
    summaries = synthetic_summaries(contacts)
    entries = sum(len(s.entries) for s in summaries)
    today = NOW.date()
    month_first = today.replace(day=1)
    print(f"touch ledger, {contacts} contacts, {entries} history entries (median of {runs})")
    for label, first in (
        ("one day", today),
        ("a week", today - timedelta(days=6)),
        ("a month", month_first),
        ("900 days", today - timedelta(days=900)),
    ):
        ms = median_ms(lambda first=first: TouchLedger.build(summaries, first, today, TZ), runs)
        print(f"  {label:<10} {ms:8.1f} ms")
    days = [month_first + timedelta(days=i) for i in range((today - month_first).days + 1)]
    naive = median_ms(lambda: [TouchLedger.build(summaries, d, d, TZ) for d in days], max(runs // 2, 1))
    once = median_ms(lambda: TouchLedger.build(summaries, month_first, today, TZ), runs)
    print(f"  a month built day by day: {naive:.1f} ms, {naive / once:.1f}x the one-pass ledger")


def bench_journal(contacts: int, days: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        write_days(root, days)
        start = time.perf_counter()
        store = Store.open(root, FixedClock(NOW))
        indexed = (time.perf_counter() - start) * 1000
        # The summaries the index would hold for a network this size (writing 30,000 files is not the point here).
        store.contacts.update({s.id: s for s in synthetic_summaries(contacts)})
        print(f"\njournal, {days} day files ({len(store.days)} indexed in {indexed:.0f} ms), {contacts} contacts")
        print(f"  journal_days (index only)  {median_ms(lambda: journal_days(store), runs):8.1f} ms")
        print(f"  search_journal, a word     {median_ms(lambda: search_journal(store, 'café'), runs):8.1f} ms")
        print(f"  search_journal, no match   {median_ms(lambda: search_journal(store, 'zzzz'), runs):8.1f} ms")
        print(f"  export journal (Markdown)  {median_ms(lambda: export_journal(None, store), runs):8.1f} ms")
        print(f"  review of a month          {median_ms(lambda: review(store, 'month', NOW.date()), runs):8.1f} ms")
        print(f"  one day's figures          {median_ms(lambda: day_figures(store, NOW.date()), runs):8.1f} ms")
        today: date = NOW.date()

        def autosave() -> None:
            base = store.day(today).journal
            edited = Journal(rating=base.rating, answers=[Answer(a.prompt, a.text + "x") for a in base.answers])
            save_journal(store, today, base, edited)

        print(f"  one autosave (save_journal) {median_ms(autosave, runs):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--days", type=int, default=1100)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bench_ledger(args.contacts, args.runs)
    bench_journal(args.contacts, args.days, args.runs)


if __name__ == "__main__":
    main()
