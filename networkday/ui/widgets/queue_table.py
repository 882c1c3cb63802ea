"""The queue as a table whose columns share out the terminal's width."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from rich.text import Text
from textual.content import Content

from networkday.domain.queue import QueueItem, last_touch_text
from networkday.domain.summary import ContactSummary
from networkday.ui.plain import plain_line
from networkday.ui.widgets.key_table import KeyTable

#: Outcomes in a few letters: the column says it in words, not only in colour.
SHORT_OUTCOME = {
    "will": "will",
    "wont": "won't",
    "no-answer": "no ans",
    "left-message": "left msg",
    "talked": "talked",
    "scheduled": "sched",
}
#: Theme variables, not colour names, so every theme (and the 16-colour one) colours them.
OUTCOME_STYLE = {"will": "bold $text-success", "wont": "$text-error"}


class QueueTable(KeyTable):
    """Rows only: Enter is left to the screen (open the person)."""

    def __init__(self) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id="queue")
        self._rows: list[tuple[QueueItem, ContactSummary | None]] = []
        self._now = datetime.now(UTC)
        self._width = 0
        self._toward: Mapping[str, list[str]] = {}

    def show(
        self,
        items: list[QueueItem],
        contacts: Mapping[str, ContactSummary],
        now: datetime,
        toward: Mapping[str, list[str]] | None = None,
    ) -> None:
        """``toward`` marks the people who are a step toward a hiring manager with ``→``."""
        self._rows = [(item, contacts.get(item.contact_id)) for item in items]
        self._now = now
        self._toward = toward or {}
        self._render_rows()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._render_rows()

    def _widths(self) -> list[int]:
        """Shares out the width; every cell also gets one column of padding on each side."""
        total = max(self._width - 2 - 2 * 6, 48)
        status, via = 7, 8
        rest = total - status - via
        name = max(rest * 28 // 100, 12)
        company = max(rest * 20 // 100, 8)
        why = max(rest * 30 // 100, 10)
        last = max(rest - name - company - why, 8)
        return [status, name, company, via, why, last]

    def _render_rows(self) -> None:
        # Before its first layout the table has no size yet. It spans the screen, so the
        # screen's width is the guess, and the resize that follows has nothing to redo:
        # rendering hundreds of rows twice cost start-up 40 ms.
        self._width = self.size.width or self.app.size.width
        row = self.cursor_row
        self.clear(columns=True)
        for label, width in zip(("Done", "Name", "Company", "Via", "Why", "Last touch"), self._widths(), strict=True):
            self.add_column(label, width=width)
        for position, (item, summary) in enumerate(self._rows):
            # Keyed by position: a day may hold two calls to one person (a no answer, then a talk).
            self.add_row(*self._cells(item, summary), key=str(position))
        if self._rows:
            self.move_cursor(row=min(max(row, 0), len(self._rows) - 1))

    def _cells(self, item: QueueItem, summary: ContactSummary | None) -> list[Text | Content]:
        if item.problem:
            status = Content.styled("! error", "bold $text-error")
        elif item.outcome:
            status = Content.styled(SHORT_OUTCOME.get(item.outcome, item.outcome), OUTCOME_STYLE.get(item.outcome, ""))
        else:
            status = Content("·  ")
        name = plain_line(summary.name if summary else item.contact_id)
        if summary and summary.hiring_manager:
            name = Text.assemble("★ ", name)
        elif self._toward.get(item.contact_id):
            name = Text.assemble("→ ", name)
        company = plain_line(summary.company if summary else "")
        why = plain_line(item.problem or item.reason)
        last = Text(last_touch_text(summary, self._now))
        return [status, name, company, Text(item.channel), why, last]

    def current(self) -> QueueItem | None:
        if not self._rows or self.cursor_row < 0 or self.cursor_row >= len(self._rows):
            return None
        return self._rows[self.cursor_row][0]

    def select(self, contact_id: str) -> None:
        for index, (item, _) in enumerate(self._rows):
            if item.contact_id == contact_id:
                self.move_cursor(row=index)
                return

    def next_open_after(self, contact_id: str) -> None:
        """Moves to the next call not yet made after ``contact_id``, wrapping to the top."""
        ids = [item.contact_id for item, _ in self._rows]
        start = ids.index(contact_id) + 1 if contact_id in ids else 0
        order = list(range(start, len(ids))) + list(range(start))
        for index in order:
            if not self._rows[index][0].made and not self._rows[index][0].problem:
                self.move_cursor(row=index)
                return
