"""Today's keep-in-touch line: follow-ups due and overdue, people losing touch, never contacted."""

from __future__ import annotations

from rich.text import Text

from networkday.domain.cadence import TouchCounts


def touch_line(counts: TouchCounts) -> Text:
    """The counts in words; the Contacts screen (2) lists each group with its filter (d, l, n)."""
    return Text.assemble(
        ("Follow-ups ", "bold"),
        f"{counts.due} due, {counts.overdue} overdue · ",
        (f"{counts.losing_touch} losing touch", "bold"),
        f" · {counts.never_contacted} never contacted",
    )
