"""In-process measurements for bench/run.py; each runs in a fresh process and prints JSON.

    python bench/probes.py phases DATA          where start-up goes, step by step
    python bench/probes.py keys DATA            key-to-frame latency in the app
    python bench/probes.py saves DATA           one change saved: log an outcome, edit a note
    python bench/probes.py import CSV           a LinkedIn import into an empty folder
    python bench/probes.py memory DATA          peak RSS with the folder open and every screen used

Key-to-frame latency: Textual renders a frame in ``Screen._on_timer_update`` (at most 60
a second), which hands the compositor's update to ``App._display``; in a terminal,
``_display`` turns it into escape sequences (``render_segments``) and writes them. The
app runs headless here (``run_test``), where ``_display`` returns early, so the probe
wraps ``App._display`` to do that same conversion and note the time. A key is sent the
way Textual's own input does it (``driver.send_message(events.Key)``); the figures are
the time from sending it to the first frame after it, and to the last frame it caused
(the app then stays quiet for ``QUIET`` seconds). Keys are sent one at a time.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO))  # after PYTHONPATH: bench/run.py --code points it at another checkout

#: No frame for this long after a key: it has done all it will.
QUIET = 0.08
#: Phrases typed into search, one character at a time.
PHRASES = ("jane muller", "acme", "kubernetes", "zoë smiht")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def stats(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


def open_store(root: Path):
    from networkday.clock import clock_from_environ
    from networkday.storage.store import Store

    return Store.open(root, clock_from_environ())


# -- start-up, step by step -----------------------------------------------------------------


def phases(root: Path) -> dict[str, Any]:
    """Milliseconds per step of `networkday --data-dir ROOT` as cli.run_app takes them (headless)."""
    marks: dict[str, float] = {}
    began = time.perf_counter()

    def mark(label: str) -> None:
        marks[label] = (time.perf_counter() - began) * 1000

    gc.disable()  # as cli.run_app does; the app restarts the collector after its first frame
    import networkday.cli  # noqa: F401

    mark("import networkday.cli")
    from networkday.commands.common import open_store as command_open_store
    from networkday.storage.preview import load_preview

    store = command_open_store(argparse.Namespace(data_dir=str(root)), scan=False, contacts=False)
    preview = load_preview(store, store.clock.today())
    mark("open the store (its days) and Today's preview" if preview else "open the store (no preview)")
    from networkday.ui.app import create_app

    mark("import the app")
    app = create_app(store, quick_start=True, preview=preview)
    mark("create the app")

    async def first_frame() -> None:
        frames = FrameClock(app)  # before the app runs: its first frame comes before run_test hands over
        async with app.run_test(size=(120, 40)):
            while not frames.frames:
                await asyncio.sleep(0.001)
            marks["first frame (headless)"] = (frames.frames[0] - began) * 1000

    asyncio.run(first_frame())
    steps, last = {}, 0.0
    for label, at in marks.items():
        steps[label] = at - last
        last = at
    return {"steps": steps, "contacts": len(store.contacts), "days": len(store.days), "preview": bool(preview)}


# -- keys ------------------------------------------------------------------------------------


class FrameClock:
    """Notes when each frame leaves for the terminal (see the module's docstring)."""

    def __init__(self, app) -> None:
        self.app = app
        self.frames: list[float] = []
        self._seen = asyncio.Event()
        original = app._display

        def display(screen, renderable) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            if hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
            self.frames.append(time.perf_counter())
            self._seen.set()

        app._display = display

    async def press(self, key: str) -> tuple[float, float] | None:
        """(ms to the first frame, ms to the last) after ``key``; None when it drew nothing."""
        from textual import events

        char = " " if key == "space" else key if len(key) == 1 else None
        self.frames.clear()
        self._seen.clear()
        began = time.perf_counter()
        self.app._driver.send_message(events.Key(key, char))
        try:
            await asyncio.wait_for(self._seen.wait(), 5.0)
        except TimeoutError:
            return None
        while True:
            count = len(self.frames)
            await asyncio.sleep(QUIET)
            if len(self.frames) == count:
                break
        return (self.frames[0] - began) * 1000, (self.frames[-1] - began) * 1000

    async def settle(self) -> None:
        """Waits until the app has drawn everything it had to (no frame for QUIET)."""
        while True:
            count = len(self.frames)
            await asyncio.sleep(QUIET * 2)
            if len(self.frames) == count:
                return


def cli_app(root: Path):
    """The app as cli.run_app starts it (``cli.build_app``)."""
    from networkday.cli import build_app

    return build_app(argparse.Namespace(data_dir=str(root)))


async def _started(app) -> FrameClock:
    """Until the first screen is drawn and the work it put off (the folder look, the search index) is done."""
    clock = FrameClock(app)
    await clock.settle()
    await app.workers.wait_for_complete()
    await clock.settle()
    return clock


async def _keys(root: Path, moves: int) -> dict[str, Any]:
    app = cli_app(root)
    results: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)):
        clock = await _started(app)
        results["today: cursor down/up"] = await _moves(clock, moves)
        results["search: typing (add a person)"] = await _typing(clock, "a")
        if "contacts" in app.MODES:
            app.switch_mode("contacts")
            await clock.settle()
            results["network list: cursor down/up"] = await _moves(clock, moves)
            results["network list: rows"] = len(app.store.contacts)
    return results


async def _moves(clock: FrameClock, moves: int) -> dict[str, Any]:
    first, last = [], []
    for key in ["down"] * moves + ["up"] * moves:
        timing = await clock.press(key)
        if timing:
            first.append(timing[0])
            last.append(timing[1])
    return {"first": stats(first), "last": stats(last)}


async def _typing(clock: FrameClock, opener: str) -> dict[str, Any]:
    first, last = [], []
    for phrase in PHRASES:
        await clock.press(opener)
        await clock.settle()
        for char in phrase:
            timing = await clock.press("space" if char == " " else char)
            if timing:
                first.append(timing[0])
                last.append(timing[1])
        await clock.press("escape")
        await clock.settle()
    return {"first": stats(first), "last": stats(last)}


# -- saves -----------------------------------------------------------------------------------


def saves(root: Path, count: int) -> dict[str, Any]:
    """One change through the store: log an outcome, edit a note; as the app saves and as a command does.

    The app leaves the index cache to a write every few seconds (``Store.defer_index``); a
    command writes it with each change. Touches go round the first five people planned
    today, and every file touched is put back as it was afterwards, so runs can repeat.
    """
    from networkday.domain.contact import LogEntry
    from networkday.services.actions import log_touch

    store = open_store(root)
    today = store.clock.today()
    planned = [call.contact for call in store.day(today).calls][:5] or sorted(store.contacts)[:5]
    quiet = min(store.contacts.values(), key=lambda s: (len(s.entries), s.id)).id
    paths = [store.contact_path(contact_id) for contact_id in {*planned, quiet}] + [store.day_path(today)]
    kept = {path: path.read_bytes() if path.exists() else None for path in paths}
    now = store.clock.now().replace(microsecond=0)
    result: dict[str, Any] = {"contacts": len(store.contacts)}
    try:
        for mode, deferred in (("app", True), ("command", False)):
            store.defer_index = deferred
            logged, noted, logged_cpu, noted_cpu = [], [], [], []
            for number in range(count):
                entry = LogEntry(at=now + timedelta(seconds=number), channel="phone", outcome="talked")
                contact_id = planned[number % len(planned)]
                logged.append(_timed(lambda entry=entry, who=contact_id: log_touch(store, who, entry), logged_cpu))
                note = f"note {number}"
                edit = lambda note=note: store.update_contact(quiet, lambda c: setattr(c, "notes", note))  # noqa: E731
                noted.append(_timed(edit, noted_cpu))
                _restore(kept)
            result[f"log an outcome ({mode})"] = {**stats(logged), "cpu": statistics.median(logged_cpu)}
            result[f"edit a note ({mode})"] = {**stats(noted), "cpu": statistics.median(noted_cpu)}
    finally:
        _restore(kept)
        open_store(root)  # the index follows the files put back
    return result


def _restore(kept: dict[Path, bytes | None]) -> None:
    """Benchmark data only: the files as they were before the probe, so every save meets the same sizes."""
    for path, data in kept.items():
        if data is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(data)


def _timed(action: Callable[[], object], cpu: list[float] | None = None) -> float:
    """Wall milliseconds; with ``cpu``, the process's CPU milliseconds are noted there too."""
    began, began_cpu = time.perf_counter(), time.process_time()
    action()
    if cpu is not None:
        cpu.append((time.process_time() - began_cpu) * 1000)
    return (time.perf_counter() - began) * 1000


# -- import ----------------------------------------------------------------------------------


def import_rate(csv_path: Path, scratch: Path) -> dict[str, Any]:
    """Parse and import into an empty folder on the same disk as the data; rows per second."""
    from networkday.importers import parse_file
    from networkday.services.importer import import_source

    folder = Path(tempfile.mkdtemp(dir=scratch, prefix="import-"))
    try:
        store = open_store(folder / "data")
        began = time.perf_counter()
        source = parse_file("linkedin", csv_path)
        parsed = time.perf_counter()
        summary = import_source(store, source)
        done = time.perf_counter()
    finally:
        shutil.rmtree(folder)
    return {
        "rows": summary.rows,
        "added": len(summary.added),
        "parse s": parsed - began,
        "import s": done - parsed,
        "rows/s": summary.rows / (done - began),
    }


# -- memory ----------------------------------------------------------------------------------


async def _memory(root: Path) -> dict[str, Any]:
    app = cli_app(root)
    store = app.store
    opened = _rss_kb()
    async with app.run_test(size=(120, 40)):
        clock = await _started(app)
        for key in ("a", "j", "a", "n", "e", "escape"):
            await clock.press(key)
        await clock.settle()
        if "contacts" in app.MODES:
            app.switch_mode("contacts")
            await clock.settle()
        current = _rss_kb()
    return {
        "rss after open kB": opened,
        "rss with the app kB": current,
        "peak rss kB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "contacts": len(store.contacts),
    }


def _rss_kb() -> int:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("probe", choices=("phases", "keys", "saves", "import", "memory"))
    parser.add_argument("path", type=Path, help="the data folder (the CSV for import)")
    parser.add_argument("--count", type=int, default=30, help="keys each way, or saves of each kind")
    parser.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    gc.collect()
    if args.probe == "phases":
        result = phases(args.path)
    elif args.probe == "keys":
        result = asyncio.run(_keys(args.path, args.count))
    elif args.probe == "saves":
        result = saves(args.path, args.count)
    elif args.probe == "import":
        result = import_rate(args.path, args.scratch)
    else:
        result = asyncio.run(_memory(args.path))
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
