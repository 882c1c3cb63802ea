"""Reading a record to rewrite it only once no other program is writing it in place.

Some editors (nano; vim with ``backupcopy=yes``) save by truncating the file and writing
it again. A read that lands in between sees a shorter file, often still valid TOML; a
rewrite built on it would rename over the file, and the editor's tail would go on into
the unlinked inode. What networkday itself knew of the file (its index, a cache that a
fresh clone does not even have) cannot tell such a read from the whole file, so it is
not asked. Instead:

1. a file exactly as a networkday write left it is whole: every networkday writer holds
   the folder lock and writes by rename (``written``), so it never leaves half a file;
2. a file that did not change for ``SETTLE`` seconds is taken as its writer left it;
3. any other file, changed within ``SETTLE`` seconds by another program, is read again
   once it has been quiet for ``SETTLE`` seconds, and refused if that takes longer than
   ``GIVE_UP`` seconds.

The bound: a program that stops in the middle of an in-place save for ``SETTLE``
seconds or more is taken as done, and what it writes after that lands in a file the
rewrite replaced. No reader can tell such a pause from the end of a save.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from networkday.storage.atomic import ABSENT, Mark, mark_of_stat, read_with_stat
from networkday.storage.problems import ProblemError, StoreError

T = TypeVar("T")

#: Seconds a file another program changed must stay unchanged before a rewrite trusts it.
SETTLE = 2.0
#: Seconds a rewrite waits for such a file before it is refused: a save that takes a
#: second or two, then ``SETTLE`` seconds of quiet.
GIVE_UP = 5.0
POLL = 0.05


def settling(stat: os.stat_result) -> bool:
    """Whether the file changed so recently that a writer may still be at it.

    A time further ahead than that is no writer here (a sync that kept another machine's
    clock): such a file would otherwise be refused until the clock caught up with it.
    """
    return abs(time.time() - stat.st_mtime_ns / 1e9) < SETTLE


def read_settled(
    path: Path, decode: Callable[[bytes], T], ours: Callable[[os.stat_result], bool]
) -> tuple[T | None, Mark]:
    """The record in ``path`` as ``decode`` builds it, once it is whole, and the mark of the
    file it was read from (``atomic.Mark``: a rewrite compares it before its rename); None
    and ABSENT when there is no file.

    ``ours`` says whether a file is exactly as a networkday write left it (see the module's
    rules). A read is retried while the file changes under it, and while another program
    changed it within ``SETTLE`` seconds, sleeping until that much quiet has passed. A
    broken file is refused with ``decode``'s ProblemError once it is settled; one not
    settled after ``GIVE_UP`` seconds is refused with a StoreError. A file that reads whole
    at once costs one more stat than a plain read, and ``ours`` when it changed recently.
    """
    deadline = time.monotonic() + GIVE_UP
    while True:
        try:
            data, before = read_with_stat(path)
            after = os.stat(path)
        except FileNotFoundError:
            return None, ABSENT
        pause = POLL
        moved = (before.st_ino, before.st_size, before.st_mtime_ns) != (after.st_ino, after.st_size, after.st_mtime_ns)
        if not moved and len(data) == after.st_size:
            whole = not settling(after) or ours(after)
            try:
                record = decode(data)
            except ProblemError:
                if whole:
                    raise
            else:
                if whole:
                    return record, mark_of_stat(after)
            pause = max(POLL, SETTLE - (time.time() - after.st_mtime_ns / 1e9))
        left = deadline - time.monotonic()
        if left <= 0:
            raise StoreError(f"{path}: the file is being written by another program; not saved, try again")
        time.sleep(min(pause, left))
