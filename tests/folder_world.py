"""A real data folder to damage, every byte of it to compare, and the ways the tests run networkday on it.

The commands run in-process through ``cli.main`` (a traceback fails the test), and the
app starts as ``cli.build_app`` starts it: from the index, with Today's preview if one fits.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from networkday.paths import resource

REPO = Path(__file__).resolve().parents[1]
#: The user a child process drops to when the tests run as root (where a mode stops nothing).
NOBODY = 65534
#: The demo folder's own day: the clock every test here is pinned to.
NOW = "2026-11-25T09:30:00+01:00"
#: Every command that only reads, as a person types it.
READING_COMMANDS = (
    ["check"],
    ["today"],
    ["review"],
    ["review", "--month"],
    ["export", "csv"],
    ["export", "ics"],
    ["export", "vcard"],
    ["export", "journal"],
    ["journal"],
    ["timer", "status"],
    ["timer", "report"],
)


def demo_folder(path: Path) -> Path:
    """A private copy of the demo data (40 people, two weeks of days) at ``path``."""
    shutil.copytree(resource("demo"), path)
    for folder, _, names in os.walk(path):
        os.chmod(folder, 0o700)
        for name in names:
            os.chmod(Path(folder) / name, 0o600)
    return path


def every_byte(root: Path) -> dict[str, bytes | None]:
    """Each file under ``root`` by its path, with its bytes (None for a folder): what must not change.

    The cache folder is left out: it is derived, and rebuilding it is allowed.
    """
    found: dict[str, bytes | None] = {}
    for path in sorted(root.rglob("*")):
        relative = str(path.relative_to(root))
        if relative.startswith(".networkday/") or (path.name == ".networkday" and path.is_dir()):
            continue
        found[relative] = path.read_bytes() if path.is_file() else None
    return found


def pin_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW)
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``networkday --data-dir root ARGS``: its exit code, stdout and stderr."""
    from networkday.cli import main

    capsys.readouterr()
    code = main(["--data-dir", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


async def start_app(root: Path, size: tuple[int, int] = (100, 30)) -> list[str]:
    """Starts the app as the CLI does, lets its first look at the folder finish, and returns
    what it told the person (notifications); an exception in the app fails the test."""
    from networkday.cli import build_app

    app = build_app(argparse.Namespace(data_dir=str(root), demo=False))
    try:
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return [notice.message for notice in app._notifications]
    finally:
        gc.unfreeze()
        gc.enable()


@contextlib.contextmanager
def outside_place() -> Iterator[Path]:
    """A folder outside pytest's, whose parents only their owner may enter; removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="networkday-read-only-"))
    try:
        yield path
    finally:
        for folder, _, _ in os.walk(path):
            os.chmod(folder, 0o700)
        shutil.rmtree(path)


def make_read_only(root: Path) -> None:
    """Takes away the write bits; as root, also hands the folder to ``nobody``, who then cannot write it."""
    for folder, _, names in os.walk(root.parent):
        if os.geteuid() == 0:
            os.chown(folder, NOBODY, NOBODY)
            for name in names:
                os.chown(Path(folder) / name, NOBODY, NOBODY)
    for folder, _, _ in os.walk(root):
        os.chmod(folder, 0o500)


def run_as_reader(child: str, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Python code ``child`` in a child process on ``root``; it drops root itself (see ``NOBODY``)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NETWORKDAY_NOW": NOW, "NETWORKDAY_TZ": "Europe/Berlin"}
    env.pop("NETWORKDAY_HOME", None)
    return subprocess.run(
        [sys.executable, "-c", child.replace("NOBODY", str(NOBODY)), *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=root.parent,
    )
