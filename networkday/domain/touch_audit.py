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
from networkday.domain.touch import call_matches, derived_touch_id, same_touch


def touches_without_call(contact: Contact, days: dict[date, Day]) -> list[int]:
    """Indexes in ``contact.log`` of logged touches with an outcome whose day has no made call for them.

    A touch whose id another entry also has is left out: a call names it ambiguously,
    and ``repeated_ids`` reports it until each has its own id.
    """
    shared = {contact.log[index].id for index in repeated_ids(contact)}
    loose = []
    for index, entry in enumerate(contact.log):
        if not entry.id or not entry.outcome or entry.id in shared:
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


def repeated_ids(contact: Contact) -> dict[int, int]:
    """Each entry whose id an earlier entry of the history has (a copied block): its index, and the first's."""
    first: dict[str, int] = {}
    repeated = {}
    for index, entry in enumerate(contact.log):
        if entry.id in first:
            repeated[index] = first[entry.id]
        elif entry.id:
            first[entry.id] = index
    return repeated


def renamable(contact: Contact, index: int, days: dict[date, Day]) -> bool:
    """The later copy at ``index`` may take a new id without a guess.

    It may when it is another touch than every entry with its id (time, channel or
    outcome differ) and no made call naming the id fits it: the calls then belong to the
    earlier touch, and the copy has none yet. Otherwise which entry is the real touch is
    for the person to say.
    """
    entry = contact.log[index]
    others = [e for i, e in enumerate(contact.log) if i != index and e.id == entry.id]
    if any(same_touch(other, entry) for other in others):
        return False
    dates = {e.at.date() for e in [entry, *others]} & days.keys()
    calls = [
        call
        for when in dates
        for call in days[when].calls
        if call.made and call.contact == contact.id and call.touch == entry.id
    ]
    return not any((call.at, call.channel, call.outcome) == (entry.at, entry.channel, entry.outcome) for call in calls)


def rename_copies(contact: Contact, days: dict[date, Day]) -> list[tuple[LogEntry, str]]:
    """Gives each later copy that ``renamable`` allows a new id; returns them with their old id.

    The new id is made from the contact's id and the touch's time, so two runs at once
    agree on it.
    """
    done = []
    for index in repeated_ids(contact):
        if renamable(contact, index, days):
            entry = contact.log[index]
            old = entry.id
            entry.id = derived_touch_id(
                f"{contact.id}@{entry.at.isoformat()}", old, lambda c: all(e.id != c for e in contact.log)
            )
            done.append((entry, old))
    return done
