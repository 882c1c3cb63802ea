"""The journal and review screens at scale, headless: prints medians, asserts nothing.

Three years of day files with a journal each (bench/journal_bench.py writes them) and the
summaries of a large network (bench/network_data.py), then, in a headless app at 80x24:

- opening the journal (the mode's first show) and the day's figures it refreshes on each return;
- what each keystroke costs the screen (the draft's bookkeeping) and one autosave;
- the list of days (every day written, from the index) and a search: the first reads
  every day file in a worker thread, later ones reuse what it read;
- the review: a week, a month, and paging back a month.

    python bench/journal_ui.py [--contacts 30000] [--days 1100] [--runs 7]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.journal_bench import NOW, write_days  # noqa: E402
from bench.network_data import synthetic_summaries  # noqa: E402
from networkday.clock import FixedClock  # noqa: E402
from networkday.storage.store import Store  # noqa: E402
from networkday.ui.app import create_app  # noqa: E402


async def timed(action) -> float:
    start = time.perf_counter()
    result = action()
    if asyncio.iscoroutine(result) or hasattr(result, "__await__"):
        await result
    return (time.perf_counter() - start) * 1000


def line(label: str, values: list[float]) -> None:
    print(f"  {label:<38} {statistics.median(values):8.1f} ms  (max {max(values):.1f})")


async def run(store: Store, runs: int) -> None:
    from networkday.ui.modals.journal_days import JournalDays
    from networkday.ui.screens.journal import JournalScreen
    from networkday.ui.screens.review import ReviewScreen

    app = create_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        first = await timed(lambda: app.switch_mode("journal"))
        print(f"  {'journal, first show (import, compose)':<38} {first:8.1f} ms")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        line("journal, shown again (figures refreshed)", [await timed(screen._show_figures) for _ in range(runs)])
        draft = screen.draft
        assert draft is not None
        key = draft.sections()[0][0]
        keystroke = []
        for index in range(runs * 10):
            keystroke.append(await timed(lambda index=index: (draft.set_text(key, "x" * index), draft.dirty)))
        line("a keystroke's bookkeeping", keystroke)
        saves = []
        for index in range(runs):
            draft.set_text(key, f"saved {index}")
            saves.append(await timed(screen.flush))
        line("one autosave (flush)", saves)

        await pilot.pause(1.0)  # let the start-up's own work (the Today screen's queue) finish first
        listing = []
        for _ in range(runs):
            start = time.perf_counter()
            screen.action_browse()
            await pilot.pause()
            listing.append((time.perf_counter() - start) * 1000)
            assert isinstance(app.screen, JournalDays)
            app.screen.dismiss(None)
            await pilot.pause()
        line(f"list of days ({len(store.days)} rows), incl. one pause", listing)

        screen.action_search()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, JournalDays)
        for label, query in (("first search (reads every file)", "cafe"), ("next search (what was read)", "zz")):
            start = time.perf_counter()
            dialog._search(query)
            await app.workers.wait_for_complete()
            print(f"  {label:<38} {(time.perf_counter() - start) * 1000:8.1f} ms")
        dialog.dismiss(None)
        await pilot.pause()

        await app.switch_mode("review")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        line("review, a week", [await timed(lambda: review.action_kind("week")) for _ in range(runs)])
        line("review, a month", [await timed(lambda: review.action_kind("month")) for _ in range(runs)])
        pages = []
        for _ in range(runs):
            pages.append(await timed(lambda: review.action_move(-1)))
            review.action_this_period()
        line("review, a month back", pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--days", type=int, default=1100)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        write_days(root, args.days)
        store = Store.open(root, FixedClock(NOW))
        store.contacts.update({s.id: s for s in synthetic_summaries(args.contacts)})
        print(f"journal and review screens: {args.days} day files, {args.contacts} contacts, 80x24 headless")
        asyncio.run(run(store, args.runs))


if __name__ == "__main__":
    main()
