"""The quick, optional prompt after an outcome: what you gave, asked, noted, and when next.

The outcome is already saved when this opens, so Escape loses nothing; Enter adds the
details. Giving comes first while the person has never been given anything. After a
clash with a change on disk it reopens with the typed text and ``message`` saying what
the file holds now. Should a signal end the app while it is open, what is typed is kept
as a draft of the touch (``storage.drafts``) and the next start offers it again, in
this prompt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from networkday.domain.dates import parse_when
from networkday.domain.touch import KEEP, FollowUp, TouchDetails
from networkday.storage.drafts import Draft
from networkday.ui.modals import DIALOG_CSS


@dataclass(frozen=True)
class TouchKey:
    """The touch a prompt adds to, and what its details were when the prompt first opened
    (the base of the three-way save, kept in a draft so a reopened prompt still has it)."""

    contact: str
    touch: str
    at: datetime
    base: TouchDetails


@dataclass(frozen=True)
class LogDetails:
    gave: str
    asked: str
    note: str
    follow_up: FollowUp
    #: The follow-up as typed, to show it again when the prompt reopens.
    follow_up_text: str = ""

    def values(self) -> dict[str, str]:
        """The typed text by field id, as ``LogPrompt`` takes it back."""
        return {"gave": self.gave, "asked": self.asked, "note": self.note, "follow-up": self.follow_up_text}


class LogPrompt(ModalScreen[LogDetails | None]):
    CSS_PATH = DIALOG_CSS
    #: The first field, not the scrolling dialog: what is typed at once is what you gave or asked.
    AUTO_FOCUS = "Input"
    BINDINGS = [Binding("escape", "skip", "Skip", id="log.skip")]

    FIELDS = ("gave", "asked", "note", "follow-up")

    def __init__(
        self,
        name: str,
        outcome_label: str,
        has_given: bool,
        today: date,
        *,
        touch: TouchKey | None = None,
        values: Mapping[str, str | bool] | None = None,
        message: str = "",
    ) -> None:
        """``touch`` names the touch the details are for, so a draft can be kept; ``values``
        fills the fields again (after a clash, or from a draft); ``message`` says why."""
        super().__init__()
        self._name = name
        self._outcome = outcome_label
        self._give_first = not has_given
        self._today = today
        self._touch = touch
        self._values = dict(values or {})
        self._message = message

    def compose(self) -> ComposeResult:
        give = ("gave", "What can you offer?" if self._give_first else "What did you give?")
        ask = ("asked", "What will you ask?" if self._give_first else "What did you ask?")
        fields = [give, ask] if self._give_first else [ask, give]
        with VerticalScroll(classes="dialog", id="log-prompt"):
            yield Label(f"{self._name}: {self._outcome}. Anything to add?", markup=False, classes="dialog-title")
            yield Label("Enter saves · Tab next field · Esc skips", markup=False, classes="dialog-keys")
            for field_id, label in fields:
                yield Label(label, markup=False)
                yield Input(self._value(field_id), id=f"log-{field_id}", compact=True)
            yield Label("Note", markup=False)
            yield Input(self._value("note"), id="log-note", compact=True)
            yield Label("Next follow-up", markup=False)
            yield Input(
                self._value("follow-up"),
                placeholder="+3 · +1w · +2w · 2026-12-01 · none",
                id="log-follow-up",
                compact=True,
            )
            yield Label(self._message, id="log-error", classes="field-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        follow_text = self.query_one("#log-follow-up", Input).value.strip()
        follow: FollowUp = KEEP
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
                follow_up_text=follow_text,
            )
        )

    def action_skip(self) -> None:
        self.dismiss(None)

    def _value(self, field: str) -> str:
        return str(self._values.get(field, ""))

    def keep_typed(self, kept: datetime, why: str) -> list[Draft]:
        """What is typed, as a draft of the touch; none when nothing is, or the touch is unknown."""
        typed = {field: self.query_one(f"#log-{field}", Input).value for field in self.FIELDS}
        typed = {field: text for field, text in typed.items() if text.strip()}
        key = self._touch
        if not typed or key is None:
            return []
        extra = {
            "name": self._name,
            "outcome": self._outcome,
            "has_given": not self._give_first,
            "touch": key.touch,
            "base": key.base.table(),
        }
        return [Draft("log", key.contact, dict(typed), kept, why, key.at, extra)]
