"""Changes to a day's plan, as pure functions on the Day record.

Rows that are not planned yet (follow-ups, cadence, suggestions) become planned calls
the moment they are accepted, reordered or given a channel, so the plan on disk is
always what the person last saw and chose.
"""

from __future__ import annotations

from networkday.domain.day import Call, Day
from networkday.domain.queue import QueueItem


def accept(day: Day, item: QueueItem) -> Call:
    """Puts the row in the day file (no-op for a row already planned)."""
    existing = day.call_for(item.contact_id)
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
    call = next((c for c in day.calls if c.contact == contact_id and not c.made), None)
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


def schedule(day: Day, contact_id: str, channel: str, at: str = "") -> Call:
    """Plans the call agreed with the person on ``day``, at the wall-clock time ``at`` when one was.

    The person's open call of that day takes the time; a call already made that day (the
    one that scheduled this, on the same day) stays on the record and a new one is added.
    """
    call = next((c for c in day.calls if c.contact == contact_id and not c.made), None)
    if call is None:
        call = Call(contact=contact_id, channel=channel, purpose="scheduled")
        day.calls.append(call)
    if contact_id in day.dismissed:
        day.dismissed.remove(contact_id)
    call.time = at or call.time
    return call
