"""The call note saved as it is typed, into the drafts file, so no crash or Escape loses it.

The note is not a touch yet (the outcome is not known until the call ends), so it is
kept beside the records as a draft of kind ``call`` (``storage.drafts``), one per
person, rewritten ``DEBOUNCE`` seconds after the last key and never later than
``MAX_WAIT`` after the first unsaved one: a SIGKILL loses at most about a second.
"""

from __future__ import annotations

import time
from datetime import datetime

from textual.timer import Timer

from networkday.storage.drafts import Draft, put_call_draft
from networkday.storage.problems import StoreError
from networkday.ui.screens.data_screen import DataScreen
from networkday.ui.screens.journal_saving import save_delay

DEBOUNCE = 0.5


class CallSaving(DataScreen):
    """The base of the call screen: keeps ``note_text()`` for ``contact_id`` as a draft while it changes."""

    contact_id: str
    name_shown: str
    #: When the call began: the draft's ``at``, so a note brought back keeps its call's clock.
    started: datetime
    _timer: Timer | None = None
    _dirty_since: float | None = None
    #: The text last written to the drafts file.
    _saved_text = ""
    save_error = ""

    def note_text(self) -> str:
        """The note as typed now."""
        raise NotImplementedError

    def show_saved(self) -> None:
        """Shows whether the note is kept (``save_error`` says why not)."""

    def note_changed(self) -> None:
        """Saves DEBOUNCE after the last change, but at most MAX_WAIT after the first unsaved one."""
        if self.note_text() == self._saved_text:
            return
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(save_delay(self._dirty_since, now, DEBOUNCE), self.keep_note)

    def keep_note(self) -> bool:
        """Writes the note as it is now; True when it is kept (or there was nothing new)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._dirty_since = None
        text = self.note_text()
        if text == self._saved_text:
            return True
        kept = self.app.clock.now().replace(microsecond=0)
        draft = Draft("call", self.contact_id, {"note": text}, kept, "typing", self.started, {"name": self.name_shown})
        try:
            put_call_draft(self.app.store, draft)
        except StoreError as error:
            self.save_error = str(error)
            self.show_saved()
            return False
        self._saved_text, self.save_error = text, ""
        self.show_saved()
        return True

    def keep_typed(self, kept: datetime, why: str) -> list[Draft]:
        """A signal ends the app: the note is written now, as a call draft of its own (nothing to add)."""
        self.keep_note()
        return []
