"""What logging a touch changes, as pure functions on the records."""

from __future__ import annotations

import copy
import hashlib
import secrets
from collections.abc import Callable
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

#: The text fields of a touch that the quick prompt adds to: the job search's, what they
#: gained, and the helping ones (what they asked of you, what they landed).
TEXT_DETAILS = ("gave", "asked", "note", "gained", "they_asked", "landed")
#: All the fields the prompt adds to: the texts and whom you introduced them to (a list).
DETAIL_FIELDS = (*TEXT_DETAILS, "introduced")


def new_touch_id() -> str:
    """A short random id: unique within one person's history by a wide margin (2**32 values)."""
    return secrets.token_hex(4)


def derived_touch_id(seed: str, old: str, free: Callable[[str], bool]) -> str:
    """A fresh id made from ``seed`` and the ``old`` id: the same each time, so a merge run
    again after a crash finds the entry it renamed the first time. ``free`` says whether a
    candidate may be used; the next one is tried when it may not."""
    for turn in range(1000):
        candidate = hashlib.blake2s(f"{seed}\0{old}\0{turn}".encode(), digest_size=4).hexdigest()
        if free(candidate):
            return candidate
    return new_touch_id()


def same_touch(one: LogEntry, other: LogEntry) -> bool:
    """Two records of one touch: the same time, channel and outcome (the words may differ)."""
    return one.at == other.at and one.channel == other.channel and one.outcome == other.outcome


def unfinished_twin(contact: Contact, entry: LogEntry, day: Day) -> LogEntry | None:
    """The touch that ``entry`` repeats: a retry of a ``log`` whose made call was not saved.

    It is a touch networkday logged (it has an id) on the same day, with the same channel,
    outcome, gave, asked and note, whose made call ``day`` does not have yet; its time may
    differ (the retry came a minute later). A touch that has its call, or differs in any
    word, is another conversation and is never taken for this one.
    """
    if not entry.outcome:
        return None
    for earlier in contact.log:
        if (
            earlier.id
            and earlier.at.date() == entry.at.date()
            and (earlier.channel, earlier.outcome, earlier.gave, earlier.asked, earlier.note, earlier.gained)
            == (entry.channel, entry.outcome, entry.gave, entry.asked, entry.note, entry.gained)
            and not any(call_matches(call, earlier, contact.id) for call in day.calls)
        ):
            return earlier
    return None


def apply_touch(contact: Contact, entry: LogEntry, follow_up: FollowUp = KEEP, day: Day | None = None) -> None:
    """Appends the touch; a follow-up that was due is done unless a new one is given.

    The same touch again (a retry after the day file failed to save, or the same touch
    logged twice in one second) is not added twice: ``entry`` then takes the id of the
    one recorded. With the touch's ``day``, a retry in a later second is caught too
    (``unfinished_twin``): ``entry`` then also takes the recorded touch's time, so its
    call is marked for that touch. A new touch gets a fresh id, which ``entry`` carries
    back to the caller.
    """
    same = next((e for e in contact.log if (entry.id and e.id == entry.id) or e == entry), None)
    if same is None and day is not None:
        same = unfinished_twin(contact, entry, day)
    if same is None:
        entry.id = entry.id or new_touch_id()
        contact.log.append(entry)
    else:
        same.id = same.id or entry.id or new_touch_id()
        entry.id = same.id
        entry.at = same.at
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
    """What the quick prompt adds to a touch: empty text adds nothing, KEEP leaves the follow-up.

    ``introduced`` is a tuple, not the entry's list, so the details stay a value (frozen, comparable).
    """

    gave: str = ""
    asked: str = ""
    note: str = ""
    follow_up: FollowUp = KEEP
    gained: str = ""
    they_asked: str = ""
    introduced: tuple[str, ...] = ()
    landed: str = ""

    @classmethod
    def of(cls, contact: Contact, entry: LogEntry) -> TouchDetails:
        """The details as they stand: what the prompt opens with, its base for a three-way save."""
        texts = {name: getattr(entry, name) for name in TEXT_DETAILS}
        return cls(**texts, introduced=tuple(entry.introduced), follow_up=contact.follow_up)

    def table(self) -> dict[str, object]:
        """As a TOML table (a draft keeps its prompt's base): a follow-up of None is left out."""
        table: dict[str, object] = {name: getattr(self, name) for name in TEXT_DETAILS}
        table["introduced"] = list(self.introduced)
        if isinstance(self.follow_up, date):
            table["follow_up"] = self.follow_up
        return table

    @classmethod
    def from_table(cls, table: object) -> TouchDetails:
        """Back from ``table``; anything of another shape reads as empty details (a draft kept
        before a field existed lacks it, and reads as it being empty then)."""
        if not isinstance(table, dict):
            return cls(follow_up=None)
        texts = {name: table.get(name) for name in TEXT_DETAILS}
        follow_up = table.get("follow_up")
        introduced = table.get("introduced")
        return cls(
            **{name: text if isinstance(text, str) else "" for name, text in texts.items()},
            introduced=tuple(one for one in introduced if isinstance(one, str)) if isinstance(introduced, list) else (),
            follow_up=follow_up if isinstance(follow_up, date) else None,
        )

    def put_on(self, entry: LogEntry) -> None:
        """Writes every field onto a touch not yet saved (the call screen's end); the follow-up is the log's."""
        for name in TEXT_DETAILS:
            setattr(entry, name, getattr(self, name))
        entry.introduced = list(self.introduced)

    def shown(self, name: str) -> str:
        """One field as the prompt writes it: ``introduced`` joined by commas."""
        value = getattr(self, name)
        return ", ".join(value) if isinstance(value, tuple) else str(value or "")


def find_touch(contact: Contact, touch_id: str, like: LogEntry | None = None) -> LogEntry | None:
    """The entry named ``touch_id``. When a copied block left the id on several entries,
    only the one that is the same touch as ``like`` is it; without ``like``, or with
    several such entries, None: a guess could amend another conversation."""
    named = [e for e in contact.log if e.id == touch_id] if touch_id else []
    if len(named) > 1:
        named = [e for e in named if like is not None and same_touch(e, like)]
    return named[0] if len(named) == 1 else None


def amend_touch(
    contact: Contact, touch_id: str, base: TouchDetails, typed: TouchDetails, like: LogEntry | None = None
) -> list[str]:
    """Adds the prompt's text to the touch named ``touch_id``; returns the fields that clash.

    ``base`` is what the prompt opened with. A field the prompt changed takes its value
    unless the file changed it too, to something else, meanwhile (a hand edit, another
    instance): that field is a clash and is left as the file has it. A touch no longer
    in the history, or not told apart from a copy with its id (``find_touch``), is
    reported as the clash ``"touch"``.
    """
    entry = find_touch(contact, touch_id, like)
    if entry is None:
        return ["touch"]
    clashes = []
    for name in DETAIL_FIELDS:
        mine, theirs, was = getattr(typed, name), _value(entry, name), getattr(base, name)
        if not mine or mine == was:
            continue
        if theirs in (was, mine):
            setattr(entry, name, list(mine) if isinstance(mine, tuple) else mine)
        else:
            clashes.append(name)
    if typed.follow_up is not KEEP and typed.follow_up != base.follow_up:
        if contact.follow_up in (base.follow_up, typed.follow_up):
            contact.follow_up = copy.copy(typed.follow_up)
        else:
            clashes.append("follow_up")
    return clashes


def _value(entry: LogEntry, name: str) -> object:
    """The entry's field as ``TouchDetails`` holds it: its list of introductions as a tuple."""
    value = getattr(entry, name)
    return tuple(value) if isinstance(value, list) else value
