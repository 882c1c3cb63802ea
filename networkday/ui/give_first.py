"""Give before you ask on Today: the only-asked mark of a row, and the detail pane's line of what to offer.

The mark comes from the summary every row has. What to offer needs the person's file
(motives, what was given and asked), so it is read for the row under the cursor only,
after the frame that moved the cursor is drawn: a key never waits for a file, and a run
of keys reads one file per frame at most. What was read is kept until the screen reloads.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from rich.text import Text
from textual.screen import Screen

from networkday.domain.give_first import offer_hints
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from networkday.ui.plain import join


def asked_only_mark() -> str:
    """The mark of a person only asked of: ↩ (give back), or < on the Linux console, whose font has no arrow."""
    return "<" if os.environ.get("TERM", "") == "linux" else "↩"


class OfferHints:
    """The offer line of each person the cursor rested on, read once per reload."""

    def __init__(self, screen: Screen, store: Callable[[], Store], shown: Callable[[], None]) -> None:
        """``shown`` draws the detail pane again once a line has been read."""
        self._screen = screen
        self._store = store
        self._shown = shown
        self._hints: dict[str, list[str]] = {}
        self._wanted: str | None = None
        self._pending = False

    def clear(self) -> None:
        """Forgets what was read: the files may have changed (the screen reloads)."""
        self._hints.clear()

    def line(self, contact_id: str) -> Text:
        """``Offer first: …`` for the person; an empty line while their file is read, or when it cannot be."""
        hints = self._hints.get(contact_id)
        if hints is None:
            self._wanted = contact_id
            if not self._pending:
                self._pending = True
                self._screen.call_after_refresh(self._read)
            return Text("")
        return join(Text("Offer first: ", style="bold"), join(*hints), sep="") if hints else Text("")

    def _read(self) -> None:
        self._pending = False
        contact_id = self._wanted
        if contact_id is None or contact_id in self._hints:
            return
        try:
            hints = offer_hints(self._store().contact(contact_id))
        except StoreError:
            hints = []  # the row shows the file's problem; nothing to suggest from it
        self._hints[contact_id] = hints
        self._shown()
