"""Operations that touch more than one file, shared by the commands and the app."""

from __future__ import annotations

from datetime import date

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.plan import put_on, take_off
from networkday.domain.touch import KEEP, apply_touch, mark_call
from networkday.storage.store import Store


def log_touch(
    store: Store,
    contact_id: str,
    entry: LogEntry,
    *,
    follow_up: date | object | None = KEEP,
    purpose: str = "",
) -> Contact:
    """Writes the touch to the contact's history, then marks that day's call made.

    The contact is written first: if the second write fails, the history (the record
    that matters) is already safe and the day's call can be marked again.
    """
    contact = store.update_contact(contact_id, lambda c: apply_touch(c, entry, follow_up))
    if entry.outcome:
        store.update_day(entry.at.date(), lambda day: mark_call(day, entry, contact_id, purpose))
    return contact


def postpone(store: Store, day: date, contact_id: str, target: date) -> None:
    """Moves a person from ``day`` to ``target``: the call (if planned) and the follow-up.

    The target day is written before the person leaves ``day``, so a crash in between
    leaves them planned twice rather than nowhere.
    """
    current = store.day(day)
    call = next((c for c in current.calls if c.contact == contact_id and not c.made), None)
    if call is not None:
        store.update_day(target, lambda record: put_on(record, call))
    if contact_id in store.contacts:
        store.update_contact(contact_id, lambda c: setattr(c, "follow_up", target))
    store.update_day(day, lambda record: take_off(record, contact_id))
