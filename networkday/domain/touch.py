"""What logging a touch changes, as pure functions on the records."""

from __future__ import annotations

import copy
import secrets
from dataclasses import dataclass
from datetime import date
from enum import Enum

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call, Day


class Keep(Enum):
    """A marker that None (no follow-up) cannot be; an enum member, so types can name it and ``is`` narrows it."""

    KEEP = "keep"


#: Marker for "leave the follow-up as the rules decide".
KEEP = Keep.KEEP
#: A follow-up to set: a date, None for none, or KEEP.
FollowUp = date | Keep | None

#: The fields of a touch that the quick prompt adds to.
DETAIL_FIELDS = ("gave", "asked", "note")


def new_touch_id() -> str:
    """A short random id: unique within one person's history by a wide margin (2**32 values)."""
    return secrets.token_hex(4)


def apply_touch(contact: Contact, entry: LogEntry, follow_up: FollowUp = KEEP) -> None:
    """Appends the touch; a follow-up that was due is done unless a new one is given.

    The same touch again (a retry after the day file failed to save, or the same touch
    logged twice in one second) is not added twice: ``entry`` then takes the id of the
    one recorded. A new touch gets a fresh id, which ``entry`` carries back to the caller.
    """
    same = next((e for e in contact.log if (entry.id and e.id == entry.id) or e == entry), None)
    if same is None:
        entry.id = entry.id or new_touch_id()
        contact.log.append(entry)
    else:
        same.id = same.id or entry.id or new_touch_id()
        entry.id = same.id
    if follow_up is KEEP:
        if contact.follow_up and contact.follow_up <= entry.at.date():
            contact.follow_up = None
    else:
        contact.follow_up = follow_up


def mark_call(day: Day, entry: LogEntry, contact_id: str, purpose: str = "") -> Call:
    """Marks the day's call for this touch made, adding it when the touch was unplanned.

    The call already made for this touch (by its id, or for a call written before ids by
    its contact, time and outcome) is the one marked again, so a retry counts once.
    """
    call = next((c for c in day.calls if call_matches(c, entry, contact_id)), None)
    if call is None:
        call = next((c for c in day.calls if c.contact == contact_id and not c.made), None)
    if call is None:
        call = Call(contact=contact_id, channel=entry.channel, purpose=purpose)
        day.calls.append(call)
    call.outcome = entry.outcome
    call.at = entry.at
    call.channel = entry.channel
    call.touch = entry.id
    return call


def call_matches(call: Call, entry: LogEntry, contact_id: str) -> bool:
    """The made ``call`` records this touch: by its id, or for a call written before ids by time and outcome."""
    if call.contact != contact_id or not call.made:
        return False
    if call.touch:
        return call.touch == entry.id
    return call.at == entry.at and call.outcome == entry.outcome and call.channel == entry.channel


@dataclass(frozen=True)
class TouchDetails:
    """What the quick prompt adds to a touch: empty text adds nothing, KEEP leaves the follow-up."""

    gave: str = ""
    asked: str = ""
    note: str = ""
    follow_up: FollowUp = KEEP

    @classmethod
    def of(cls, contact: Contact, entry: LogEntry) -> TouchDetails:
        """The details as they stand: what the prompt opens with, its base for a three-way save."""
        return cls(entry.gave, entry.asked, entry.note, contact.follow_up)

    def table(self) -> dict[str, object]:
        """As a TOML table (a draft keeps its prompt's base): a follow-up of None is left out."""
        table: dict[str, object] = {"gave": self.gave, "asked": self.asked, "note": self.note}
        if isinstance(self.follow_up, date):
            table["follow_up"] = self.follow_up
        return table

    @classmethod
    def from_table(cls, table: object) -> TouchDetails:
        """Back from ``table``; anything of another shape reads as empty details."""
        if not isinstance(table, dict):
            return cls(follow_up=None)
        texts = {name: table.get(name) for name in DETAIL_FIELDS}
        follow_up = table.get("follow_up")
        return cls(
            **{name: text if isinstance(text, str) else "" for name, text in texts.items()},
            follow_up=follow_up if isinstance(follow_up, date) else None,
        )


def find_touch(contact: Contact, touch_id: str) -> LogEntry | None:
    return next((e for e in contact.log if e.id == touch_id), None) if touch_id else None


def amend_touch(contact: Contact, touch_id: str, base: TouchDetails, typed: TouchDetails) -> list[str]:
    """Adds the prompt's text to the touch named ``touch_id``; returns the fields that clash.

    ``base`` is what the prompt opened with. A field the prompt changed takes its value
    unless the file changed it too, to something else, meanwhile (a hand edit, another
    instance): that field is a clash and is left as the file has it. A touch no longer
    in the history is reported as the clash ``"touch"``.
    """
    entry = find_touch(contact, touch_id)
    if entry is None:
        return ["touch"]
    clashes = []
    for name in DETAIL_FIELDS:
        mine, theirs, was = getattr(typed, name), getattr(entry, name), getattr(base, name)
        if not mine or mine == was:
            continue
        if theirs in (was, mine):
            setattr(entry, name, mine)
        else:
            clashes.append(name)
    if typed.follow_up is not KEEP and typed.follow_up != base.follow_up:
        if contact.follow_up in (base.follow_up, typed.follow_up):
            contact.follow_up = copy.copy(typed.follow_up)
        else:
            clashes.append("follow_up")
    return clashes
