"""The sync conflicts of the data folder: found without reading every file, and settled under the lock.

Finding them must cost nothing at 30,000 contacts, on start-up or on a key:

- a contact's and a day's summary in the index cache carry their file's count of
  ``[[conflict]]`` entries (``ContactSummary.conflicts``, ``DaySummary.conflicts``). The
  index already parses a file again whenever its mtime or size changed (a sync's merge,
  the folder watch, another process), so the count follows at no extra cost, and
  counting the whole folder is a loop over summaries already in memory;
- companies are not in the index and are never read at start-up; ``Store.company_conflicts``
  reads them as Today's company figures are read, after the first frame: stats, and the
  bytes of a changed file, parsed only when they hold a ``[[conflict]]`` header.

Only the files that hold conflicts are read, to list them. Settling one goes through the
store's own locked writes (``Store.update_contact``, ``update_day``, ``update_company``),
applied to the record as it is on disk then: another process's change made meanwhile is
kept, a conflict settled meanwhile elsewhere is reported, not settled twice, and one whose
field another process changed meanwhile is reported, not settled over a value unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from networkday.clock import zone_of
from networkday.domain.companies import Company
from networkday.domain.conflict_settle import Conflict, SettleError, conflicts_of, ours, settle
from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.errors import RecordError
from networkday.domain.record_merge import same
from networkday.storage.problems import ProblemError, StoreError
from networkday.storage.store import Store

#: What holds a conflict: a person, a company or a day.
Kind = Literal["person", "company", "day"]


@dataclass(frozen=True)
class RecordConflict:
    """One conflict with its record, as read now."""

    kind: Kind
    #: The contact's or company's id, or the day as ``YYYY-MM-DD``.
    record: str
    #: The person's or company's name, or the day's date: what a person recognises.
    title: str
    conflict: Conflict
    #: This machine's value of the field as the file holds it (``conflict_settle.ABSENT``: none).
    ours: Any
    path: Path


def record_conflicts(store: Store, kind: Kind, record: str) -> list[RecordConflict]:
    """One record's conflicts, read from its file now; a file that cannot be read has none here (``check`` says why)."""
    try:
        if kind == "person":
            contact = store.contact(record)
            return _of(kind, record, contact.name, contact.to_dict(), store.contact_path(record))
        if kind == "company":
            company = store.company(record)
            return _of(kind, record, company.name, company.to_dict(), store.company_path(record))
        day = date.fromisoformat(record)
        return _of(kind, record, f"{day:%a %d %b %Y}", store.day(day).to_dict(), store.day_path(day))
    except (ProblemError, StoreError, ValueError):
        return []


def all_conflicts(store: Store) -> list[RecordConflict]:
    """Every conflict in the folder: people by name, then companies, then days, newest first."""
    found: list[RecordConflict] = []
    people = sorted((s.name, s.id) for s in store.contacts.values() if s.conflicts)
    for _, contact_id in people:
        found += record_conflicts(store, "person", contact_id)
    for company_id in sorted(store.company_conflicts()):
        found += record_conflicts(store, "company", company_id)
    for ordinal in sorted((o for o, s in store.days.items() if s.conflicts), reverse=True):
        found += record_conflicts(store, "day", date.fromordinal(ordinal).isoformat())
    return found


def _of(kind: Kind, record: str, title: str, table: dict[str, Any], path: Path) -> list[RecordConflict]:
    return [RecordConflict(kind, record, title, c, ours(table, c.field), path) for c in conflicts_of(table)]


def settle_conflict(store: Store, item: RecordConflict, *, take: bool) -> None:
    """Keeps this machine's value (``take=False``) or takes the other's; the entry goes either way.

    StoreError when it cannot be saved, or when the conflict was settled meanwhile.
    """
    conflict, path = item.conflict, item.path

    def settled(table: dict[str, Any]) -> dict[str, Any]:
        if not same(ours(table, conflict.field), item.ours):
            # Another process wrote the field after the list was read: taking would overwrite a
            # value the person never saw, and keeping would keep one they did not choose.
            raise StoreError(f"{path}: not settled: {conflict.field} changed since it was listed; look at it again")
        try:
            return settle(table, conflict, take=take)
        except SettleError as error:
            raise StoreError(f"{path}: not settled: {error}") from None

    def rebuilt(make: Any, table: dict[str, Any]) -> Any:
        try:
            record = make(settled(table))
        except RecordError as error:
            raise StoreError(f"{path}: not settled, the other value does not fit here: {error}") from None
        if take and not conflict.removed and ours(record.to_dict(), conflict.field) != conflict.theirs:
            # A field the record rebuilds itself (``format``) would take nothing and lose the entry.
            raise StoreError(f"{path}: not settled, the other value of {conflict.field} would not be saved")
        return record

    if item.kind == "person":
        store.update_contact(
            item.record, lambda c: _become(c, rebuilt(lambda t: Contact.from_dict(c.id, t), c.to_dict()))
        )
    elif item.kind == "day":
        day = date.fromisoformat(item.record)
        store.update_day(day, lambda d: _become(d, rebuilt(lambda t: Day.from_dict(t, day), d.to_dict())))
    else:
        zone = zone_of(store.clock.now())
        store.update_company(item.record, lambda c: rebuilt(lambda t: Company.from_dict(c.id, t, zone), c.to_dict()))


def _become(record: Contact | Day, new: Contact | Day) -> None:
    """The record the store is saving takes every field of the settled one (the store saves in place)."""
    vars(record).update(vars(new))
