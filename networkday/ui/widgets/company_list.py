"""The Companies list: a virtual list on the Line API, so 10,000 companies cost what 20 do.

Only the lines in sight are built, each from its ``CompanyRow`` when it is drawn; showing
a new list builds no text per row. Line 0 is the column header.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.message import Message
from textual.strip import Strip

from networkday.domain.company_rows import CompanyRow
from networkday.ui.widgets.company_cells import CONFLICT, NO_PATH, CompanyContext, cell_text, layout
from networkday.ui.widgets.contact_row import fit
from networkday.ui.widgets.virtual_list import VirtualList


class CompanyList(VirtualList):
    COMPONENT_CLASSES = {"company-list--header", "company-list--quiet", "company-list--alert"}
    DEFAULT_CSS = """
    CompanyList {
        & > .company-list--header { text-style: bold; color: $text-accent; }
        & > .company-list--quiet { color: $text-muted; }
        & > .company-list--alert { text-style: bold; color: $text-warning; }
    }
    """
    HEADER_LINES = 1

    class Highlighted(Message):
        """The cursor moved to another company (None: the list is empty)."""

        def __init__(self, row: CompanyRow | None) -> None:
            super().__init__()
            self.row = row

    class Chosen(Message):
        def __init__(self, row: CompanyRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[CompanyRow] = []
        self.context: CompanyContext | None = None

    def show(self, rows: list[CompanyRow], context: CompanyContext, keep: str | None = None) -> None:
        """New rows; the cursor stays on the company ``keep`` when it is still listed, else at its index."""
        self.rows = rows
        self.context = context
        index = next((i for i, row in enumerate(rows) if row.key == keep), None) if keep else None
        self.update_size()
        self._place(self.cursor if index is None else index, notify=True, centre=index is not None)
        self.refresh()

    def current(self) -> CompanyRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def highlighted(self) -> None:
        self.post_message(self.Highlighted(self.current()))

    def choose(self, index: int) -> None:
        self.post_message(self.Chosen(self.rows[index]))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        columns = layout(width)
        base = self.rich_style
        if y == 0:
            return self._strip([column.label for column, _ in columns], base, "company-list--header", columns, width)
        index = self.row_at(y)
        if index is None or self.context is None:
            return Strip.blank(width, base)
        row, context = self.rows[index], self.context
        cells = [cell_text(column, row, context, size) for column, size in columns]
        quiet = "company-list--quiet" if not row.target and cells[4] == NO_PATH else ""
        role = self.cursor_role() if index == self.cursor else quiet
        return self._strip(cells, base, role, columns, width)

    def _strip(self, cells: list[str], base: Style, role: str, columns, width: int) -> Strip:
        style = base + self.get_component_rich_style(role) if role else base
        # partial: the alert's own colour and weight only, so the cursor's bar keeps its background
        alert = style + self.get_component_rich_style("company-list--alert", partial=True)
        segments = [Segment(" ", style)]
        for text, (column, size) in zip(cells, columns, strict=True):
            cell_style = alert if column.key == "marks" and text == CONFLICT else style
            segments.append(Segment(fit(text, size), cell_style))
            segments.append(Segment(" ", style))
        return Strip(segments).adjust_cell_length(width, style)
