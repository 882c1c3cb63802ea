"""Touches and made calls agree: each logged touch has its made call, each made call its touch.

``networkday log`` writes the touch to the contact first and the made call to the day
file second, so a failure in between leaves a touch without its call. A hand edit can
leave either side alone. Only touches that networkday logged (they carry an ``id``) are
expected to have a call: a history typed by hand or imported has no calls to match.
"""

from __future__ import annotations

from datetime import date

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call, Day
from networkday.domain.touch import call_matches


def touches_without_call(contact: Contact, days: dict[date, Day]) -> list[int]:
    """Indexes in ``contact.log`` of logged touches with an outcome whose day has no made call for them."""
    loose = []
    for index, entry in enumerate(contact.log):
        if not entry.id or not entry.outcome:
            continue
        day = days.get(entry.at.date())
        if day is None or not any(call_matches(call, entry, contact.id) for call in day.calls):
            loose.append(index)
    return loose


def calls_without_touch(day: Day, contacts: dict[str, Contact]) -> list[int]:
    """Indexes in ``day.calls`` of made calls whose contact has no touch for them.

    A call to a contact that is gone (deleted) is left alone: a delete never rewrites
    the references to it.
    """
    loose = []
    for index, call in enumerate(day.calls):
        contact = contacts.get(call.contact)
        if not call.made or contact is None:
            continue
        if call.at is None and not call.touch:
            found = any(e.outcome == call.outcome and e.at.date() == day.date for e in contact.log)
        else:
            found = any(call_matches(call, entry, contact.id) for entry in contact.log)
        if not found:
            loose.append(index)
    return loose


def touch_of_call(call: Call) -> LogEntry | None:
    """The history entry that a made call stands for, to put back; None when the call has no time."""
    if call.at is None:
        return None
    return LogEntry(at=call.at, channel=call.channel, outcome=call.outcome, id=call.touch)
