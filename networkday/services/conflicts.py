"""Sync conflicts, the use cases: count them, list them, and settle one, for Today, the screens and the command.

How they are found cheaply is ``storage.conflict_files``'s story; here each settle is said
back in words, and a running app keeps the people's count without looping over 30,000
summaries on every key (``ConflictTally``).
"""

from __future__ import annotations

from collections.abc import Callable

from networkday.domain.conflict_settle import ABSENT, shown
from networkday.domain.text import escape_name
from networkday.storage.conflict_files import Kind, RecordConflict, all_conflicts, record_conflicts, settle_conflict
from networkday.storage.store import Store

__all__ = [
    "ConflictTally",
    "Kind",
    "RecordConflict",
    "all_conflicts",
    "field_word",
    "find",
    "record_conflicts",
    "settle",
    "where",
]


#: The record kinds by the word ``where`` writes for them.
_KINDS: dict[str, Kind] = {"person": "person", "company": "company", "day": "day"}


def where(item: RecordConflict) -> str:
    """The record as the command names it: ``person/ada-lovelace``, ``company/acme``, ``day/2026-11-25``."""
    return f"{item.kind}/{item.record}"


def settle(store: Store, item: RecordConflict, *, take: bool) -> str:
    """Keeps the value in the file or takes the other, and says which, in one line (StoreError if not saved).

    Never "this machine's": the entry travels with the file, and on the machine that did
    not run the merge the kept value is the other machine's.
    """
    settle_conflict(store, item, take=take)
    field, origin = field_word(item.conflict.field), item.conflict.source
    if not take:
        return f"{item.title}: kept the {field} in the file ({'none' if item.ours is ABSENT else shown(item.ours)})"
    if item.conflict.removed:
        return f"{item.title}: {field} removed, the other value (merge with {origin})"
    return f"{item.title}: {field} is now {shown(item.conflict.theirs)}, the other value (merge with {origin})"


def field_word(field: str) -> str:
    """The field as the command's list prints it and ``find`` takes it back: on one line, a control
    as its escape (``title\\x1b``, ``a\\nb``), no field at all as ``""`` (a hand-made entry)."""
    return escape_name(field) or '""'


def find(store: Store, record: str, field: str) -> RecordConflict | None:
    """The first conflict of ``record`` (``kind/id``, as ``where`` prints it) in ``field``, or None.

    ``field`` as the file has it or as ``field_word`` printed it, so every listed conflict can be settled.
    """
    word, _, name = record.partition("/")
    kind = _KINDS.get(word)
    if kind is None or not name:
        return None
    return next(
        (
            item
            for item in record_conflicts(store, kind, name)
            if field in (item.conflict.field, field_word(item.conflict.field))
        ),
        None,
    )


class ConflictTally:
    """The people with conflicts, counted once from the summaries, then kept by the store's contact listeners.

    At 30,000 contacts a loop over the summaries costs about a millisecond; Today asks on
    every reload (every outcome key), so it is done once, and each contact the store
    re-reads (a save, the folder watch, a sync) updates the count by itself.
    """

    def __init__(self) -> None:
        self._store: Store | None = None
        self._people: set[str] = set()
        self._listener: Callable[[str], None] = self._changed

    def people(self, store: Store) -> int:
        """How many conflicts the people's files hold; the first call for a store counts them all."""
        if store is not self._store:
            self.close()
            self._store = store
            self._people = {summary.id for summary in store.contacts.values() if summary.conflicts}
            store.contact_listeners.append(self._listener)
        contacts = store.contacts
        return sum(contacts[contact_id].conflicts for contact_id in self._people if contact_id in contacts)

    def days(self, store: Store) -> int:
        """How many conflicts the day files hold: a loop over about a thousand summaries, microseconds."""
        return sum(summary.conflicts for summary in store.days.values() if summary.conflicts)

    def _changed(self, contact_id: str) -> None:
        assert self._store is not None
        summary = self._store.contacts.get(contact_id)
        if summary is not None and summary.conflicts:
            self._people.add(contact_id)
        else:
            self._people.discard(contact_id)

    def close(self) -> None:
        """Stops listening to the store (the screen that kept it goes)."""
        if self._store is not None and self._listener in self._store.contact_listeners:
            self._store.contact_listeners.remove(self._listener)
        self._store = None
