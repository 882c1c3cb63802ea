"""Pick one value from a list that may be long (a tag, a company, an email) by typing part of it.

Only the first matches are shown, so a network with thousands of companies opens this
as fast as one with ten. Labels are user data and are shown as plain text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from networkday.domain.search import fast_fold
from networkday.ui.modals.pick import PickModal, pick_bindings
from networkday.ui.plain import plain_line

SHOWN = 100


class PickValue(PickModal):
    """``choices`` as (value, label, note); returns the value, or None on Escape."""

    IDS = ("pick-value", "pick-value-query", "pick-value-results")
    COUNTS = True
    BINDINGS = pick_bindings("pick_value")

    def __init__(self, title: str, choices: list[tuple[str, str, str]], placeholder: str = "type to narrow") -> None:
        super().__init__(title, placeholder)
        self._choices = [(value, label, note, fast_fold(f"{label} {note}")) for value, label, note in choices]

    def on_mount(self) -> None:
        self.narrow("")

    def narrow(self, query: str) -> None:
        wanted = fast_fold(query.strip())
        found = [choice for choice in self._choices if wanted in choice[3]]
        options = [
            Option(Text.assemble(plain_line(label), ("  ", "dim"), plain_line(note, "dim")), id=value)
            for value, label, note, _ in found[:SHOWN]
        ]
        more = len(found) - SHOWN
        self.show_options(options, f"{more} more: type to narrow" if more > 0 else "" if found else "Nothing matches.")
