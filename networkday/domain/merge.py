"""Merging two records of one person (the duplicates imports bring) without losing anything.

The kept contact's value wins where both have one; the other value is written into the
notes ("Merged from Jane Doe (jane-doe-2): company was Acme"), so nothing typed by hand
disappears. Lists are joined, histories joined without repeats and put in time order.
Merging again after an interrupted merge adds nothing twice.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call, Day
from networkday.domain.phone_kinds import fill_kinds, same_in
from networkday.domain.phones import phone_key
from networkday.domain.sync_duplicates import FLAG
from networkday.domain.touch import derived_touch_id, same_touch

#: Single-valued fields: the kept contact's value wins, a different other value goes to notes.
SCALAR_FIELDS = ("name", "company", "title", "met", "connected", "cadence_days", "follow_up")
LIST_FIELDS = ("email", "phone", "links", "tags", "motives")


def merge_into(keep: Contact, gone: Contact, region: str = "") -> list[Renamed]:
    """Folds ``gone`` into ``keep``; ``keep`` keeps its id, and no reference to ``gone`` remains in it.

    Two spellings of one phone number (``phones.phone_key`` in ``region``) are kept once, the
    kept contact's. Returns the touches of ``gone`` that took a new id, for ``retarget_day``.
    """
    origin = f"Merged from {gone.name} ({gone.id})"
    lost: list[str] = []
    keep.take_parts(gone, gone.name)
    for name in SCALAR_FIELDS:
        mine, theirs = getattr(keep, name), getattr(gone, name)
        if _empty(mine):
            setattr(keep, name, theirs)
        elif not _empty(theirs) and theirs != mine:
            lost.append(f"{name} was {theirs}")
    for name in LIST_FIELDS:
        setattr(keep, name, _union(getattr(keep, name), getattr(gone, name)))
    keep.email = _union(keep.email, [], key=str.casefold)
    keep.phone = _union(keep.phone, [], key=partial(phone_key, region=region))
    keep.phone_kinds, differing = fill_kinds(keep.phone, keep.phone_kinds, gone.phone_kinds, same_in(region))
    lost.extend(differing)
    keep.hiring_manager = keep.hiring_manager or gone.hiring_manager
    _merge_referrer(keep, gone, lost)
    if _flags_the_pair(FLAG, keep.extra.get(FLAG), keep, gone):
        del keep.extra[FLAG]
    for key, value in gone.extra.items():
        if _flags_the_pair(key, value, keep, gone):
            continue
        if key not in keep.extra:
            keep.extra[key] = value
        elif keep.extra[key] != value:
            lost.append(f"{key} was {value}")
    keep.log, renamed = merge_logs(keep.log, gone.log, gone.id)
    notes = [keep.notes.rstrip()] if keep.notes.strip() else []
    if gone.notes.strip() and gone.notes.strip() not in keep.notes:
        notes.append(f"{origin}:\n{gone.notes.strip()}")
    notes.extend(line for item in lost if (line := f"{origin}: {item}") not in keep.notes)
    keep.notes = "\n\n".join(notes)
    return renamed


def _flags_the_pair(key: str, value: object, keep: Contact, gone: Contact) -> bool:
    """A sync's "likely the same person" flag naming one of the two: merging them settles it."""
    return key == FLAG and value in (keep.id, gone.id)


def _merge_referrer(keep: Contact, gone: Contact, lost: list[str]) -> None:
    """Neither may end up referred by itself: a referral between the two is dropped."""
    mine = keep.referred_by if keep.referred_by not in (gone.id, keep.id) else None
    theirs = gone.referred_by if gone.referred_by not in (gone.id, keep.id) else None
    if mine and theirs and mine != theirs:
        lost.append(f"referred_by was {theirs}")
    keep.referred_by = mine or theirs


#: A touch of the merged-away contact that took a new id, as (the entry before, its new id).
Renamed = tuple[LogEntry, str]


def merge_logs(
    first: list[LogEntry], second: list[LogEntry], gone_id: str = ""
) -> tuple[list[LogEntry], list[Renamed]]:
    """Both histories in time order, each touch once, and the touches of ``second`` renamed.

    Entries with the same id are one touch only when they are the same touch (same
    time, channel and outcome, ``same_touch``): their words are joined (``join_touch``).
    An entry of ``second`` whose id ``first`` uses for another touch (a copied block)
    gets a new id, made from ``gone_id`` and the old id, so a merge run again finds it;
    the renames are returned for the made calls that named it. An entry identical to
    one already there is dropped, unless both carry different ids: those are two
    touches (logged to each of two records of one person), each with its own made call,
    and both stay.
    """
    merged: list[LogEntry] = []
    renamed: list[Renamed] = []
    for entry in first:
        _add(merged, copy.deepcopy(entry))
    for theirs in second:
        entry = copy.deepcopy(theirs)
        named = [kept for kept in merged if entry.id and kept.id == entry.id]
        if named and not any(same_touch(kept, entry) for kept in named):
            before = copy.deepcopy(theirs)
            entry.id = derived_touch_id(gone_id, entry.id, partial(_free_for, merged, entry))
            renamed.append((before, entry.id))
        _add(merged, entry)
    merged.sort(key=lambda entry: entry.at)
    return merged, renamed


def _add(merged: list[LogEntry], entry: LogEntry) -> None:
    same = next((kept for kept in merged if _one_touch(kept, entry)), None)
    if same is None:
        merged.append(entry)
    else:
        join_touch(same, entry)


def _free_for(merged: list[LogEntry], entry: LogEntry, candidate: str) -> bool:
    """No other touch has the id (the one that has it is ``entry``, renamed by an earlier run)."""
    return all(same_touch(kept, entry) for kept in merged if kept.id == candidate)


def _one_touch(kept: LogEntry, entry: LogEntry) -> bool:
    if kept.id and entry.id:
        return kept.id == entry.id and same_touch(kept, entry)
    return kept == entry


def join_touch(kept: LogEntry, other: LogEntry) -> None:
    """Folds a second copy of one touch into ``kept``: no word of either is lost.

    A text only one side has is taken; two different texts are joined on separate lines
    unless one already holds the other. Unknown keys of ``kept`` win.
    """
    kept.id = kept.id or other.id
    for name in ("gave", "asked", "note", "gained"):
        mine, theirs = getattr(kept, name), getattr(other, name)
        if theirs and theirs not in mine:
            setattr(kept, name, theirs if mine in theirs else f"{mine}\n{theirs}")
    for key, value in other.extra.items():
        kept.extra.setdefault(key, value)


def retarget_referral(contact: Contact, gone_id: str, keep_id: str) -> None:
    """Someone referred by the merged-away contact is now referred by the kept one."""
    if contact.referred_by == gone_id:
        contact.referred_by = keep_id if contact.id != keep_id else None


def retarget_day(day: Day, gone_id: str, keep_id: str, renamed: Sequence[Renamed] = ()) -> None:
    """Calls to the merged-away contact become calls to the kept one; dismissals too.

    A call whose touch took a new id in the merge (``merge_logs``) names the new id, so
    it still names its own touch and not the kept contact's touch with the old id.
    """
    for call in day.calls:
        if call.contact == gone_id:
            call.contact = keep_id
            call.touch = _new_id(call, renamed) or call.touch
    if gone_id in day.dismissed:
        day.dismissed = _union([keep_id if item == gone_id else item for item in day.dismissed], [])


def _new_id(call: Call, renamed: Sequence[Renamed]) -> str:
    """The new id of the call's touch; with two renamed touches of one id, the one the call's time and outcome fit."""
    named = [(before, new) for before, new in renamed if call.touch and before.id == call.touch]
    if len(named) > 1:
        named = [
            (before, new)
            for before, new in named
            if (before.at, before.channel, before.outcome) == (call.at, call.channel, call.outcome)
        ]
    return named[0][1] if len(named) == 1 else ""


def mentions(day: Day, contact_id: str) -> bool:
    return contact_id in day.dismissed or any(call.contact == contact_id for call in day.calls)


def _empty(value: Any) -> bool:
    return value is None or value in ("", [])


def _union(first: list[str], second: list[str], key: Callable[[str], str] = str) -> list[str]:
    """In order of first appearance, without repeats (as ``key`` sees them)."""
    seen: dict[str, str] = {}
    for item in [*first, *second]:
        seen.setdefault(key(item), item)
    return list(seen.values())
