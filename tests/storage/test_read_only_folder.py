"""A folder the user can read but not write: every reading command answers, a save names the cause.

The commands run in a child process as a user who does not own the folder. Run as root
(where a mode stops nothing), the child imports networkday first and then drops to
``nobody`` (the interpreter itself may sit where ``nobody`` cannot read); as anyone else
it keeps its user and the folder loses its write bits.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.storage.store import Store
from tests.folder_world import (
    NOW,
    READING_COMMANDS,
    demo_folder,
    every_byte,
    make_read_only,
    outside_place,
    run_as_reader,
)

#: The child: every module a command may import lazily is imported before it drops root.
CHILD = """
import concurrent.futures, csv, hashlib, json, os, pkgutil, sys, zoneinfo, importlib, vobject
import networkday
from networkday import cli
for module in pkgutil.walk_packages(networkday.__path__, "networkday."):
    if not module.name.startswith(("networkday.ui", "networkday.__main__")):
        importlib.import_module(module.name)
from networkday.clock import clock_from_environ, zone_clock
clock_from_environ().now()
zone_clock()
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.fixture
def place() -> Iterator[Path]:
    with outside_place() as path:
        yield path


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_as_reader(CHILD, root, "--data-dir", str(root), *args)


@pytest.fixture(params=["without a cache folder", "with a cache folder"])
def folder(request: pytest.FixtureRequest, place: Path) -> Path:
    root = demo_folder(place / "data")
    if request.param == "with a cache folder":
        Store.open(root, FixedClock(datetime.fromisoformat(NOW)))  # made by its owner, as their own start would
        assert (root / ".networkday" / "index.marshal").exists()
    make_read_only(root)
    return root


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_every_reading_command_answers_on_a_folder_it_cannot_write(folder: Path, command: list[str]) -> None:
    before = every_byte(folder)
    cache = every_byte(folder / ".networkday") if (folder / ".networkday").is_dir() else None
    done = _run(folder, *command)
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert "Traceback" not in done.stderr
    assert every_byte(folder) == before
    assert (every_byte(folder / ".networkday") if cache is not None else None) == cache


def test_a_save_names_the_real_cause(folder: Path) -> None:
    before = every_byte(folder)
    done = _run(folder, "log", "aisha-bello", "talked")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    refusal = done.stderr.splitlines()[-1]
    cache = folder / ".networkday"
    why = "cannot be written" if cache.is_dir() else "cannot be created (Permission denied)"
    assert refusal == (
        f"networkday: {folder / 'contacts' / 'aisha-bello.toml'}: not saved: {cache}: {why},"
        " so nothing is saved (the lock lives there)"
    )
    assert every_byte(folder) == before


def test_a_lock_the_user_cannot_write_is_named(place: Path) -> None:
    root = demo_folder(place / "data")
    Store.open(root, FixedClock(datetime.fromisoformat(NOW)))
    lock = root / ".networkday" / "lock"
    lock.write_bytes(b"")
    make_read_only(root)
    lock.chmod(0o400)
    before = every_byte(root)
    assert _run(root, "today").returncode == 0
    done = _run(root, "log", "aisha-bello", "talked")
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        f"networkday: {root / 'contacts' / 'aisha-bello.toml'}: not saved: {lock}: cannot be written,"
        " so nothing is saved (it is the folder lock)"
    )
    assert every_byte(root) == before
