"""Follow-ups, planned calls and opportunities' dated steps as an iCalendar file, written with vobject.

Each is an all-day VEVENT (every calendar program imports those; Google Calendar
ignores task components), except a planned call with an agreed time, which is half an
hour from that time in the user's zone, and an opportunity's step with a time of day
other than midnight (an interview at 14:00), which is an hour from then; both are written
in UTC so no calendar has to know the zone. Follow-ups are exported whatever their
date, since an overdue one is still to do; planned calls from today on, until they are
made; an open opportunity's steps dated ahead (an interview set for next week). UIDs
are stable, so importing a newer export, or a calendar subscribed to the file, updates
the events instead of doubling them: a call's UID is made of its day and its contact,
never its place in the day's plan, so calls put in another order keep theirs.
Events are marked free (TRANSP:TRANSPARENT): a reminder must not block the day. With an
``alarm``, each event at a time of day carries a VALARM that long before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any

from networkday.clock import zone_of
from networkday.domain.companies import Company, Opportunity, Step
from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.plan import SCHEDULED
from networkday.domain.reminders import agreed_instant
from networkday.domain.text import strip_controls

PRODID = "-//networkday//networkday export//EN"
#: How long a call with an agreed time holds in the calendar.
CALL_LENGTH = timedelta(minutes=30)
#: How long an opportunity's step with a time of day (an interview at 14:00) holds.
STEP_LENGTH = timedelta(hours=1)


#: An opportunity's step to put in the calendar, with its opportunity and company.
DatedStep = tuple[Company, Opportunity, Step]


def render(
    contacts: list[Contact],
    days: list[Day],
    now: datetime,
    steps: Sequence[DatedStep] = (),
    alarm: timedelta | None = None,
) -> bytes:
    """The calendar; ``now`` stamps every event (DTSTAMP); ``alarm``: how long before a timed event it rings.

    A step at midnight is all day, on the date it is written with (a move dated ``--on`` a
    day, a bare date); one at another time of day is an hour from then (see ``_event``).
    """
    import vobject

    # vobject names a UTC stamp only in its own UTC zone (dateutil's, which networkday does
    # not depend on directly); the standard library's makes it fail to guess a TZID.
    stamp = now.astimezone(vobject.icalendar.utc).replace(microsecond=0)
    calendar = vobject.iCalendar()
    calendar.add("prodid").value = PRODID
    event = partial(_add_event, calendar, stamp, alarm)
    by_id = {contact.id: contact for contact in contacts}
    for contact in contacts:
        if contact.follow_up:
            who = contact.name + (f" ({contact.company})" if contact.company else "")
            event(
                f"follow-up-{contact.id}@networkday",
                contact.follow_up,
                f"Follow up: {who}",
                _details(contact),
                "follow-up",
            )
    for day in days:
        for call, uid in zip(day.calls, call_uids(day), strict=True):
            if call.made:
                continue
            person = by_id.get(call.contact)
            name = person.name if person else call.contact
            title = f"Call {name}" if call.channel == "phone" else f"{call.channel.capitalize()}: {name}"
            details = "\n".join(part for part in (call.purpose, _details(person) if person else "") if part)
            when = agreed_instant(day.date, call.time, zone_of(now)) if call.time else day.date
            event(uid, when, title, details, "call")
    for company, opportunity, step in steps:
        when = step.at if step.at.time() != time() else step.at.date()
        title = f"{step.stage.capitalize()}: {opportunity.role} at {company.name}"
        details = "\n".join(part for part in (step.note, opportunity.link) if part)
        # the UID's day is in the user's zone, as before: a newer export updates the event
        local = step.at.astimezone(now.tzinfo).date().isoformat()
        uid = f"opportunity-{company.id}-{opportunity.id}-{step.stage}-{local}@networkday"
        event(uid, when, title, details, "opportunity", STEP_LENGTH)
    return calendar.serialize().encode("utf-8")


def _add_event(
    calendar: Any,
    stamp: datetime,
    alarm: timedelta | None,
    uid: str,
    when: date | datetime,
    summary: str,
    description: str,
    category: str,
    length: timedelta = CALL_LENGTH,
) -> None:
    """One event of the calendar, free (a reminder must not block the day), with its alarm if timed."""
    item = _event(calendar, uid, stamp, when, length)
    item.add("summary").value = strip_controls(summary)
    if alarm is not None and isinstance(when, datetime):
        _alarm(item, alarm, strip_controls(summary))
    if description:
        item.add("description").value = strip_controls(description)
    item.add("categories").value = ["networkday", category]
    item.add("transp").value = "TRANSPARENT"


def call_uids(day: Day) -> list[str]:
    """Each call's UID, in the day's order: from its day and its contact, whatever the order.

    A second call to the same person that day (no answer, then a planned retry) is told
    apart by its rank among that person's calls, which a reorder of the plan keeps. A call
    whose outcome is "scheduled" is not counted: it is the talk that agreed on a call, and
    `log ID scheduled` moving a call to another time makes the planned one so and adds
    the new one after it, which must keep the UID (else an imported feed holds both).
    """
    seen: dict[str, int] = {}
    uids = []
    for call in day.calls:
        seen[call.contact] = seen.get(call.contact, 0) + (call.outcome != SCHEDULED)
        rank = "" if seen[call.contact] <= 1 else f"-{seen[call.contact]}"
        uids.append(f"call-{day.date.isoformat()}-{call.contact}{rank}@networkday")
    return uids


def _alarm(item: Any, before: timedelta, summary: str) -> None:
    """A VALARM that shows the event's summary ``before`` its start (RFC 5545 needs a DESCRIPTION)."""
    alarm = item.add("valarm")
    alarm.add("action").value = "DISPLAY"
    alarm.add("description").value = summary
    alarm.add("trigger").value = -before


def _event(calendar: Any, uid: str, stamp: datetime, when: date | datetime, length: timedelta) -> Any:
    """A new VEVENT: all day when ``when`` is a date, else ``length`` from that instant, in
    UTC, so no calendar has to know the user's zone."""
    import vobject

    item = calendar.add("vevent")
    item.add("uid").value = uid
    item.add("dtstamp").value = stamp
    if isinstance(when, datetime):
        start = when.astimezone(vobject.icalendar.utc)
        item.add("dtstart").value = start
        item.add("dtend").value = start + length
    else:
        item.add("dtstart").value = when
        item.add("dtend").value = when + timedelta(days=1)
    return item


def _details(contact: Contact) -> str:
    """How to reach them, for the event's description."""
    lines = [contact.title] if contact.title else []
    lines += contact.phone + contact.email
    return "\n".join(lines)
