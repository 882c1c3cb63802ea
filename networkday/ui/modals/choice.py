"""Small dialogs: pick one of a few options, or type one line."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from networkday.domain.text import shown, shown_line
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.widgets.key_list import KeyList
from networkday.ui.widgets.typed_in_order import LineField


class ChoiceModal(ModalScreen[str | None]):
    """Options as (value, label); Enter picks, Escape cancels."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(self, title: str, options: list[tuple[str, str]], selected: str | None = None) -> None:
        super().__init__()
        self._title = title
        self._options = options
        self._selected = selected

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(shown(self._title), markup=False, classes="dialog-title")
            yield KeyList(*(Option(label, id=value) for value, label in self._options), id="choices")
            yield Label("↑↓ or j/k · Enter picks · Esc cancels", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for value, _ in self._options]
        if self._selected in values:
            options.highlighted = values.index(self._selected)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextModal(ModalScreen[str | None]):
    """One line of text; ``check`` returns an error message to show, or None when valid."""

    CSS_PATH = DIALOG_CSS

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="text.cancel")]

    def __init__(
        self,
        title: str,
        value: str = "",
        placeholder: str = "",
        check: Callable[[str], str | None] | None = None,
        error: str = "",
    ) -> None:
        """``error`` opens it with a reason shown, as when a prompt comes back refused with what was typed."""
        super().__init__()
        self._title = title
        self._value = value
        self._placeholder = placeholder
        self._check = check
        self._error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(shown(self._title), markup=False, classes="dialog-title")
            # Shown without control characters (a purpose from a hand-edited file may hold an
            # escape sequence); Enter on it unchanged gives back the value as it was.
            yield LineField(shown_line(self._value), placeholder=self._placeholder, id="text-value", compact=True)
            yield Label(shown(self._error), id="text-error", classes="field-error", markup=False)
            yield Label("Enter accepts · Esc cancels", classes="dialog-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = self._value if event.value == shown_line(self._value) else event.value
        error = self._check(value) if self._check else None
        if error:
            self.query_one("#text-error", Label).update(error)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
