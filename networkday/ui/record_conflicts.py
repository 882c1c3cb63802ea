"""The ``[[conflict]]`` entries a sync's merge left in a record's file, as warning lines where it shows.

The merge keeps one value (the merging machine's) and records the other; until the person picks one
(``x`` on a person's or company's screen, or the list from Today's ``X``), the person's
and the company's screens and the journal of that day say so, one line per conflict,
every value shown as typed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from networkday.domain.conflict_settle import ABSENT, Conflict, conflicts_of, ours, shown
from networkday.ui.plain import plain_line


def _line(table: dict[str, Any], conflict: Conflict) -> Text:
    kept = ours(table, conflict.field)
    mine = "no value" if kept is ABSENT else shown(kept)
    theirs = "none (removed)" if conflict.removed else shown(conflict.theirs)
    return plain_line(f"! sync conflict in {conflict.field}: kept {mine}; other value {theirs}", "bold")


#: How a person's or a company's screen settles its conflicts.
SETTLE_HERE = "To settle: x, then m keeps the kept value, o takes the other value."
#: Where a day's conflicts are settled: the journal's keys are its text's.
SETTLE_ON_TODAY = "To settle: X on Today; m keeps the kept value, o takes the other."


def conflicts(table: dict[str, Any], settle: str = SETTLE_HERE) -> Text | None:
    """The record's conflicts and how to settle them, or None when the merge left none."""
    found = conflicts_of(table)
    if not found:
        return None
    out = Text("Changed on both machines", style="bold underline", end="")
    for conflict in found:
        out.append("\n")
        out.append_text(_line(table, conflict))
    out.append("\n")
    out.append_text(plain_line(settle, "dim"))
    return out
