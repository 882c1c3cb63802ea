"""What logging a touch changes, as pure functions on the records."""

from __future__ import annotations

from datetime import date, datetime

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call, Day

#: Marker for "leave the follow-up as the rules decide".
KEEP = object()


def apply_touch(contact: Contact, entry: LogEntry, follow_up: date | object | None = KEEP) -> None:
    """Appends the touch; a follow-up that was due is done unless a new one is given.

    The same touch again (a retry after the day file failed to save) is not added twice.
    """
    if entry not in contact.log:
        contact.log.append(entry)
    if follow_up is KEEP:
        if contact.follow_up and contact.follow_up <= entry.at.date():
            contact.follow_up = None
    else:
        contact.follow_up = follow_up  # type: ignore[assignment]


def mark_call(day: Day, entry: LogEntry, contact_id: str, purpose: str = "") -> Call:
    """Marks the day's call to this contact made, adding it when the touch was unplanned."""
    call = next((c for c in day.calls if c.contact == contact_id and not c.made), None)
    if call is None:
        call = Call(contact=contact_id, channel=entry.channel, purpose=purpose)
        day.calls.append(call)
    call.outcome = entry.outcome
    call.at = entry.at
    call.channel = entry.channel
    return call


def amend_touch(contact: Contact, at: datetime, gave: str, asked: str, note: str) -> bool:
    """Adds what was given, asked and noted to a touch logged a moment ago (the quick prompt)."""
    entry = next((e for e in reversed(contact.log) if e.at == at), None)
    if entry is None:
        return False
    entry.gave = gave or entry.gave
    entry.asked = asked or entry.asked
    entry.note = note or entry.note
    return True
