"""A person added on both machines under one id: merged as one when clean, else kept apart and flagged.

Two people added on two machines with the same name get the same id, so git sees one file
added on both sides (an empty base). If merging them field by field is clean (no value
differs: lists and touches join), they are one person. If a value differs they may be two
people who share a name, so nothing of the other side is folded in: the merge driver keeps
this machine's record and holds the other's under ``MARKER``; after the merge, the sync
splits them (``split_marked``), and each of the two records names the other in ``FLAG``
until they are merged or the flag is dismissed.

Which record keeps the id: the other machine's (theirs). It is already on the remote and
its machine goes on working on it under that id, so moving it would send that machine's
next edits onto the wrong person. This machine's record (ours) was never pushed, so only
this machine has named it: it moves to the fresh id, and so do the references to the id
that came from this machine's side of the merge (``retarget_ours``). The other machine's
references to the id mean its own person and stay.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from networkday.domain.record_merge import RecordMerge

#: The top-level key of a person's file that names the record they are likely the same person as.
FLAG = "likely_duplicate_of"
#: The table in which the merge driver holds the other machine's record until the sync splits it off.
MARKER = "added_on_both_machines"


def merge_added_on_both(ours: dict[str, Any], theirs: dict[str, Any], origin: str, at: datetime) -> dict[str, Any]:
    """One person when the merge is clean; else ours, with theirs held whole under ``MARKER``."""
    merge = RecordMerge(origin, at)
    merged = merge.merge({}, ours, theirs)
    if not merge.conflicts:
        return merged
    return {**ours, MARKER: theirs}


def flagged(extra: dict[str, Any]) -> str | None:
    """The id a record's ``FLAG`` names, or None (no flag, or not a text)."""
    value = extra.get(FLAG)
    return value if isinstance(value, str) and value else None


def split(table: dict[str, Any], contact_id: str, new_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The two records a marked one becomes, each flagged with the other's id; None when it holds no marker."""
    held = table.get(MARKER)
    if not isinstance(held, dict):
        return None
    ours = {key: value for key, value in table.items() if key != MARKER}
    return {**held, FLAG: new_id}, {**ours, FLAG: contact_id}


def _entries(table: dict[str, Any] | None, key: str) -> list[dict[str, Any]]:
    found = (table or {}).get(key)
    return [entry for entry in found if isinstance(entry, dict)] if isinstance(found, list) else []


def retarget_ours(
    table: dict[str, Any], base: dict[str, Any] | None, ours: dict[str, Any] | None, old: str, new: str
) -> bool:
    """Points at ``new`` the references to ``old`` in ``table`` that this machine's side added; True if any.

    ``base`` and ``ours`` are the file at the merge base and at this machine's commit before
    the merge (None: absent). A reference counts as ours when ``ours`` holds it and ``base``
    does not: a contact's ``referred_by``, a touch's ``introduced`` (by touch id), a day's
    open planned call (one without a touch, equal to no call of the base). Made calls
    follow their touch elsewhere (``sync_split._retargeted_day``).
    """
    changed = False
    if table.get("referred_by") == old == (ours or {}).get("referred_by") != (base or {}).get("referred_by"):
        table["referred_by"] = new
        changed = True
    base_intros = {e.get("id"): e.get("introduced") for e in _entries(base, "log")}
    our_intros = {e.get("id") for e in _entries(ours, "log") if old in (e.get("introduced") or [])}
    for entry in _entries(table, "log"):
        introduced = entry.get("introduced")
        if entry.get("id") not in our_intros or not isinstance(introduced, list) or old not in introduced:
            continue
        if old not in (base_intros.get(entry.get("id")) or []):
            entry["introduced"] = [new if name == old else name for name in introduced]
            changed = True
    base_calls, our_calls = _entries(base, "call"), _entries(ours, "call")
    for call in _entries(table, "call"):
        if call.get("contact") == old and not call.get("touch") and call in our_calls and call not in base_calls:
            call["contact"] = new
            changed = True
    return changed
