"""A lock shared by every networkday process on one data folder.

It is held only around a read-modify-write, so two instances (two SSH sessions) take
turns per write instead of one locking the other out of the whole folder.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from networkday.storage.atomic import FILE_MODE
from networkday.storage.problems import StoreError


@contextmanager
def folder_lock(path: Path, timeout: float = 10.0) -> Iterator[int]:
    """Holds the lock file ``path`` and gives its open descriptor (its content is the hint
    of ``written``); a lock that cannot be opened is named with what to do, since the
    failure is about it and not about the record being saved."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    except IsADirectoryError:
        raise StoreError(
            f"{path}: the lock is a folder, not a file; nothing was saved. Remove it (rmdir) and try again"
        ) from None
    except OSError as error:
        raise StoreError(f"{path}: cannot open the lock file, nothing was saved: {error.strerror or error}") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(f"{path}: another networkday has held the lock for {timeout:.0f} s") from None
                time.sleep(0.005)
        try:
            yield fd
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
