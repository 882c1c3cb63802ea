"""Pick one value from a list that may be long (a tag, a company, an email) by typing part of it.

Only the first matches are shown, so a network with thousands of companies opens this
as fast as one with ten. Labels are user data and are shown as plain text.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from networkday.domain.search import fast_fold
from networkday.ui.plain import plain_line
from networkday.ui.widgets.key_list import KeyList

SHOWN = 100


class PickValue(ModalScreen[str | None]):
    """``choices`` as (value, label, note); returns the value, or None on Escape."""

    CSS_PATH = "../styles/contact_dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="pick_value.cancel"),
        Binding("down", "focus_results", "Results", show=False, id="pick_value.results"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str, str]], placeholder: str = "type to narrow") -> None:
        super().__init__()
        self._title = title
        self._choices = [(value, label, note, fast_fold(f"{label} {note}")) for value, label, note in choices]
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-value"):
            yield Label(self._title, markup=False, classes="dialog-title")
            yield Input(placeholder=self._placeholder, id="pick-value-query", compact=True)
            yield KeyList(id="pick-value-results")
            yield Label("", id="pick-value-more", classes="dialog-hint", markup=False)
            yield Label("↓ to the list · Enter picks · Esc cancels", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self._show("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        wanted = fast_fold(query.strip())
        found = [choice for choice in self._choices if wanted in choice[3]]
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(
            Option(Text.assemble(plain_line(label), ("  ", "dim"), plain_line(note, "dim")), id=value)
            for value, label, note, _ in found[:SHOWN]
        )
        if found:
            results.highlighted = 0
        more = len(found) - SHOWN
        self.query_one("#pick-value-more", Label).update(
            f"{more} more: type to narrow" if more > 0 else "" if found else "Nothing matches."
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one(OptionList)
        if results.highlighted is not None:
            self.dismiss(results.get_option_at_index(results.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
