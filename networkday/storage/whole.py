"""What a rewrite must find of a record file to take it for whole: its size and count of entries."""

from __future__ import annotations

import os
from pathlib import Path

from networkday.domain.summary import ContactSummary, DaySummary
from networkday.storage.index import IndexEntry
from networkday.storage.settle import settling


class Fuller:
    """Files a scan found shorter than the index knew them while they were still being
    changed, with that (size, count of entries): a rewrite compares against it."""

    def __init__(self) -> None:
        self._known: dict[Path, tuple[int, int]] = {}

    def get(self, path: Path) -> tuple[int, int] | None:
        return self._known.get(path)

    def whole_again(self, path: Path) -> None:
        """The file was just written whole by this store."""
        self._known.pop(path, None)

    def note(self, path: Path, known: tuple[int, int] | None, count: int | None) -> None:
        """Remembers what the index knew of a file that reads shorter (or broken: ``count`` None)
        while it is still changing: an editor may be writing it in place, and a rewrite must
        not take it for the whole (see ``settle.read_settled``). Files the index did not know
        cost nothing here."""
        if known is None:
            return
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return
        smaller = stat.st_size < known[0] or (count is not None and count < known[1])
        if settling(stat) and smaller:
            self._known[path] = max(known, self._known.get(path, known))
        else:
            self._known.pop(path, None)


def contact_known(entry: IndexEntry | None) -> tuple[int, int] | None:
    """An index entry's size and count of history entries; None for a file it could not read."""
    if entry is None or entry.row is None:
        return None
    return entry.size, len(ContactSummary.from_row(entry.row).entries)


def day_known(entry: IndexEntry | None) -> tuple[int, int] | None:
    if entry is None or entry.row is None:
        return None
    summary = DaySummary.from_row(entry.row)
    return entry.size, summary.planned + len(summary.sessions)
