"""The merge driver's files: three versions of one record read, merged by ``record_merge``, written to ours.

A person's file both sides added is merged by ``sync_duplicates`` instead.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from networkday.domain.record_merge import RecordMerge, end_overtaken_sessions
from networkday.domain.sync_duplicates import merge_added_on_both
from networkday.storage.atomic import write_atomic
from networkday.storage.codec import ExactFloats, dumps, inexact_value, parse
from networkday.storage.git import line_merge
from networkday.storage.problems import DataProblem, ProblemError, StoreError

__all__ = ["ProblemError", "StoreError", "line_merge", "merge_files"]


def _table(path: Path, name: str, side: str) -> dict[str, Any]:
    """A side's table. Only the base may be empty (git gives one for a file both sides
    added): an empty ours or theirs is a save cut short, not a record with every field
    removed, so it is refused like a file that does not parse and git's line merge keeps both.
    A value the merge's rewrite would change (a float past 17 digits, nanoseconds) is
    refused as the app's own saves refuse it."""
    data = path.read_bytes()
    shown = Path(f"{name} ({side})")
    if not data.strip():
        if side == "base":
            return {}
        raise ProblemError(DataProblem(shown, 1, 1, "the file is empty; a record needs at least its name"))
    floats = ExactFloats()
    table = parse(shown, data, floats)[0]
    refusal = inexact_value(shown, data, floats)
    if refusal:
        raise StoreError(refusal)
    return table


def merge_files(base: Path, ours: Path, theirs: Path, name: str, origin: str, at: datetime) -> int:
    """Writes the merge of the three into ``ours``; the number of conflicts it recorded.

    A side that does not parse raises ProblemError, located at its line, and one the merge
    cannot write back unchanged (see ``_table``, or nested past what a save writes) raises
    StoreError; either way ``ours`` is left as it was. The output is parsed back before it replaces ``ours``.
    """
    tables = [_table(path, name, side) for path, side in ((base, "base"), (ours, "ours"), (theirs, "theirs"))]
    merge = RecordMerge(origin, at)
    if _added_on_both(name, *tables):  # see sync_duplicates: one person, or two kept apart, no conflict
        merged = merge_added_on_both(tables[1], tables[2], origin, at)
    else:
        merged = merge.merge(*tables)
    if name.startswith("days/"):
        merged = end_overtaken_sessions(merged)
    data = dumps(merged)
    parse(Path(f"{name} (merged)"), data)
    write_atomic(ours, data)
    return len(merge.conflicts)


def _added_on_both(name: str, base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """A person's file that both sides added (days and companies merge field by field as before)."""
    return name.startswith("contacts/") and not base and bool(ours) and bool(theirs)
