"""Settling a sync conflict: the person keeps this machine's value or takes the other's, and the entry goes.

A merge that saw one field changed on both machines kept this machine's value and wrote
the other's into the file's ``[[conflict]]`` list (``record_merge``). Settling works on the
record's table as it is on disk at the moment of the save, so it finds the conflict by
its content, not by its position (another process may have settled or added one since),
and finds the field by the name the merge gave it, ``title`` or ``log[<touch id>].note``,
read back through the same identities. Keeping only removes the entry; taking also writes
the other value into the field, or removes the field when the other machine had removed it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from networkday.domain.record_merge import CONFLICT, named_entries, same
from networkday.domain.text import escape_name

#: A key TOML writes without quotes.
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

#: What a field that is not in the record reads as.
ABSENT: Any = object()


class SettleError(ValueError):
    """The conflict cannot be settled as asked; the message says why, in one line."""


@dataclass(frozen=True)
class Conflict:
    """One ``[[conflict]]`` entry of a record, as the merge wrote it."""

    field: str
    #: The other machine's value; ``ABSENT`` when it had removed the field (``removed = true``).
    theirs: Any
    #: Which side it came from (``origin/main``) and when the merge ran, as written.
    origin: str
    at: Any
    #: The entry itself: settling finds it again by its whole content.
    entry: dict[str, Any]

    @property
    def removed(self) -> bool:
        return self.theirs is ABSENT

    @property
    def source(self) -> str:
        """``origin`` for a line of text: a control shows escaped (``\\x1b``), as a value does."""
        return escape_name(self.origin)


def conflicts_of(table: dict[str, Any]) -> list[Conflict]:
    """The record's conflicts in file order; an entry that is not a table is left to ``check``."""
    entries = table.get(CONFLICT)
    found = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            theirs = ABSENT if entry.get("removed") is True else entry.get("value", ABSENT)
            field = str(entry.get("field", ""))
            found.append(Conflict(field, theirs, str(entry.get("from", "the other machine")), entry.get("at"), entry))
    return found


def count(table: dict[str, Any]) -> int:
    """How many conflicts the record holds: what the index keeps of them."""
    entries = table.get(CONFLICT)
    return sum(1 for entry in entries if isinstance(entry, dict)) if isinstance(entries, list) else 0


def ours(table: dict[str, Any], field: str) -> Any:
    """This machine's value of the field, or ``ABSENT`` (removed here, or a touch gone since)."""
    found = locate(table, field)
    if found is None:
        return ABSENT
    container, key = found
    return container.get(key, ABSENT)


def settle(table: dict[str, Any], conflict: Conflict, *, take: bool) -> dict[str, Any]:
    """A copy of ``table`` with the conflict settled; SettleError when it is gone or its field is.

    Keeping needs nothing but the entry; taking needs the field's place in the record (a
    touch deleted since leaves nothing to write the value into).
    """
    settled = copy.deepcopy(table)
    entries = settled.get(CONFLICT)
    kept = entries if isinstance(entries, list) else []
    at = next((i for i, entry in enumerate(kept) if isinstance(entry, dict) and same(entry, conflict.entry)), None)
    if at is None:
        raise SettleError(f"the conflict in {conflict.field} is already settled")
    del kept[at]
    if not kept:
        del settled[CONFLICT]
    if take:
        found = locate(settled, conflict.field)
        if found is None or conflict.field == CONFLICT:
            raise SettleError(f"{conflict.field} is no longer in the record; keep this machine's value instead")
        container, key = found
        if conflict.removed:
            container.pop(key, None)
        else:
            container[key] = copy.deepcopy(conflict.theirs)
    return settled


def locate(table: dict[str, Any], field: str) -> tuple[dict[str, Any], str] | None:
    """The table that holds the field and its key there, or None when the field has no place.

    A field not in the table but named plainly (``title``, removed on this machine) is
    placed in it, so taking the other value puts it back.
    """
    return _in_table(table, field, ())


def _in_table(table: dict[str, Any], label: str, path: tuple[str, ...]) -> tuple[dict[str, Any], str] | None:
    for key in sorted(table, key=len, reverse=True):  # the longest first: a key may hold a dot
        if label == key:
            return table, key
        if not label.startswith(key):
            continue
        rest, value = label[len(key) :], table[key]
        found = None
        if rest.startswith(".") and isinstance(value, dict):
            found = _in_table(value, rest[1:], (*path, key))
        elif rest.startswith("[") and isinstance(value, list):
            found = _in_list(value, rest, (*path, key))
        if found is not None:
            return found
    return (table, label) if label and "." not in label and "[" not in label else None


def _in_list(entries: list[Any], label: str, path: tuple[str, ...]) -> tuple[dict[str, Any], str] | None:
    """``[<name>].rest``: the entry the merge named so, then the rest of the label inside it."""
    for entry, name in sorted(named_entries(path, entries), key=lambda pair: len(pair[1]), reverse=True):
        head = f"[{name}]."
        if name and isinstance(entry, dict) and label.startswith(head):
            found = _in_table(entry, label[len(head) :], path)
            if found is not None:
                return found
    return None


def shown(value: Any) -> str:
    """A value as one line of plain text: dates in ISO form, text quoted as typed, a removed field said so.

    An array or a table is spelled as a TOML file writes it inline (``[1, {at = 2026-01-01}]``),
    its dates and texts as at the top, never as Python writes them (``datetime.datetime(...)``).
    """
    if value is ABSENT:
        return "(removed)"
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(shown(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{key if _BARE_KEY.fullmatch(key) else repr(key)} = {shown(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return repr(value) if isinstance(value, str) else str(value)
