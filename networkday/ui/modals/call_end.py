"""Ending a call: its outcome by one key (Today's keys), then what was given, asked, gained and next."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from networkday.domain.text import shown_line
from networkday.domain.vocab import OUTCOME_LABELS
from networkday.storage.drafts import Draft
from networkday.ui.modals import DIALOG_CSS
from networkday.ui.modals.log_prompt import LogPrompt

#: The one-key outcomes, the same keys as Today's list.
OUTCOME_KEYS = {"will": "w", "wont": "x", "no-answer": "n", "left-message": "m", "talked": "t", "scheduled": "s"}


class CallOutcome(ModalScreen[str | None]):
    """How the call went, by one key; Escape goes back to the call."""

    CSS_PATH = DIALOG_CSS
    BINDINGS = [
        *(
            Binding(key, f"pick('{outcome}')", OUTCOME_LABELS[outcome], id=f"call_outcome.{outcome}")
            for outcome, key in OUTCOME_KEYS.items()
        ),
        Binding("escape", "cancel", "Back to the call", id="call_outcome.cancel"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self._person = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="call-outcome"):
            yield Label(f"How did the call with {shown_line(self._person)} go?", markup=False, classes="dialog-title")
            for outcome, key in OUTCOME_KEYS.items():
                yield Label(f"{key}  {OUTCOME_LABELS[outcome]}", markup=False)
            yield Label("One key picks · Esc goes back to the call", markup=False, classes="dialog-hint")

    def action_pick(self, outcome: str) -> None:
        self.dismiss(outcome)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CallEndPrompt(LogPrompt):
    """The log prompt for the end of a call: the note is the call's own, so this asks what they gained."""

    TEXT_FIELDS = ("gave", "asked", "gained")
    KEYS_HINT = "Enter logs the call · Tab next field · Esc back"

    def action_skip(self) -> None:
        """Back to the call, whose note is kept; nothing is logged."""
        self.dismiss(None)

    def keep_typed(self, kept: datetime, why: str) -> list[Draft]:
        """Nothing of its own to keep: the call screen under it keeps the note."""
        return []
