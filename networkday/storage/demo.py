"""A fresh, private copy of the demo data whose last day is today.

The shipped demo is written for one fixed day, recorded in its ``.anchor`` file. Each
copy moves every date by the days between that anchor and today, so the queue, the
follow-ups and the two weeks of history always end on the day the demo is opened. The
user's own data folder is never touched.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from datetime import date, timedelta
from pathlib import Path

from networkday.clock import clock_from_environ
from networkday.domain.shift import shift_dates
from networkday.paths import resource
from networkday.storage.atomic import DIR_MODE, ensure_dir, write_atomic
from networkday.storage.codec import dumps
from networkday.storage.problems import StoreError
from networkday.storage.templates import write_defaults

ANCHOR_FILE = ".anchor"


def demo_copy(today: date | None = None, target: Path | None = None) -> Path:
    """Copies the demo into ``target`` (default: a new ``networkday-demo-`` temp folder).

    Files are written 0600 in 0700 folders. A file with no dates to move is copied byte
    for byte, so its comments survive; the others are rewritten in format v1 and day
    files are renamed (and moved between year folders) to their new dates.
    """
    source = resource("demo")
    anchor = date.fromisoformat((source / ANCHOR_FILE).read_text("utf-8").strip())
    days = ((today or _today()) - anchor).days
    if target is None:
        target = Path(tempfile.mkdtemp(prefix="networkday-demo-"))
    else:
        ensure_dir(target)
        if any(target.iterdir()):
            raise StoreError(f"{target}: the folder is not empty; the demo is only copied into an empty one")
    os.chmod(target, DIR_MODE)
    for path in sorted(source.rglob("*.toml")):
        relative = path.relative_to(source)
        if any(part.startswith(".") for part in relative.parts):
            continue
        data = path.read_bytes()
        table = tomllib.loads(data.decode("utf-8"))
        shifted = shift_dates(table, days)
        write_atomic(target / _moved(relative, days), data if shifted == table else dumps(shifted))
    write_defaults(target)  # the demo starts as a new folder does: with the default templates
    return target


def _moved(relative: Path, days: int) -> Path:
    """``days/2026/2026-12-30.toml`` moved by three days is ``days/2027/2027-01-02.toml``."""
    if relative.parts[0] != "days":
        return relative
    moved = date.fromisoformat(relative.stem) + timedelta(days=days)
    return Path("days", f"{moved.year:04d}", f"{moved.isoformat()}.toml")


def _today() -> date:
    """The clock's today, so ``NETWORKDAY_NOW`` pins the demo as it pins the app."""
    try:
        return clock_from_environ().today()
    except ValueError:
        # A malformed NETWORKDAY_NOW: opening the store right after reports it properly.
        return date.today()


def discard_demo(folder: Path) -> None:
    """Removes a demo copy when the app closes, and what this machine kept for it (the reminders
    given); only folders this module made are touched."""
    import shutil

    from networkday.storage.machine_local import machine_dir

    if folder.name.startswith("networkday-demo-") and (folder / "contacts").is_dir():
        shutil.rmtree(machine_dir(folder), ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
