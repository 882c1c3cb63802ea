"""Pick one of many by typing part of it: the dialog that finding a person and choosing a value share.

Type to narrow the list, ↓ (or Tab) to it, Enter picks; the result is the option's id,
or None on Escape. A subclass fills the list for what is typed (``narrow``).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from networkday.ui.modals import DIALOG_CSS
from networkday.ui.widgets.key_list import KeyList
from networkday.ui.widgets.typed_in_order import LineField


def pick_bindings(prefix: str) -> list[BindingType]:
    """Escape and ↓, under ids of the dialog's own (``prefix.cancel``), as ``[keys]`` knows them."""
    return [
        Binding("escape", "cancel", "Cancel", id=f"{prefix}.cancel"),
        Binding("down", "focus_results", "Results", show=False, id=f"{prefix}.results"),
    ]


class PickModal(ModalScreen[str | None]):
    CSS_PATH = DIALOG_CSS
    #: The ids of the dialog, its query and its results, which the stylesheets and tests know.
    IDS = ("pick", "pick-query", "pick-results")
    HINT = "↓ to the list · Enter picks · Esc cancels"
    #: Whether a line under the list says how many more match, or that nothing does.
    COUNTS = False

    def __init__(self, title: str, placeholder: str) -> None:
        super().__init__()
        self._title = title
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        dialog, query, results = self.IDS
        with Vertical(classes="dialog", id=dialog):
            yield Label(self._title, markup=False, classes="dialog-title")
            yield LineField(placeholder=self._placeholder, id=query, compact=True)
            yield KeyList(id=results, classes="pick-results")
            if self.COUNTS:
                yield Label("", id=f"{dialog}-more", classes="dialog-hint", markup=False)
            yield Label(self.HINT, classes="dialog-hint", markup=False)

    def narrow(self, query: str) -> None:
        """Shows the options that fit ``query``."""

    def show_options(self, options: list[Option], more: str = "") -> None:
        """The options, the first highlighted; ``more`` on the line under them (with ``COUNTS``)."""
        results = self.query_one(OptionList)
        # In one step: clearing first emptied the list's virtual size and refilled it, which
        # redrew its scrollbar in one more frame after the results.
        results.set_options(options)
        if options:
            results.highlighted = 0
        if self.COUNTS:
            self.query_one(f"#{self.IDS[0]}-more", Label).update(more)

    def on_mount(self) -> None:
        # A watcher runs as the key changes the query, so the results go out in the same frame
        # as the character typed; Input.Changed came round a frame later (16 ms, at 60 a second).
        self.watch(self.query_one(Input), "value", self.narrow, init=False)

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
