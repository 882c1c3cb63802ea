"""One locked read-change-write of a record file: the lock, the whole read, the checked write, the retry.

Every change is a function applied to the record as it is on disk *now*, under the
folder lock: another instance's or a hand edit made since the app loaded the record is
kept, because the change is applied on top of it instead of replacing it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from networkday.domain.day import Day
from networkday.storage.atomic import ChangedMeanwhile, Mark, write_atomic
from networkday.storage.catalogue import Catalogue
from networkday.storage.codec import ExactFloats, inexact_value
from networkday.storage.folder import Folder
from networkday.storage.links import save_target
from networkday.storage.lock import folder_lock
from networkday.storage.problems import StoreError, WriteError
from networkday.storage.records import Records, checked, day_check
from networkday.storage.settle import GIVE_UP, read_settled
from networkday.storage.written import note_written, written_here

T = TypeVar("T")
#: How often a rewrite reads a file again that another program wrote between its read and its rename.
REWRITE_TRIES = 5


class Rewriter:
    """The steps every save of a record is made of, for ``writes.Writes`` to compose."""

    def __init__(self, folder: Folder, records: Records, catalogue: Catalogue) -> None:
        self.folder = folder
        self.records = records
        self.catalogue = catalogue
        #: The open folder lock while this store holds it (``writing``), else None.
        self._lock_fd: int | None = None

    @contextlib.contextmanager
    def writing(self, path: Path) -> Iterator[None]:
        """The folder lock around one read-modify-write; a failing system call becomes a WriteError naming the file."""
        if self.folder.cannot_save is not None:
            raise WriteError(f"{path}: not saved: {self.folder.cannot_save}")
        try:
            with folder_lock(self.folder.lock_path) as lock_fd:
                self._lock_fd = lock_fd
                try:
                    yield
                finally:
                    self._lock_fd = None
        except OSError as error:
            raise WriteError(f"{path}: not saved, the file is unchanged: {error.strerror or error}") from error

    def on_disk(self, path: Path, make: Callable[[dict[str, Any]], T]) -> tuple[T | None, Mark]:
        """The record as it is on disk now, to change it, and the mark its rewrite compares
        (see ``read_whole``); refuses a broken file, a newer format's, and one holding a
        value a rewrite would change."""
        record, refusal, mark = self.read_whole(path, make)
        if refusal:
            raise StoreError(refusal)
        return record, mark

    def read_whole(self, path: Path, make: Callable[[dict[str, Any]], T]) -> tuple[T | None, str | None, Mark]:
        """The record as it is on disk now (under the lock), once it is whole (``settle.read_settled``),
        why it must not be written over (a newer format, a value it would change), if so, and
        the mark of the file read, which the rewrite compares just before its rename."""
        refusal: str | None = None

        def decode(data: bytes) -> T:
            nonlocal refusal
            floats = ExactFloats()
            record = self.records.decode(path, data, make, floats)
            refusal = inexact_value(path, data, floats)
            return record

        record, mark = read_settled(path, decode, self.written_here)
        if record is None:
            self.records.read_only.pop(path, None)
        return record, self.records.read_only_reason(path) or refusal, mark

    def day_on_disk(self, day: date) -> tuple[Day, str | None, Mark]:
        """The day as it is on disk now, to change it, why it must not be written over, if so,
        and the mark its rewrite compares. Call it only while holding the lock."""
        record, refusal, mark = self.read_whole(self.records.day_path(day), day_check(day))
        return record or Day(date=day), refusal, mark

    def write_locked(
        self, path: Path, table: dict[str, Any], check: Callable[[dict[str, Any]], object], read: Mark
    ) -> os.stat_result:
        """Saves through a link inside the folder (``links.save_target``); the file is whole again.

        ``read`` is the mark of the file the change was applied to: if another program
        wrote it since, nothing is written and ChangedMeanwhile is raised (see ``again``).
        """
        stat = write_atomic(save_target(path, self.records.root), checked(path, table, check), read)
        self.note_written([stat])
        return stat

    def written_here(self, stat: os.stat_result) -> bool:
        """Whether a file is exactly as a networkday write left it (``written``): then it is whole."""
        return self._lock_fd is not None and written_here(self._lock_fd, stat)

    def note_written(self, stats: Sequence[os.stat_result]) -> None:
        """Tells later rewrites, in this process and others, that these files are whole (``written``)."""
        if self._lock_fd is not None:
            note_written(self._lock_fd, stats)


def again(path: Path, attempt: Callable[[], T]) -> T:
    """Runs one read-change-write ``attempt`` again while another program wrote the file
    between its read and its rename (``atomic.ChangedMeanwhile``).

    The folder lock keeps out other networkday writers, but not an editor saving in
    place, a ``git checkout`` or a sync: their change is kept by reading the file again
    and applying the same change to it. A file changed under every one of
    ``REWRITE_TRIES`` tries, or for longer than ``settle.GIVE_UP`` seconds, is refused.
    """
    deadline = time.monotonic() + GIVE_UP
    tries = 1
    while True:
        try:
            return attempt()
        except ChangedMeanwhile:
            if tries == REWRITE_TRIES or time.monotonic() > deadline:
                raise kept_changing(path) from None
            tries += 1


def kept_changing(path: Path) -> StoreError:
    return StoreError(f"{path}: another program kept changing the file while it was being saved; not saved, try again")
