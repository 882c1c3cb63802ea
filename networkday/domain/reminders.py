"""What to remind of now: today's open calls whose time has come and follow-ups due, each once.

Both `networkday remind` and the app's bell read today's queue (the rows Today shows),
so a reminder never names a call Today does not. A call at an agreed time is due from
that time, or ``within`` before it; a call without a time, and a follow-up, are due all
day. Each reminder has a key, and a key given once is never given again: a call's key
names its day, its person and its time (moved to 15:00, it reminds again), a
follow-up's names its person and its date (put off to Friday, it reminds on Friday).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from networkday.domain.queue import FOLLOW_UP, PLANNED, QueueItem
from networkday.domain.summary import ContactSummary

CALL = "call"


@dataclass(frozen=True)
class Due:
    """One reminder: ``at`` is the agreed instant of a call at a time, else None (due all day)."""

    key: str
    kind: str
    contact_id: str
    name: str
    company: str
    channel: str
    purpose: str
    time: str
    at: datetime | None
    #: A follow-up's date (today or before); a call's day.
    on: date

    @property
    def what(self) -> str:
        """``Call Ann Lee (Acme)``, ``Video: Bob Ray``, ``Follow up: Ann Lee (Acme)``."""
        who = self.name + (f" ({self.company})" if self.company else "")
        if self.kind == FOLLOW_UP:
            return f"Follow up: {who}"
        return f"Call {who}" if self.channel == "phone" else f"{self.channel.capitalize()}: {who}"

    @property
    def title(self) -> str:
        """What, and the agreed time if any: a notification's or a toast's line."""
        return f"{self.what} at {self.time}" if self.time else self.what


def call_key(day: date, contact_id: str, at: str) -> str:
    """A call's reminder: its day, its person and its agreed time ("day" when it has none)."""
    return f"call-{day.isoformat()}-{contact_id}-{at.replace(':', '') or 'day'}"


def follow_up_key(contact_id: str, on: date) -> str:
    return f"follow-up-{contact_id}-{on.isoformat()}"


def agreed_instant(day: date, at: str, tz: tzinfo) -> datetime:
    """``HH:MM`` on ``day`` in ``tz``; in the hour the clocks skip, the instant that wall time runs into."""
    hours, minutes = (int(part) for part in at.split(":"))
    wall = datetime.combine(day, time(hours, minutes), tz)
    return wall.astimezone(UTC).astimezone(tz)


def due_now(
    items: Iterable[QueueItem],
    contacts: Mapping[str, ContactSummary],
    today: date,
    now: datetime,
    within: timedelta,
    given: Collection[str],
    *,
    timed_only: bool = False,
) -> list[Due]:
    """The reminders due at ``now`` (or within ``within``) that are not in ``given``: timed calls by time first.

    ``timed_only`` keeps only calls at an agreed time, which is what the app rings for:
    the rest is on Today's screen already.
    """
    assert now.tzinfo is not None
    due: list[Due] = []
    for item in items:
        reminder = _reminder(item, contacts.get(item.contact_id), today, now.tzinfo)
        if reminder is None or reminder.key in given or (timed_only and reminder.at is None):
            continue
        if reminder.at is None or reminder.at <= now + within:
            due.append(reminder)
    timed = sorted((item for item in due if item.at is not None), key=lambda item: item.at or now)
    return timed + [item for item in due if item.at is None]


def _reminder(item: QueueItem, summary: ContactSummary | None, today: date, tz: tzinfo) -> Due | None:
    """The reminder a queue row stands for, or None (a call made, a suggestion)."""
    name = summary.name if summary else item.contact_id
    company = summary.company if summary else ""
    if item.kind == PLANNED and not item.made:
        at = agreed_instant(today, item.time, tz) if item.time else None
        key = call_key(today, item.contact_id, item.time)
        return Due(key, CALL, item.contact_id, name, company, item.channel, item.purpose, item.time, at, today)
    if item.kind == FOLLOW_UP:
        on = today - timedelta(days=item.overdue_days)
        key = follow_up_key(item.contact_id, on)
        return Due(key, FOLLOW_UP, item.contact_id, name, company, item.channel, "", "", None, on)
    return None
