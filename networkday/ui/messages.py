"""The intents that screens and dialogs announce to the App, which acts on them.

Messages go up and calls go down: a screen that logged an outcome, or wants a person's
screen opened, posts one of these; it bubbles to the App, whose handler does the work.
"""

from __future__ import annotations

from pathlib import Path

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


class OpenBrief(Message):
    """Show this person's call brief, before the call."""

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self.contact_id = contact_id


class ContactFilesChanged(Message):
    """Contact files changed on disk under the app (another instance, a command, a hand edit, a pull).

    ``contact_ids``: those read again, the store holding them as they are now; None: the
    watch lost track, and every file must be looked at. ``known``: the files that could
    not be read before, so that only new problems are announced.
    """

    def __init__(self, contact_ids: frozenset[str] | None, known: frozenset[Path] = frozenset()) -> None:
        super().__init__()
        self.contact_ids = contact_ids
        self.known = known


class CompanyFilesChanged(Message):
    """Company files changed on disk (or were read for the first time, after the first frame).

    The store has read them again, so ``problems`` holds theirs as they are now; ``known``:
    the files that could not be read before, so that only new problems are announced.
    """

    def __init__(self, known: frozenset[Path]) -> None:
        super().__init__()
        self.known = known
