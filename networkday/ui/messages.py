"""The intents that screens and dialogs announce to the App, which acts on them.

Messages go up and calls go down: a screen that logged an outcome, or wants a person's
screen opened, posts one of these; it bubbles to the App, whose handler does the work.
"""

from __future__ import annotations

from textual.message import Message


class OutcomeLogged(Message):
    """A touch with an outcome was saved: the timer should count networking."""


class TimerChanged(Message):
    """The timer's sessions were changed in a dialog: the timer bars show them again."""


class OpenContact(Message):
    """Show this person's whole story."""

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self.contact_id = contact_id
