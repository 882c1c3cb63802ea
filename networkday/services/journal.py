"""The journal on disk: saving an edit without clobbering a hand edit, listing and searching.

Saving is a three-way merge done under the store's lock. The caller passes the journal
as it was loaded (``base``) and as the person left it (``edited``); the change is applied
to the day file as it is on disk *now*. Per answer and for the rating:

- unchanged by the person: whatever is on disk stays (a hand edit survives);
- changed by the person, and on disk still as loaded (or already the same): saved;
- changed by the person *and* changed differently on disk since loading: refused with
  :class:`ConflictError` naming the prompts, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from networkday.domain.day import Answer, Day, Journal
from networkday.domain.errors import ConflictError
from networkday.domain.journal import Hit, search
from networkday.domain.journal_draft import answer_keys
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

RATING = "rating"


@dataclass(frozen=True, slots=True)
class JournalDay:
    """A row of the browse list, from the index: no file is read to list the journal."""

    date: date
    rating: int | None
    first_line: str


def merge_journal(disk: Journal, base: Journal, edited: Journal) -> None:
    """Applies the person's changes (base to edited) onto ``disk`` in place, or raises ConflictError."""
    conflicts: list[str] = []
    if edited.rating != base.rating and disk.rating not in (base.rating, edited.rating):
        conflicts.append(RATING)
    before, on_disk = answer_keys(base), answer_keys(disk)
    changes = []
    for key, answer in answer_keys(edited).items():
        old = before[key].text if key in before else ""
        if answer.text == old:
            continue
        current = on_disk[key].text if key in on_disk else ""
        if current not in (old, answer.text):
            conflicts.append(key[0])
        changes.append((key, answer.text))
    if conflicts:
        names = ", ".join(repr(name) for name in conflicts)
        raise ConflictError(
            f"changed in the day file since it was opened: {names}; reload to see both", tuple(conflicts)
        )
    if edited.rating != base.rating:
        disk.rating = edited.rating
    for key, text in changes:
        if key in on_disk:
            on_disk[key].text = text
        else:
            disk.answers.append(Answer(key[0], text))


def save_journal(store: Store, day: date, base: Journal, edited: Journal) -> Journal:
    """Saves the person's edit of ``day``'s journal; returns the journal now on disk.

    Use the returned journal as the next ``base`` (the UI's autosave does this after
    every save). It may differ from ``edited`` where a hand edit to *other* answers was
    kept. Raises ConflictError (nothing written) when the same answer or the rating was
    changed on disk since ``base`` was loaded, and StoreError when the day file is
    unreadable or read-only. An edit that changes nothing writes nothing.
    """
    if edited == base:
        return store.day(day).journal
    record = store.update_day(day, lambda record: merge_journal(record.journal, base, edited))
    return record.journal


def journal_days(store: Store) -> list[JournalDay]:
    """Every day with a rating or some text, newest first, from the index (fast at any size)."""
    rows = [
        JournalDay(date.fromordinal(s.date), s.rating, s.first_line)
        for s in store.days.values()
        if s.rating is not None or s.first_line
    ]
    rows.sort(key=lambda row: row.date, reverse=True)
    return rows


def journal_entries(store: Store, first: date | None = None, last: date | None = None) -> Iterator[Day]:
    """Reads the day files holding a journal, oldest first, skipping those that cannot be read.

    Unreadable files are already listed in ``store.problems`` by the scan. Reading is
    I/O-bound: run it off the UI thread (about 1,100 files take well under a second,
    see bench/journal_bench.py).
    """
    for row in reversed(journal_days(store)):
        if (first and row.date < first) or (last and row.date > last):
            continue
        try:
            yield store.day(row.date)
        except StoreError:
            continue


def search_journal(store: Store, query: str, limit: int | None = None) -> list[Hit]:
    """Full-text search over every answer, ignoring case and accents; newest day first."""
    return search(((day.date, day.journal) for day in journal_entries(store)), query, limit)
