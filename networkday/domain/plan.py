"""Changes to a day's plan, as pure functions on the Day record.

Rows that are not planned yet (follow-ups, cadence, suggestions) become planned calls
the moment they are accepted, reordered or given a channel, so the plan on disk is
always what the person last saw and chose.
"""

from __future__ import annotations

from networkday.domain.day import Call, Day
from networkday.domain.queue import QueueItem


def open_call(day: Day, contact_id: str) -> Call | None:
    """The person's first call of the day not made yet: the one their row shows and the next touch marks."""
    return next((call for call in day.calls if call.contact == contact_id and not call.made), None)


def accept(day: Day, item: QueueItem) -> Call:
    """Puts the row in the day file (no-op for a row already planned).

    A row already planned is the person's open call when they have one (a call
    scheduled for later the same day), so a channel or purpose set on it goes there,
    never onto a call already made.
    """
    existing = open_call(day, item.contact_id) or day.call_for(item.contact_id)
    if existing is not None:
        return existing
    call = Call(contact=item.contact_id, channel=item.channel, purpose=item.purpose or item.reason)
    day.calls.append(call)
    if item.contact_id in day.dismissed:
        day.dismissed.remove(item.contact_id)
    return call


def add_person(day: Day, contact_id: str, channel: str = "phone", purpose: str = "") -> Call:
    existing = day.call_for(contact_id)
    if existing is not None:
        return existing
    if contact_id in day.dismissed:
        day.dismissed.remove(contact_id)
    call = Call(contact=contact_id, channel=channel, purpose=purpose)
    day.calls.append(call)
    return call


def remove(day: Day, contact_id: str) -> None:
    """A planned call leaves the file; any other row is dismissed for this day only."""
    before = len(day.calls)
    day.calls = [call for call in day.calls if call.contact != contact_id or call.made]
    if len(day.calls) == before and contact_id not in day.dismissed:
        day.dismissed.append(contact_id)


def move(day: Day, contact_id: str, offset: int) -> bool:
    """Moves a person up (-1) or down (+1) among the people planned, with all their calls.

    Today shows one row per person (a made call per touch, so someone touched twice has
    two), in the order each first appears: the move is of that row, past the next person.
    """
    people = list(dict.fromkeys(call.contact for call in day.calls))
    if contact_id not in people:
        return False
    index = people.index(contact_id)
    target = index + offset
    if not 0 <= target < len(people):
        return False
    people[index], people[target] = people[target], people[index]
    rank = {person: position for position, person in enumerate(people)}
    day.calls.sort(key=lambda call: rank[call.contact])  # stable: each person's calls keep their order
    return True


def set_channel(day: Day, item: QueueItem, channel: str) -> None:
    accept(day, item).channel = channel


def set_purpose(day: Day, item: QueueItem, purpose: str) -> None:
    accept(day, item).purpose = purpose


def take_off(day: Day, contact_id: str) -> Call | None:
    """Removes an unmade planned call and returns it (postponing moves it to another day)."""
    call = open_call(day, contact_id)
    if call is not None:
        day.calls.remove(call)
    if contact_id not in day.dismissed:
        day.dismissed.append(contact_id)
    return call


def put_on(day: Day, call: Call) -> None:
    if day.call_for(call.contact) is None:
        day.calls.append(
            Call(contact=call.contact, channel=call.channel, purpose=call.purpose, extra=call.extra, time=call.time)
        )
    if call.contact in day.dismissed:
        day.dismissed.remove(call.contact)


#: The purpose of a call planned by a scheduled touch: with an agreed time, it tells
#: the calls a new schedule moves (``is_scheduled``).
SCHEDULED = "scheduled"


def schedule(day: Day, contact_id: str, channel: str, at: str = "", purpose: str = SCHEDULED) -> Call:
    """Plans the call agreed with the person on ``day``, at the wall-clock time ``at`` when one was.

    The person's open call of that day takes the time (and, with no purpose of its own,
    ``purpose``); a call already made that day (the one that scheduled this, on the
    same day) stays on the record and a new one is added with ``purpose``: "scheduled",
    or the purpose of the scheduled call this one moves.
    """
    call = open_call(day, contact_id)
    if call is None:
        call = Call(contact=contact_id, channel=channel, purpose=purpose)
        day.calls.append(call)
    if contact_id in day.dismissed:
        day.dismissed.remove(contact_id)
    call.time = at or call.time
    call.purpose = call.purpose or purpose
    return call


def is_scheduled(call: Call, contact_id: str) -> bool:
    """An open call a scheduled touch planned for the person: it has an agreed time, or
    the purpose ``schedule`` gives. A call planned by hand has neither, and a call made
    is on the record: a new schedule moves neither."""
    return call.contact == contact_id and not call.made and (bool(call.time) or call.purpose == SCHEDULED)


def unschedule(day: Day, contact_id: str) -> list[Call]:
    """Takes the person's open scheduled calls off ``day`` (a new schedule moved them) and returns them."""
    gone = [call for call in day.calls if is_scheduled(call, contact_id)]
    day.calls = [call for call in day.calls if not is_scheduled(call, contact_id)]
    return gone
