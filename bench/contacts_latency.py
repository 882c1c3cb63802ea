"""The Contacts screen at 30,000 contacts: list mount, cursor keys and search, key to frame.

Run from the repository root:  python bench/contacts_latency.py [--contacts 30000] [--keys 200] [--compare]

The app runs headless on a store in a temporary folder holding the synthetic network of
bench/network_data.py as summaries. Every frame Textual hands to the terminal is turned
into the bytes a terminal would get (so drawing is paid for) and stamped with the time;
a latency is the time from sending a key, as the terminal driver does, to the first
frame that shows its effect. ``--compare`` also mounts the same rows in DataTable and
OptionList beside the virtual list, which is how the list widget was chosen.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from network_data import synthetic_config, synthetic_summaries

from networkday.clock import FixedClock
from networkday.storage.store import Store

if TYPE_CHECKING:
    from textual.app import App

NOW = datetime.fromisoformat("2026-11-25T09:30:00+01:00")
SEARCHES = ("ma", "maria", "mari gar", "acme", "kubernetes", "zoe", "recruiter", "olga ivanova")


class Frames:
    """Stamps each frame with the time and what ``probe`` says the screen showed."""

    def __init__(self, app: App, probe: Callable[[], object]) -> None:
        from textual._compositor import CompositorUpdate

        self.seen: list[tuple[float, object]] = []
        original = app._display

        def display(screen, renderable) -> None:
            if renderable is not None:
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)
                self.seen.append((time.perf_counter(), probe()))
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]

    async def after(self, started: float, shows: Callable[[object], bool], timeout: float = 10.0) -> float:
        """Milliseconds from ``started`` to the first later frame for which ``shows`` holds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for stamp, state in self.seen:
                if stamp >= started and shows(state):
                    return (stamp - started) * 1000
            await asyncio.sleep(0.0005)
        raise TimeoutError("no frame showed the change")


def send_key(app: App, key: str) -> float:
    """Sends a key as the terminal driver does; returns when it was sent."""
    from textual import events

    started = time.perf_counter()
    char = {"space": " ", "slash": "/"}.get(key, key if len(key) == 1 else None)
    app._driver.send_message(events.Key(key, char))  # type: ignore[union-attr]
    return started


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"{label:<40} median {statistics.median(times):7.2f} ms   p95 {p95:7.2f} ms   max {times[-1]:7.2f} ms")


def network_store(count: int, folder: Path) -> Store:
    store = Store.open(folder, FixedClock(NOW))
    store.config = synthetic_config()
    store.contacts = {summary.id: summary for summary in synthetic_summaries(count)}
    return store


async def bench_screen(count: int, keys: int) -> None:
    from networkday.ui.app import create_app
    from networkday.ui.screens.contacts import ContactsScreen
    from networkday.ui.widgets.contact_list import ContactList

    with tempfile.TemporaryDirectory() as folder:
        store = network_store(count, Path(folder) / "data")
        app = create_app(store)

        def probe() -> tuple[bool, int, str]:
            screen = app.screen
            if not isinstance(screen, ContactsScreen):
                return False, -1, ""
            rows = screen.query_one(ContactList)
            return bool(rows.rows), rows.cursor, screen.query_text

        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            frames = Frames(app, probe)
            gc.collect()
            started = send_key(app, "2")
            mount = await frames.after(started, lambda state: state[0])
            print(f"{count} contacts, 120x40, headless; drawing to terminal bytes included")
            print(f"{'Contacts screen: key 2 to the list shown':<40} {mount:7.2f} ms")
            while app._search is None or app.workers:  # the screen builds it in a thread
                await asyncio.sleep(0.005)
            warmed = (time.perf_counter() - started) * 1000
            print(f"{'search index ready (built in a thread)':<40} {warmed:7.2f} ms after the key")
            await pilot.pause()
            for label, key, step in (
                ("cursor down (j)", "j", 1),
                ("cursor down (down)", "down", 1),
                ("page down", "pagedown", None),
            ):
                times = []
                for _ in range(keys if step else keys // 4):
                    before = probe()[1]
                    started = send_key(app, key)
                    times.append(await frames.after(started, lambda state, b=before: state[1] != b))
                report(label, times)
            times = []
            for key in ("end", "home") * (keys // 20):
                before = probe()[1]
                started = send_key(app, key)
                times.append(await frames.after(started, lambda state, b=before: state[1] != b))
            report("home / end", times)

            send_key(app, "slash")
            await pilot.pause()
            times = []
            for query in SEARCHES:
                typed = ""
                for char in query:
                    typed += char
                    started = send_key(app, "space" if char == " " else char)
                    times.append(await frames.after(started, lambda state, t=typed: state[2] == t))
                for _ in query:
                    typed = typed[:-1]
                    started = send_key(app, "backspace")
                    times.append(await frames.after(started, lambda state, t=typed: state[2] == t))
            report("search: a key typed or erased", times)


def list_app(make: Callable[[], object]) -> App:
    """An app holding one list widget alone, for the side-by-side measure."""
    from textual.app import App

    class ListApp(App[None]):
        def compose(self):
            yield make()

    return ListApp()


def row_cells(count: int) -> list[tuple[str, ...]]:
    return [
        (s.name, s.company, s.title, ", ".join(s.tags), str(len(s.entries)), str(s.follow_up or ""))
        for s in synthetic_summaries(count)
    ]


async def bench_widget(label: str, make: Callable[[], object], fill: Callable[[object], None]) -> None:
    app = list_app(make)
    async with app.run_test(size=(120, 40)) as pilot:
        widget = app.query_one("#list")
        frames = Frames(app, lambda: getattr(widget, "cursor_row", getattr(widget, "highlighted", None)))
        await pilot.pause()
        started = time.perf_counter()
        fill(widget)
        widget.focus()
        shown = await frames.after(started, lambda state: True)
        times = []
        for _ in range(60):
            before = frames.seen[-1][1] if frames.seen else None
            sent = send_key(app, "down")
            times.append(await frames.after(sent, lambda state, b=before: state != b))
        print(f"{label:<12} fill to frame {shown:8.1f} ms   ", end="")
        report("key to frame", times)


async def compare(count: int) -> None:
    from textual.widgets import DataTable, OptionList

    from networkday.ui.widgets.contact_list import ContactList
    from networkday.ui.widgets.contact_row import RowContext

    rows = row_cells(count)
    summaries = synthetic_summaries(count)
    context = RowContext(NOW.timestamp(), NOW.date(), lambda company: False)

    def fill_table(table) -> None:
        table.add_columns("Name", "Company", "Title", "Tags", "Touches", "Follow-up")
        table.add_rows(rows)

    def fill_options(options) -> None:
        options.add_options(["  ".join(row) for row in rows])

    class Probe(ContactList):
        @property
        def cursor_row(self) -> int:
            return self.cursor

    print(f"\nthe same {count} rows in three widgets")
    await bench_widget("DataTable", lambda: DataTable(id="list", cursor_type="row"), fill_table)
    await bench_widget("OptionList", lambda: OptionList(id="list", markup=False), fill_options)
    await bench_widget("ContactList", lambda: Probe(id="list"), lambda widget: widget.show(summaries, context))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--compare", action="store_true", help="also DataTable and OptionList with the same rows")
    parser.add_argument(
        "--fps", type=int, default=60, help="Textual's frame rate (60, as users run it; higher shows the work beneath)"
    )
    args = parser.parse_args()
    os.environ["TEXTUAL_FPS"] = str(args.fps)
    print(f"frames at most every {1000 / args.fps:.1f} ms (TEXTUAL_FPS={args.fps})")
    asyncio.run(bench_screen(args.contacts, args.keys))
    if args.compare:
        asyncio.run(compare(args.contacts))


if __name__ == "__main__":
    main()
