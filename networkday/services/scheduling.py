"""Planning the call a scheduled touch agreed: on its day, moved from any day it was on before.

A person has one scheduled call at a time. A new schedule plans the call on its day,
then takes the open calls an earlier schedule planned (``plan.is_scheduled``) off every
other day from today on; made calls and past days are the record and never change.
Every file this needs is checked before anything is written (``plannable``), so a day
file that cannot be read or written stops the touch before it is saved, not halfway.
"""

from __future__ import annotations

from datetime import date

from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.outcome_rules import Schedule
from networkday.domain.plan import SCHEDULED, is_scheduled, schedule, unschedule
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


def unwritable_reason(store: Store, day: date) -> str | None:
    """Why the day's file cannot be changed now (unreadable, from a newer networkday), or None."""
    try:
        store.day(day)
        return store.read_only_reason(store.day_path(day))
    except StoreError as error:  # an unreadable file too: the store says so with its path
        return str(error)


def plannable(store: Store, contact_id: str, when: Schedule) -> dict[date, Day]:
    """The days from today on, other than ``when``'s, that hold the person's scheduled call
    (what the plan moves), read now; raises StoreError, before any write, when ``when``'s
    day cannot be changed or another such day cannot be read or written and may hold one.
    """
    reason = unwritable_reason(store, when.day)
    if reason:
        raise StoreError(f"{reason}; the call on {when.text()} cannot be planned")
    store.scan_days()  # a day file another process added since the index was saved
    today = store.clock.today().toordinal()
    quoted = (f'"{contact_id}"'.encode(), f"'{contact_id}'".encode())
    found: dict[date, Day] = {}
    for ordinal in sorted({*store.days, *store.unreadable_days()}):
        day = date.fromordinal(ordinal)
        if ordinal < today or day == when.day:
            continue
        if unwritable_reason(store, day):
            try:
                data = store.day_path(day).read_bytes()
            except OSError:
                data = b""
            if quoted[0] in data or quoted[1] in data:
                raise StoreError(
                    f"{store.day_path(day)}: may hold a call with {contact_id!r} that the new schedule moves, "
                    "but cannot be rewritten; fix it first"
                )
            continue
        record = store.day(day)
        if any(is_scheduled(call, contact_id) for call in record.calls):
            found[day] = record
    return found


def plan_scheduled(store: Store, contact_id: str, when: Schedule, channel: str) -> Contact:
    """Plans the call agreed in a scheduled touch on its day and time (the day file), takes
    the person's earlier scheduled calls off the other days from today on, then sets the
    follow-up to that day.

    The new day is written first, so a crash in between leaves the call planned twice
    rather than nowhere: what shows on Today. A moved call keeps a purpose typed on it.
    """
    moved = plannable(store, contact_id, when)
    purposes = [call.purpose for day in moved.values() for call in day.calls if is_scheduled(call, contact_id)]
    purpose = next((text for text in purposes if text != SCHEDULED), SCHEDULED)
    at = f"{when.at:%H:%M}" if when.at else ""
    store.update_day(when.day, lambda record: schedule(record, contact_id, channel, at, purpose))
    for day in moved:
        store.update_day(day, lambda record: unschedule(record, contact_id))
    return store.update_contact(contact_id, lambda contact: setattr(contact, "follow_up", when.day))
