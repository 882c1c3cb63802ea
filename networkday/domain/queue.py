"""Today's queue: whom to contact, why, and through which channel.

The order is the product's promise: planned calls as saved, then follow-ups that are
due (oldest first), then people past their keep-in-touch cadence, then suggestions up
to the daily goal, warm paths to hiring managers first. The screen and `networkday
today` both call ``build_queue``, so they can never disagree.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo

from networkday.domain.day import Day
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

PLANNED = "planned"
FOLLOW_UP = "follow-up"
CADENCE = "cadence"
SUGGESTED = "suggested"
DAY_SECONDS = 86_400


@dataclass(frozen=True)
class QueueItem:
    contact_id: str
    kind: str
    reason: str
    channel: str = "phone"
    purpose: str = ""
    call_index: int | None = None
    outcome: str | None = None
    problem: str | None = None
    overdue_days: int = 0
    sort_key: float = 0.0
    #: A planned call's agreed time ("10:00"), or empty.
    time: str = ""

    @property
    def planned(self) -> bool:
        return self.call_index is not None

    @property
    def made(self) -> bool:
        return self.outcome is not None


@dataclass(frozen=True)
class Score:
    """The day's header: outcomes are counted, a no is never dwelt on."""

    will: int
    wont: int
    made: int
    planned: int
    goal: int
    streak: int


@dataclass(frozen=True)
class DayQueue:
    """A day's rows and header as the Today screen and `networkday today` show them."""

    items: list[QueueItem]
    score: Score
    problem: str | None = None
    #: Hiring manager ids each contact is a step toward (referral paths at target companies).
    toward: Mapping[str, list[str]] = field(default_factory=dict)


def build_queue(
    day: Day,
    contacts: Mapping[str, ContactSummary],
    config: Config,
    today: date,
    warm: Mapping[str, str] | None = None,
    tz: tzinfo = UTC,
    unreadable: Mapping[str, str] | None = None,
) -> list[QueueItem]:
    """The queue for ``day`` as seen on ``today``; a past day shows only what was planned.

    ``unreadable`` holds the problem of each contact whose file is there but cannot be read:
    a call to one says so, not that there is no such contact.
    """
    items: list[QueueItem] = []
    listed: set[str] = set()
    unreadable = unreadable or {}
    for index, call in enumerate(day.calls):
        problem = None
        if call.contact not in contacts:
            problem = unreadable.get(call.contact) or f"no contact {call.contact!r} in the data folder"
        items.append(
            QueueItem(
                contact_id=call.contact,
                kind=PLANNED,
                reason="planned",
                channel=call.channel,
                purpose=call.purpose,
                call_index=index,
                outcome=call.outcome,
                problem=problem,
                time=call.time,
            )
        )
        listed.add(call.contact)
    if day.date < today:
        return items
    skip = listed | set(day.dismissed)
    day_ordinal = day.date.toordinal()
    day_start = datetime.combine(day.date, time(0), tzinfo=tz).timestamp()
    due: list[QueueItem] = []
    losing: list[QueueItem] = []
    # This loop meets every contact at every reload of Today: the common cases (no follow-up,
    # no cadence) are decided inline, as in cadence.losing_touch_test.
    cadence_for, by_tag, default = config.cadence_for, config.tag_cadence, config.default_cadence_days
    for summary in contacts.values():
        follow_up = summary.follow_up
        if follow_up is not None and follow_up <= day_ordinal:
            if summary.id in skip:
                continue
            overdue = day_ordinal - follow_up
            plural = "s" if overdue != 1 else ""
            reason = "follow-up due" if overdue == 0 else f"follow-up {overdue} day{plural} overdue"
            due.append(QueueItem(summary.id, FOLLOW_UP, reason, overdue_days=overdue, sort_key=float(follow_up)))
            continue
        cadence = summary.cadence_days
        if not cadence:
            tags = summary.tags
            cadence = cadence_for(None, tags) if tags and by_tag else default
            if cadence is None:
                continue
        entries = summary.entries
        if not entries or summary.id in skip:
            continue  # never contacted: a suggestion, or 30,000 imports would flood the queue
        last = entries[-1][0]
        since = day_ordinal - datetime.fromtimestamp(last, tz).toordinal()
        if since > cadence:
            text = f"every {cadence} days; {since} since last touch"
            losing.append(QueueItem(summary.id, CADENCE, text, overdue_days=since - cadence, sort_key=last))
    due.sort(key=lambda item: (item.sort_key, item.contact_id))
    losing.sort(key=lambda item: (item.sort_key, item.contact_id))
    items.extend(due)
    items.extend(losing)
    listed.update(item.contact_id for item in items)
    room = config.calls_per_day - len(items)
    if room > 0:
        items.extend(_suggestions(contacts, skip | listed, warm or {}, room, day_start))
    return items


def _suggestions(
    contacts: Mapping[str, ContactSummary], skip: set[str], warm: Mapping[str, str], room: int, day_start: float
) -> list[QueueItem]:
    picked: list[QueueItem] = []
    for contact_id, why in sorted(warm.items()):
        if len(picked) == room:
            return picked
        summary = contacts.get(contact_id)
        if summary and contact_id not in skip and not _touched_since(summary, day_start):
            picked.append(QueueItem(contact_id, SUGGESTED, why))
            skip = skip | {contact_id}
    rest = (s for s in contacts.values() if s.id not in skip and not _touched_since(s, day_start))
    # The few least recently touched of 30,000 without sorting them all.
    for summary in heapq.nsmallest(room - len(picked), rest, key=lambda s: (s.last_ts or 0.0, s.name.casefold())):
        reason = "never contacted" if summary.last_ts is None else "least recently touched"
        picked.append(QueueItem(summary.id, SUGGESTED, reason))
    return picked


def _touched_since(summary: ContactSummary, instant: float) -> bool:
    return summary.last_ts is not None and summary.last_ts >= instant


def score(
    day: Day, days_made: Mapping[int, int], goal: int, today: date, unknown: Collection[int] = frozenset()
) -> Score:
    """``days_made`` maps a date ordinal to calls made that day (the store's day summaries);
    ``unknown`` holds the ordinals of days whose file cannot be read (see ``streak``)."""
    will = sum(1 for call in day.calls if call.outcome == "will")
    wont = sum(1 for call in day.calls if call.outcome == "wont")
    return Score(
        will=will,
        wont=wont,
        made=sum(1 for call in day.calls if call.made),
        planned=len(day.calls),
        goal=goal,
        streak=streak(days_made, goal, today, unknown),
    )


def streak(days_made: Mapping[int, int], goal: int, today: date, unknown: Collection[int] = frozenset()) -> int:
    """Consecutive days that met the goal, ending today (or yesterday while today is open).

    A day in ``unknown`` (its file cannot be read) is passed over: what it held is not
    known, so it neither counts nor ends the streak.
    """
    if goal <= 0:
        return 0
    ordinal = today.toordinal()
    if ordinal not in unknown and days_made.get(ordinal, 0) < goal:
        ordinal -= 1
    count = 0
    while ordinal in unknown or days_made.get(ordinal, 0) >= goal:
        count += ordinal not in unknown
        ordinal -= 1
    return count


def last_touch_text(summary: ContactSummary | None, now: datetime) -> str:
    """``12 days ago, coffee, will`` — or ``never``; days are calendar days in ``now``'s zone."""
    if summary is None or summary.last is None:
        return "never"
    ts, channel, outcome, _, _ = summary.last
    days = now.toordinal() - datetime.fromtimestamp(ts, now.tzinfo).toordinal()
    when = "today" if days <= 0 else "yesterday" if days == 1 else f"{days} days ago"
    parts = [when, channel]
    if outcome:
        parts.append(outcome)
    return ", ".join(parts)
