"""The ``[[conflict]]`` entries a sync's merge left in record files (and its duplicate flags), located for ``check``.

Only a file whose text holds a ``[[conflict]]`` header or a ``conflict = [...]`` key is parsed, so the walk costs about
one read of each file's bytes, as the touch audit's does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from networkday.domain.conflict_settle import shown
from networkday.domain.record_merge import CONFLICT
from networkday.domain.text import escape_name
from networkday.storage.codec import parse
from networkday.storage.duplicate_flags import flag_problems, holds_a_word
from networkday.storage.locate import locate, locate_array
from networkday.storage.problems import DataProblem, ProblemError
from networkday.storage.records import CONFLICT_HEADER
from networkday.storage.store import Store

#: What the app makes of a ``conflict`` that is not an array of tables: nothing to list or settle.
NOT_ENTRIES = (
    "a conflict entry that is not a table (field, value, from, at): not listed, nothing to settle;"
    " move what it holds where it belongs, then delete it"
)


def describe(entry: dict[str, Any]) -> str:
    """One line: which field, what the other side had, and how to settle it."""
    field, origin = entry.get("field", "a field"), escape_name(str(entry.get("from", "the other side")))
    other = (
        "the other side removed it"
        if entry.get("removed") is True
        else f"the other value is {shown(entry.get('value', ''))}"
    )
    return (
        f"changed on both sides in a sync: {field} keeps this file's value; {other} (merge with {origin})."
        " Settle it with `networkday conflicts`, or X on Today"
    )


def conflicts_in(paths: Iterable[Path]) -> list[DataProblem]:
    """Each conflict entry of these files, at its line; a file that cannot be read is the store's problem."""
    found: list[DataProblem] = []
    for path in paths:
        try:
            data = path.read_bytes()
            if not CONFLICT_HEADER.search(data) and not holds_a_word(data):
                continue
            table, text = parse(path, data)
        except (OSError, ProblemError):
            continue
        entries = table.get(CONFLICT)
        if CONFLICT in table and not isinstance(entries, list):
            found.append(DataProblem(path, *locate(text, (CONFLICT,)), NOT_ENTRIES))
        places = locate_array(text, CONFLICT) if isinstance(entries, list) else {}
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            line, column = places.get(index, places.get(-1, (1, 1)))
            found.append(DataProblem(path, line, column, describe(entry) if isinstance(entry, dict) else NOT_ENTRIES))
        found.extend(flag_problems(path, table, text))
    return found


def record_conflicts(store: Store) -> list[DataProblem]:
    """The conflicts in every contact, day and company file the store knows."""
    paths = [store.contact_path(contact_id) for contact_id in store.contacts]
    paths += [store.day_path(date.fromordinal(ordinal)) for ordinal in sorted(store.days)]
    paths += sorted((store.root / "companies").glob("*.toml"))
    return conflicts_in(paths)
