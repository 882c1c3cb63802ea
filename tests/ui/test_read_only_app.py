"""The app on a folder the user can read but not write: it starts, shows the folder, and a save names the cause.

As in tests/storage/test_read_only_folder.py, the app runs headless in a child process
as a user who does not own the folder: run as root, the child imports what the app
will need and then drops to ``nobody``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.folder_world import demo_folder, every_byte, make_read_only, outside_place, run_as_reader

CHILD = """
import argparse, asyncio, contextlib, importlib, os, pkgutil, sys
import concurrent.futures.process, concurrent.futures.thread, csv, hashlib, json, logging, zoneinfo
import select, selectors, signal, termios, tty, uuid, vobject, webbrowser
import networkday, textual
for package, skip in ((networkday, "networkday.__main__"), (textual, "textual.demo")):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not module.name.startswith(skip) and not module.name.endswith("__main__"):
            with contextlib.suppress(Exception):
                importlib.import_module(module.name)
from networkday.cli import build_app
from networkday.clock import clock_from_environ
from networkday.ui.widgets.contact_list import ContactList
clock_from_environ().now()
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


async def main():
    app = build_app(argparse.Namespace(data_dir=sys.argv[1], demo=False))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("2")
        await pilot.pause()
        app.screen.query_one(ContactList).select("aisha-bello")
        await pilot.press("enter")
        await pilot.pause()
        print("screen:", type(app.screen).__name__)
        await pilot.press("p")
        await pilot.pause()
        for notice in app._notifications:
            print(f"notice: {notice.title}: {notice.message}")


asyncio.run(main())
"""


@pytest.fixture
def place() -> Iterator[Path]:
    with outside_place() as path:
        yield path


def test_the_app_shows_a_read_only_folder_and_a_save_names_the_cause(place: Path) -> None:
    root = demo_folder(place / "data")
    make_read_only(root)
    before = every_byte(root)
    done = run_as_reader(CHILD, root, str(root))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    cause = f"{root / '.networkday'}: cannot be created (Permission denied), so nothing is saved (the lock lives there)"
    assert "screen: ContactScreen" in lines
    assert [line for line in lines if line.startswith("notice:")] == [
        f"notice: : {cause}",  # said once, as the app starts
        f"notice: Not saved: {root / 'days' / '2026' / '2026-11-25.toml'}: not saved: {cause}",  # p: plan a call
    ]
    assert every_byte(root) == before
