"""A text area for one journal answer: plain text, soft wrap, never an escape on screen.

Textual's TextArea draws a line's characters as they are, so an ESC typed by hand into
the day file would reach the terminal. This one drops control characters from what it
draws (they take no cell, so the cursor still lines up) and leaves the text itself alone.

It also remembers the exact text it was given: TextArea turns some line separators
(form feed, U+2028, mixed CRLF) into its own newline, so the screen reads an answer
back only once the person has changed it (:attr:`changed_text`).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip

from networkday.domain.journal_draft import Key
from networkday.domain.text import strip_controls
from networkday.ui.widgets.typed_in_order import TextField


class AnswerArea(TextField):
    def __init__(self, key: Key, text: str, *, read_only: bool = False) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            read_only=read_only,
            placeholder="Write here…",
            classes="answer",
        )
        self.key = key
        self.loaded = text
        self._shown = self.text

    def reset(self, key: Key, text: str, *, read_only: bool) -> None:
        """Another answer (another day): new text, cursor at the start, no undo into the old one."""
        self.key = key
        self.read_only = read_only
        self.loaded = text
        self.load_text(text)
        self._shown = self.text

    def show(self, text: str) -> None:
        """Replaces the text (a change from disk), keeping the cursor where it can."""
        row, column = self.cursor_location
        self.loaded = text
        self.load_text(text)
        self._shown = self.text
        last = self.document.line_count - 1
        row = min(row, last)
        self.cursor_location = (row, min(column, len(self.document.get_line(row))))

    @property
    def changed_text(self) -> str:
        """The answer to save: the exact text loaded until the person changes it."""
        return self.loaded if self.text == self._shown else self.text

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        return Strip([Segment(strip_controls(s.text), s.style, s.control) for s in strip], strip.cell_length)
