"""Today's keep-in-touch line: follow-ups due and overdue, people losing touch, never contacted."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from networkday.domain.cadence import touch_counts
from networkday.storage.store import Store


def touch_line(store: Store, today: date) -> Text:
    """The counts in words; the Contacts screen (2) lists each group with its filter (d, l, n)."""
    counts = touch_counts(store.contacts.values(), store.config, today, store.clock.now().tzinfo)
    return Text.assemble(
        ("Follow-ups ", "bold"),
        f"{counts.due} due, {counts.overdue} overdue · ",
        (f"{counts.losing_touch} losing touch", "bold"),
        f" · {counts.never_contacted} never contacted",
    )
