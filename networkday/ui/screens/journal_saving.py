"""Saving the journal entry on screen: as it is typed, on leaving, and never over a hand edit.

Saving follows the store's three-way rule (``save_journal``): only what the person
changed is written, onto the day file as it is on disk at that moment. Typing is saved
``DEBOUNCE`` seconds after the last key, and never later than ``MAX_WAIT`` seconds after
the first unsaved one, so a crash or a closed terminal loses at most a second of typing;
leaving the screen, opening another day and quitting save at once. Every ``POLL``
seconds the day file is checked: a hand edit of an answer not being typed shows at once;
so are the company files, whose moves the figures count.

When the same answer was also changed in the day file by hand, nothing is written: the
words stay on screen and the person chooses, by key, to take the file's version (R) or
to keep theirs and overwrite it (W). Quitting before choosing keeps both: the typed text
is saved beside the hand edit as an answer of its own.
"""

from __future__ import annotations

import time
from abc import abstractmethod
from datetime import date

from textual.timer import Timer
from textual.widgets import Static

from networkday.domain.day import Journal
from networkday.domain.errors import ConflictError
from networkday.domain.journal_draft import Draft
from networkday.services.journal import RATING, save_journal
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from networkday.ui.screens.data_screen import DataScreen
from networkday.ui.widgets.answer_area import AnswerArea

DEBOUNCE = 0.6
MAX_WAIT = 1.0


def save_delay(dirty_since: float, now: float, debounce: float = DEBOUNCE) -> float:
    """How long to wait to save typing: ``debounce`` after the last change, but at most
    MAX_WAIT after the first unsaved one, so steady typing is still saved each second."""
    return max(min(debounce, dirty_since + MAX_WAIT - now), 0.05)


POLL = 2.0


class JournalSaving(DataScreen):
    """The base of the journal screen, which provides the entry (``draft``) and its widgets."""

    day: date
    draft: Draft | None
    #: Each answer's prompt and text area, in the entry's order.
    _answers: list[tuple[Static, AnswerArea]]
    #: Why nothing can be saved for this day (unreadable or newer file), else "".
    blocked = ""
    #: The clash that stopped the last save, until the person resolves it.
    conflict: ConflictError | None = None
    error = ""
    saved_at = ""
    _fingerprint: tuple[int, int] | None = None
    #: The company files' marks when the figures were last counted (``_show_figures`` sets them).
    _company_marks: tuple[object, ...] = ()
    _timer: Timer | None = None
    _dirty_since: float | None = None
    #: The app is closing and the widgets are gone: save, but show nothing.
    _leaving = False

    @property
    def store(self) -> Store:
        return self.app.store

    # What the journal screen draws, called after a save or a change on disk.
    @abstractmethod
    def _load(self) -> None: ...

    @abstractmethod
    def _build_answers(self) -> None: ...

    @abstractmethod
    def _areas(self) -> list[AnswerArea]: ...

    @abstractmethod
    def _show_figures(self) -> None: ...

    @abstractmethod
    def _show_state(self) -> None: ...

    def on_text_area_changed(self, event: AnswerArea.Changed) -> None:
        area = event.text_area
        if self.draft is None or not isinstance(area, AnswerArea):
            return
        self.draft.set_text(area.key, area.changed_text)
        if self.draft.dirty:
            self._schedule()
        self._show_state()

    def _schedule(self) -> None:
        """Saves DEBOUNCE after the last change, but at most MAX_WAIT after the first unsaved one."""
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(save_delay(self._dirty_since, now), self.flush)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._dirty_since = None

    def flush(self) -> bool:
        """Saves what is on screen now; True when nothing is left unsaved."""
        self._stop_timer()
        draft = self.draft
        if draft is None or self.blocked or not draft.dirty:
            return True
        if self.conflict is not None:
            return False
        try:
            disk = save_journal(self.store, self.day, draft.base, draft.edited())
        except ConflictError as error:
            self.conflict = error
            self._show_state()
            clashing = [label for label, area in self._answers if area.key[0] in error.fields]
            if clashing and not self._leaving:
                clashing[0].scroll_visible(top=True, animate=False)  # its prompt at the top, in sight
            return False
        except StoreError as error:
            self.error = str(error)
            self._show_state()
            return False
        self._took(disk, prefer_mine=True)
        self.error = ""
        self.saved_at = self.app.clock.now().strftime("%H:%M:%S")
        self._show_state()
        return True

    def _took(self, disk: Journal, *, prefer_mine: bool) -> None:
        """The journal now on disk becomes the base; texts that changed there are shown."""
        assert self.draft is not None
        before = [key for key, _ in self.draft.sections()]
        if self.draft.rebase(disk, prefer_mine=prefer_mine) and not self._leaving:
            sections = self.draft.sections()
            if [key for key, _ in sections] != before:
                self._build_answers()
            else:
                for area, (_, text) in zip(self._areas(), sections, strict=True):
                    if area.changed_text != text:
                        area.show(text)
        self._fingerprint = self.store.day_fingerprint(self.day)

    def _poll(self) -> None:
        """The day file changed on disk (a hand edit, another window): show it, or save against it.

        A company file changed (``opportunity move`` in another shell) changes only the
        figures' opportunities moved: they are counted again, the entry is left alone.
        """
        if self.store.day_fingerprint(self.day) == self._fingerprint:
            if self.store.company_marks() != self._company_marks:
                self._show_figures()
            return
        self.store.refresh_days([self.day])
        if self.draft is None or self.blocked:
            self._load()
            return
        if self.draft.dirty:
            self.flush()
        elif self.conflict is None:
            try:
                disk = self.store.day(self.day).journal
            except StoreError:
                self._load()
                return
            self._took(disk, prefer_mine=False)
        self._show_figures()
        self._show_state()

    def _keep_both(self) -> None:
        assert self.draft is not None
        label = f"kept from the app {self.app.clock.now():%Y-%m-%d %H:%M}"
        try:
            disk = self.store.day(self.day).journal
            save_journal(self.store, self.day, disk, self.draft.keep_both(disk, label))
        except (StoreError, ConflictError) as error:
            self.app.notify(f"Journal for {self.day} not saved: {error}", severity="error", markup=False)

    def action_resolve(self, mine: bool) -> None:
        """After a clash: take the file's text (R) or keep the words on screen and overwrite (W)."""
        if self.conflict is None or self.draft is None:
            return
        try:
            disk = self.store.day(self.day).journal
        except StoreError as error:
            self.error = str(error)
            self._show_state()
            return
        self.conflict = None
        self._took(disk, prefer_mine=mine)
        if self.flush():
            self.notify("Your text was saved over the file's." if mine else "The file's text is shown.", timeout=3)

    def _problem_text(self) -> str:
        if self.conflict is not None:
            names = " and ".join("the rating" if name == RATING else repr(name) for name in self.conflict.fields)
            return (
                f"Not saved: {names} also changed in the day file since it was opened here.\n"
                "Your words are kept on screen. Press Esc, then R to use the file's text or W to keep yours over it."
            )
        return f"Not saved: {self.error}" if self.error else ""
