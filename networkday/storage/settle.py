"""Reading a record to rewrite it only once no other program is writing it in place.

Some editors (nano; vim with ``backupcopy=yes``) save by truncating the file and writing
it again. A read that lands in between sees a shorter file, often still valid TOML; a
rewrite built on it would rename over the file, and the editor's tail would go on into
the unlinked inode. So a read for a rewrite is trusted only when the file did not move
while it was read, and when it is not shorter than what was known of it a moment ago
while it is still being changed. Otherwise it is read again after a pause; a file that
keeps changing is refused.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from networkday.storage.atomic import ABSENT, Mark, mark_of_stat, read_with_stat
from networkday.storage.problems import ProblemError, StoreError

T = TypeVar("T")

#: Seconds since its last change during which a file shorter than known may be half-written.
SETTLE = 2.0
#: Seconds a rewrite waits for such a file to be whole again before it is refused.
GIVE_UP = 3.0
POLL = 0.05


def settling(stat: os.stat_result) -> bool:
    """Whether the file changed so recently that a writer may still be at it.

    A time further ahead than that is no writer here (a sync that kept another machine's
    clock): such a file would otherwise be refused until the clock caught up with it.
    """
    return abs(time.time() - stat.st_mtime_ns / 1e9) < SETTLE


def read_settled(
    path: Path, decode: Callable[[bytes], T], count: Callable[[Any], int], known: tuple[int, int] | None
) -> tuple[T | None, Mark]:
    """The record in ``path`` as ``decode`` builds it, once it is whole, and the mark of the
    file it was read from (``atomic.Mark``: a rewrite compares it before its rename); None
    and ABSENT when there is no file.

    ``known`` is the size and the count of entries (history, calls) last known of the file.
    A read is retried while the file changes under it, and while it changed within
    ``SETTLE`` seconds and is smaller or holds fewer entries than known, or is broken and
    smaller: a file cut short longer ago is what its writer left, a broken one is refused
    with ``decode``'s ProblemError. One still changing after ``GIVE_UP`` seconds is refused
    with a StoreError. A file that reads whole at once costs one more stat than a plain read.
    """
    size, entries = known or (0, 0)
    deadline = time.monotonic() + GIVE_UP
    while True:
        try:
            data, before = read_with_stat(path)
            after = os.stat(path)
        except FileNotFoundError:
            return None, ABSENT
        moved = (before.st_ino, before.st_size, before.st_mtime_ns) != (after.st_ino, after.st_size, after.st_mtime_ns)
        if not moved and len(data) == after.st_size:
            cut = known is not None and settling(after)
            try:
                record = decode(data)
            except ProblemError:
                if not (cut and after.st_size < size):
                    raise
            else:
                if not (cut and (after.st_size < size or count(record) < entries)):
                    return record, mark_of_stat(after)
        if time.monotonic() > deadline:
            raise StoreError(f"{path}: the file is being written by another program; not saved, try again")
        time.sleep(POLL)
