"""The quick, optional prompt after an outcome: what you gave, asked, noted, and when next.

The outcome is already saved when this opens, so Escape loses nothing; Enter adds the
details. Giving comes first while the person has never been given anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from networkday.domain.contact import Contact
from networkday.domain.dates import parse_when
from networkday.domain.touch import KEEP
from networkday.services.actions import add_touch_details
from networkday.storage.store import Store
from networkday.ui.modals import DIALOG_CSS


@dataclass(frozen=True)
class LogDetails:
    gave: str
    asked: str
    note: str
    follow_up: date | object | None


def save_details(store: Store, contact_id: str, at: datetime, details: LogDetails) -> Contact:
    """Adds the prompt's answers to the touch logged at ``at``; Today and the list both save them so."""
    return add_touch_details(
        store, contact_id, at, gave=details.gave, asked=details.asked, note=details.note, follow_up=details.follow_up
    )


class LogPrompt(ModalScreen[LogDetails | None]):
    CSS_PATH = DIALOG_CSS
    #: The first field, not the scrolling dialog: what is typed at once is what you gave or asked.
    AUTO_FOCUS = "Input"
    BINDINGS = [Binding("escape", "skip", "Skip", id="log.skip")]

    def __init__(self, name: str, outcome_label: str, has_given: bool, today: date) -> None:
        super().__init__()
        self._name = name
        self._outcome = outcome_label
        self._give_first = not has_given
        self._today = today

    def compose(self) -> ComposeResult:
        give = ("gave", "What can you offer?" if self._give_first else "What did you give?")
        ask = ("asked", "What will you ask?" if self._give_first else "What did you ask?")
        fields = [give, ask] if self._give_first else [ask, give]
        with VerticalScroll(classes="dialog", id="log-prompt"):
            yield Label(f"{self._name}: {self._outcome}. Anything to add?", markup=False, classes="dialog-title")
            yield Label("Enter saves · Tab next field · Esc skips", markup=False, classes="dialog-keys")
            for field_id, label in fields:
                yield Label(label, markup=False)
                yield Input(id=f"log-{field_id}", compact=True)
            yield Label("Note", markup=False)
            yield Input(id="log-note", compact=True)
            yield Label("Next follow-up", markup=False)
            yield Input(placeholder="+3 · +1w · +2w · 2026-12-01 · none", id="log-follow-up", compact=True)
            yield Label("", id="log-error", classes="field-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        follow_text = self.query_one("#log-follow-up", Input).value.strip()
        follow: date | object | None = KEEP
        if follow_text.lower() == "none":
            follow = None
        elif follow_text:
            try:
                follow = parse_when(follow_text, self._today)
            except ValueError as error:
                self.query_one("#log-error", Label).update(str(error))
                self.query_one("#log-follow-up", Input).focus()
                return
        self.dismiss(
            LogDetails(
                gave=self.query_one("#log-gave", Input).value.strip(),
                asked=self.query_one("#log-asked", Input).value.strip(),
                note=self.query_one("#log-note", Input).value.strip(),
                follow_up=follow,
            )
        )

    def action_skip(self) -> None:
        self.dismiss(None)
