"""Find anyone in the network by typing part of a name, company, title or tag."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from networkday.ui.plain import join, plain_line
from networkday.ui.widgets.key_list import KeyList

LIMIT = 50


class PickContact(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="pick.cancel"),
        Binding("down", "focus_results", "Results", show=False, id="pick.results"),
    ]

    def __init__(self, title: str = "Add a person to the day") -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-contact"):
            yield Label(self._title, markup=False, classes="dialog-title")
            yield Input(placeholder="name, company, title or tag", id="pick-query", compact=True)
            yield KeyList(id="pick-results")
            yield Label("Type to search · ↓ to the list · Enter picks · Esc cancels", classes="dialog-hint")

    def on_input_changed(self, event: Input.Changed) -> None:
        contacts = self.app.store.contacts
        results = self.query_one("#pick-results", OptionList)
        results.clear_options()
        options = []
        for hit in self.app.search_index.search(event.value, limit=LIMIT):
            summary = contacts.get(hit.id)
            if summary is None:
                continue
            label = join(plain_line(summary.name), plain_line(summary.company), plain_line(summary.title))
            options.append(Option(Text.assemble(label, (f"  ({hit.field})", "dim")), id=hit.id))
        results.add_options(options)
        if options:
            results.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one("#pick-results", OptionList)
        if results.highlighted is not None:
            self.dismiss(results.get_option_at_index(results.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_focus_results(self) -> None:
        self.query_one("#pick-results", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
