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
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from networkday.domain.summary import ContactSummary
from networkday.ui.widgets.contact_row import Column, RowContext, cell_text, fit, layout


class ContactList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "contact-list--header",
        "contact-list--cursor",
        "contact-list--cursor-blurred",
        "contact-list--alert",
        "contact-list--quiet",
    }
    DEFAULT_CSS = """
    ContactList {
        background: $surface;
        overflow-x: hidden;
        & > .contact-list--header { text-style: bold; color: $text-accent; }
        & > .contact-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .contact-list--cursor-blurred {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .contact-list--alert { color: $text-warning; text-style: bold; }
        & > .contact-list--quiet { color: $text-muted; }
    }
    """
    BINDINGS = [
        # The same ids as Today's queue table, so one [keys] line remaps both lists.
        Binding("j", "move(1)", "Down", show=False, id="list.down"),
        Binding("k", "move(-1)", "Up", show=False, id="list.up"),
        Binding("down", "move(1)", "Down", show=False, id="list.cursor_down"),
        Binding("up", "move(-1)", "Up", show=False, id="list.cursor_up"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("enter", "choose", "Open", id="list.open"),
    ]

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
        self.cursor = 0
        self.context: RowContext | None = None
        self._columns: list[tuple[Column, int]] = []

    # -- data ------------------------------------------------------------------------------

    def show(self, rows: list[ContactSummary], context: RowContext, keep: str | None = None) -> None:
        """New rows; the cursor stays on ``keep`` when it is still listed, else at its index."""
        self.rows = rows
        self.context = context
        index = self.index_of(keep) if keep else None
        self.virtual_size = Size(self.size.width, len(rows) + 1)
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

    # -- the cursor ------------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(self.size.height - 2, 1)

    def _place(self, index: int, *, notify: bool, centre: bool = False) -> None:
        """Moves the cursor, scrolls just enough to show it, and repaints only what changed."""
        old = self.cursor
        self.cursor = min(max(index, 0), max(len(self.rows) - 1, 0))
        top = round(self.scroll_y)
        visible = max(self.size.height - 1, 1)
        if centre and not top <= self.cursor < top + visible:
            top = self.cursor - visible // 2
        elif self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + visible:
            top = self.cursor - visible + 1
        top = min(max(top, 0), max(len(self.rows) + 1 - self.size.height, 0))
        if top != round(self.scroll_y):
            self.scroll_to(y=top, animate=False, immediate=True)
        else:
            self.refresh_line(old + 1)
            self.refresh_line(self.cursor + 1)
        if notify or old != self.cursor:
            current = self.current()
            self.post_message(self.Highlighted(current.id if current else None))

    def action_move(self, offset: int) -> None:
        self._place(self.cursor + offset, notify=False)

    def action_page(self, direction: int) -> None:
        self._place(self.cursor + direction * self._page, notify=False)

    def action_first(self) -> None:
        self._place(0, notify=False)

    def action_last(self) -> None:
        self._place(len(self.rows) - 1, notify=False)

    def action_choose(self) -> None:
        current = self.current()
        if current is not None:
            self.post_message(self.Chosen(current.id))

    def on_click(self, event: Click) -> None:
        row = event.y + round(self.scroll_y) - 1
        if 0 <= row < len(self.rows):
            self._place(row, notify=False)
            if event.chain == 2:
                self.action_choose()

    def _on_focus(self, event) -> None:
        self.refresh_line(self.cursor + 1)

    def _on_blur(self, event) -> None:
        self.refresh_line(self.cursor + 1)

    # -- drawing ---------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._columns = layout(self.scrollable_content_region.width)
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self._place(self.cursor, notify=False)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if not self._columns:
            self._columns = layout(width)
        base = self.rich_style
        if y == 0:
            return self._strip(((column.label, False) for column, _ in self._columns), base, "header", width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self.rows) or self.context is None:
            return Strip.blank(width, base)
        summary, context = self.rows[index], self.context
        cells = (cell_text(column, summary, context) for column, _ in self._columns)
        if index == self.cursor:
            role = "cursor" if self.has_focus else "cursor-blurred"
        else:
            role = "quiet" if summary.last_ts is None else ""
        return self._strip(cells, base, role, width)

    def _strip(self, cells, base: Style, role: str, width: int) -> Strip:
        row_style = base + self.get_component_rich_style(f"contact-list--{role}") if role else base
        alert = row_style + self.get_component_rich_style("contact-list--alert")
        segments = [Segment(" ", row_style)]
        for (text, urgent), (_, size) in zip(cells, self._columns, strict=True):
            segments.append(Segment(fit(text, size), alert if urgent else row_style))
            segments.append(Segment(" ", row_style))
        return Strip(segments).adjust_cell_length(width, row_style)
