"""The network list: a virtual list on the Line API that stays fast at 30,000 rows.

Only the lines on screen are ever built, so showing a new list costs nothing per row and
a cursor move repaints two lines. DataTable measures every cell when rows are added
(seconds at 30,000) and OptionList builds an object per row; bench/contacts_latency.py
prints the three side by side.

Line 0 is the column header; rows follow it, so the header scrolls with nothing and the
scrollbar covers the rows. Cells are plain text cut to their column with wide characters
counted double, so CJK and emoji names keep the columns aligned.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.message import Message
from textual.strip import Strip

from networkday.domain.summary import ContactSummary
from networkday.ui.widgets.contact_row import Column, RowContext, cell_text, fit, layout
from networkday.ui.widgets.virtual_list import VirtualList


class ContactList(VirtualList):
    COMPONENT_CLASSES = {"contact-list--header", "contact-list--alert", "contact-list--quiet"}
    DEFAULT_CSS = """
    ContactList {
        & > .contact-list--header { text-style: bold; color: $text-accent; }
        & > .contact-list--alert { color: $text-warning; text-style: bold; }
        & > .contact-list--quiet { color: $text-muted; }
    }
    """
    HEADER_LINES = 1

    class Highlighted(Message):
        """The cursor moved to another contact (None: the list is empty)."""

        def __init__(self, contact_id: str | None) -> None:
            super().__init__()
            self.contact_id = contact_id

    class Chosen(Message):
        def __init__(self, contact_id: str) -> None:
            super().__init__()
            self.contact_id = contact_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[ContactSummary] = []
        self.context: RowContext | None = None

    # -- data ------------------------------------------------------------------------------

    def show(self, rows: list[ContactSummary], context: RowContext, keep: str | None = None) -> None:
        """New rows; the cursor stays on ``keep`` when it is still listed, else at its index."""
        self.rows = rows
        self.context = context
        index = self.index_of(keep) if keep else None
        self.update_size()
        self._place(self.cursor if index is None else index, notify=True, centre=index is not None)
        self.refresh()

    def index_of(self, contact_id: str) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == contact_id), None)

    def current(self) -> ContactSummary | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def select(self, contact_id: str) -> bool:
        index = self.index_of(contact_id)
        if index is not None:
            self._place(index, notify=True, centre=True)
        return index is not None

    def highlighted(self) -> None:
        current = self.current()
        self.post_message(self.Highlighted(current.id if current else None))

    def choose(self, index: int) -> None:
        self.post_message(self.Chosen(self.rows[index].id))

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        columns = layout(width)
        base = self.rich_style
        if y == 0:
            return self._strip(
                ((column.label, False) for column, _ in columns), base, "contact-list--header", columns, width
            )
        index = self.row_at(y)
        if index is None or self.context is None:
            return Strip.blank(width, base)
        summary, context = self.rows[index], self.context
        cells = (cell_text(column, summary, context) for column, _ in columns)
        quiet = "contact-list--quiet" if summary.last_ts is None else ""  # never contacted
        role = self.cursor_role() if index == self.cursor else quiet
        return self._strip(cells, base, role, columns, width)

    def _strip(self, cells, base: Style, role: str, columns: tuple[tuple[Column, int], ...], width: int) -> Strip:
        row_style = base + self.get_component_rich_style(role) if role else base
        alert = row_style + self.get_component_rich_style("contact-list--alert", partial=True)  # the cursor bar stays
        segments = [Segment(" ", row_style)]
        for (text, urgent), (_, size) in zip(cells, columns, strict=True):
            segments.append(Segment(fit(text, size), alert if urgent else row_style))
            segments.append(Segment(" ", row_style))
        return Strip(segments).adjust_cell_length(width, row_style)
