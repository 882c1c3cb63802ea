"""The Companies screen at 30,000 contacts and about 10,000 companies: key 4 to the first frame, and cursor moves.

Run from the repository root:  python bench/companies_screen.py [--contacts 30000] [--files 300] [--keys 200]

The network is bench/network_data.py's, as summaries, with two in three people moved to
one of 10,000 other companies, as after a LinkedIn import; ``--files`` company files
(one in five a target, each with an opportunity and two steps) are written first. The
timings are key to frame, drawing to terminal bytes included (see contacts_latency.py).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from contacts_latency import NOW, Frames, network_store, report, send_key  # a sibling script

from networkday.domain.companies import Company, Opportunity, Step
from networkday.storage.codec import dumps
from networkday.storage.store import Store

COMPANIES = 10_000


def spread(store: Store, seed: int = 1) -> int:
    """Moves two in three people to ``COMPANIES`` other companies; returns how many companies there are."""
    rng = random.Random(seed)
    for number, summary in enumerate(store.contacts.values()):
        if number % 3:
            summary.company = f"Firm {rng.randrange(COMPANIES)}"
    return len({summary.company for summary in store.contacts.values()})


def company_files(root: Path, count: int) -> None:
    folder = root / "companies"
    folder.mkdir(parents=True, mode=0o700)
    at = NOW - timedelta(days=10)
    for number in range(count):
        steps = (Step(at=at, stage="lead"), Step(at=at + timedelta(days=3), stage="applied", note="sent"))
        item = Opportunity(id="role", role="Staff engineer", stage="applied", steps=steps, opened=at.date())
        company = Company(id=f"firm-{number}", name=f"Firm {number}", target=number % 5 == 0, opportunities=(item,))
        (folder / f"firm-{number}.toml").write_bytes(dumps(company.to_dict()))


def today_hints(store: Store) -> None:
    """What Today pays after its first frame to name the opportunity each call serves."""
    from networkday.services.companies import opportunity_hints

    ids = list(store.contacts)[:50]
    for label in ("first read", "read again"):
        started = time.perf_counter()
        opportunity_hints(store, store.contacts, ids)
        text = "Today's opportunities, " + label
        print(f"{text:<40} {(time.perf_counter() - started) * 1000:7.2f} ms")


async def bench(count: int, files: int, keys: int) -> None:
    from networkday.ui.app import create_app
    from networkday.ui.screens.companies import CompaniesScreen
    from networkday.ui.widgets.company_list import CompanyList

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        company_files(root, files)
        store = network_store(count, root)
        companies = spread(store)
        today_hints(store)
        app = create_app(store)

        def probe() -> tuple[bool, int]:
            screen = app.screen
            if not isinstance(screen, CompaniesScreen):
                return False, -1
            rows = screen.query_one(CompanyList)
            return bool(rows.rows), rows.cursor

        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            frames = Frames(app, probe)
            gc.collect()
            started = send_key(app, "4")
            shown = await frames.after(started, lambda state: state[0])
            rows = len(app.screen.query_one(CompanyList).rows)
            print(f"{count} contacts, {companies} company names, {files} company files, {rows} rows; 120x40, headless")
            print(f"{'Companies screen: key 4 to the list shown':<40} {shown:7.2f} ms")
            await pilot.pause()
            for label, key in (("cursor down (j)", "j"), ("cursor up (k)", "k")):
                times = []
                for _ in range(keys):
                    before = probe()[1]
                    sent = send_key(app, key)
                    times.append(await frames.after(sent, lambda state, b=before: state[1] != b))
                report(label, times)
            times = []
            for key in ("1", "4") * (keys // 20):
                sent = send_key(app, key)
                if key == "4":
                    times.append(await frames.after(sent, lambda state: state[0]))
                else:
                    await pilot.pause()
            report("back to the screen (1, then 4)", times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument(
        "--fps", type=int, default=60, help="Textual's frame rate (60, as users run it; higher shows the work beneath)"
    )
    args = parser.parse_args()
    os.environ["TEXTUAL_FPS"] = str(args.fps)
    print(f"frames at most every {1000 / args.fps:.1f} ms (TEXTUAL_FPS={args.fps})")
    asyncio.run(bench(args.contacts, args.files, args.keys))


if __name__ == "__main__":
    main()
