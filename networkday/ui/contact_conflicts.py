"""The ``[[conflict]]`` entries a sync's merge left in a person's file, as warning lines on their screen.

The merge keeps this machine's value and records the other's; until the person settles it
by hand, their screen says so, one line per conflict, every value shown as typed.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from rich.text import Text

from networkday.domain.contact import Contact
from networkday.domain.record_merge import CONFLICT
from networkday.ui.plain import plain_line


def _value(value: Any) -> str:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


def _line(contact: Contact, entry: dict[str, Any]) -> Text:
    field = str(entry.get("field", "a field"))
    kept = contact.to_dict().get(field)  # a nested field (a touch's note) is named, its value is in the file
    ours = "this file's value" if kept is None or "." in field or "[" in field else _value(kept)
    theirs = "removed it" if entry.get("removed") else _value(entry.get("value", ""))
    where = entry.get("from", "the other side")
    return plain_line(f"! sync conflict in {field}: kept {ours}; {where} had {theirs}", "bold")


def conflicts(contact: Contact) -> Text | None:
    """The person's conflicts and how to settle them, or None when the merge left none."""
    entries = contact.extra.get(CONFLICT)
    found = [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []
    if not found:
        return None
    out = Text("Changed on both machines", style="bold underline", end="")
    for entry in found:
        out.append("\n")
        out.append_text(_line(contact, entry))
    out.append("\n")
    out.append_text(
        plain_line(f"To settle: edit the file (networkday edit {contact.id}) and remove the [[conflict]] entry.", "dim")
    )
    return out
