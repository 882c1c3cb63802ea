"""The queue as a table whose columns share out the terminal's width."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from networkday.domain.queue import CADENCE, FOLLOW_UP, QueueItem, last_touch_text
from networkday.domain.summary import ContactSummary
from networkday.ui.plain import plain_line
from networkday.ui.widgets.contact_row import Column, share_out, star
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
#: The columns, their fewest cells and their shares of the rest (see ``contact_row.share_out``).
QUEUE_COLUMNS = (
    Column("done", "Done", 8, 0),
    Column("name", "Name", 12, 24),
    Column("company", "Company", 8, 16),
    Column("via", "Via", 9, 0),
    Column("why", "Why", 12, 30),
    Column("last", "Last touch", 12, 30),
)
#: Cells the table needs before it shows the planned channel, and the company.
VIA_FROM, COMPANY_FROM = 96, 72
#: A long queue scrolls: its scrollbar takes two cells.
SCROLLBAR = 2


def reason_texts(item: QueueItem) -> list[str]:
    """Why the row is there, in full and then shorter; a follow-up still says due or overdue."""
    if item.kind == FOLLOW_UP:
        return [item.reason, "due today" if item.overdue_days == 0 else f"{item.overdue_days}d overdue"]
    if item.kind == CADENCE:
        return [item.reason, "losing touch"]
    return [item.reason]


def touch_texts(full: str) -> list[str]:
    """``5 days ago, email, will``, then ``5d ago, email, will``, ``5d ago, email``, ``5d ago``."""
    parts = full.replace(" days ago", "d ago").split(", ")
    return [full, *(", ".join(parts[:count]) for count in range(len(parts), 0, -1))]


def first_fit(texts: list[str], width: int) -> str:
    """The first of ``texts`` that fits ``width`` cells, else the shortest (cut with an ellipsis)."""
    return next((text for text in texts if cell_len(text) <= width), texts[-1])


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

    def _layout(self) -> list[tuple[Column, int]]:
        """The columns that fit and their widths; every cell has one cell of padding on each side.

        Narrow, the planned channel and then the company give way (the line under the list
        shows both for the cursor row), so the reason and the last touch keep their words.
        """
        width = self._width - SCROLLBAR
        shown = [
            column
            for column in QUEUE_COLUMNS
            if not (column.key == "via" and width < VIA_FROM) and not (column.key == "company" and width < COMPANY_FROM)
        ]
        return list(zip(shown, share_out(width - 2 * len(shown), shown), strict=True))

    def _render_rows(self) -> None:
        # Before its first layout the table has no size yet. It spans the screen, so the
        # screen's width is the guess, and the resize that follows has nothing to redo:
        # rendering hundreds of rows twice cost start-up 40 ms.
        self._width = self.size.width or self.app.size.width
        row = self.cursor_row
        self.clear(columns=True)
        columns = self._layout()
        for column, width in columns:
            self.add_column(column.label, width=width)
        for position, (item, summary) in enumerate(self._rows):
            # Keyed by position: a day may hold two calls to one person (a no answer, then a talk).
            self.add_row(*self._cells(item, summary, columns), key=str(position))
        if self._rows:
            self.move_cursor(row=min(max(row, 0), len(self._rows) - 1))

    def _cells(
        self, item: QueueItem, summary: ContactSummary | None, columns: list[tuple[Column, int]]
    ) -> list[Text | Content]:
        cells: dict[str, Text | Content] = {}
        if item.problem:
            cells["done"] = Content.styled("! error", "bold $text-error")
        elif item.outcome:
            cells["done"] = Content.styled(
                SHORT_OUTCOME.get(item.outcome, item.outcome), OUTCOME_STYLE.get(item.outcome, "")
            )
        else:
            cells["done"] = Content("·  ")
        name = plain_line(summary.name if summary else item.contact_id)
        if summary and summary.hiring_manager:
            name = Text.assemble(f"{star()} ", name)
        elif self._toward.get(item.contact_id):
            name = Text.assemble("→ ", name)
        cells["name"] = name
        cells["company"] = plain_line(summary.company if summary else "")
        cells["via"] = Text(item.channel)
        widths = {column.key: width for column, width in columns}
        cells["why"] = plain_line(item.problem or first_fit(reason_texts(item), widths["why"]))
        cells["last"] = Text(first_fit(touch_texts(last_touch_text(summary, self._now)), widths["last"]))
        for cell in cells.values():
            if isinstance(cell, Text):
                cell.no_wrap, cell.overflow = True, "ellipsis"
        return [cells[column.key] for column, _ in columns]

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
