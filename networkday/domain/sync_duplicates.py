"""A person added on both machines under one id: merged as one when clean, else kept apart and flagged.

Two people added on two machines with the same name get the same id, so git sees one file
added on both sides (an empty base). If merging them field by field is clean (no value
differs: lists and touches join), they are one person. If a value differs they may be two
people who share a name, so nothing of the other side is folded in: the merge driver keeps
this machine's record and holds the other's under ``MARKER``; after the merge, the sync
turns it into a person of its own (``split_marked``), and each of the two records names the
other in ``FLAG`` until they are merged or the flag is dismissed.
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
    ours[FLAG] = new_id
    return ours, {**held, FLAG: contact_id}
