"""A list on the Line API: only the lines in sight are ever drawn, so 30,000 rows cost what 30 do.

The network list and the journal's days both derive from it. It keeps the cursor, scrolls
just enough to keep the cursor's whole row in sight, repaints only the lines a move
changes, and moves with the same keys (and binding ids) as every other list. A subclass
says how many lines its header holds (they stay put while the rows scroll), how tall a
row is, and draws each line in ``render_line``.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView

from networkday.ui.widgets.list_keys import list_bindings


class VirtualList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"virtual-list--cursor", "virtual-list--cursor-blurred"}
    DEFAULT_CSS = """
    VirtualList {
        background: $surface;
        overflow-x: hidden;
        & > .virtual-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .virtual-list--cursor-blurred {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS = [
        *list_bindings("move(1)", "move(-1)", "first", "last", "page(-1)", "page(1)"),
        Binding("enter", "choose", "Open", id="list.open"),
    ]
    #: Lines at the top that stay in place: a column header.
    HEADER_LINES = 0

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[object] = []
        self.cursor = 0
        #: Lines per row; every row has the same height.
        self.row_height = 1

    @property
    def row_count(self) -> int:
        return len(self.rows)

    # -- what a subclass may add ---------------------------------------------------------------

    def choose(self, index: int) -> None:
        """Enter or a double click on row ``index``."""

    def highlighted(self) -> None:
        """The cursor moved to another row, or a new list was shown."""

    # -- geometry ------------------------------------------------------------------------------

    @property
    def _rows_height(self) -> int:
        """Lines in sight below the header; never less than one row."""
        return max(self.size.height - self.HEADER_LINES, self.row_height)

    def row_at(self, y: int) -> int | None:
        """The row drawn on line ``y`` of the widget, or None on the header or below the rows."""
        line = round(self.scroll_y) + y - self.HEADER_LINES
        if y < self.HEADER_LINES or line < 0:
            return None
        index = line // self.row_height
        return index if index < self.row_count else None

    def update_size(self) -> None:
        # No width: rows are cut to the list, never scrolled sideways, and a virtual width that
        # followed the first layout repainted every line a second time before the first frame.
        self.virtual_size = Size(0, self.HEADER_LINES + self.row_count * self.row_height)

    # -- the cursor ----------------------------------------------------------------------------

    def _place(self, index: int, *, notify: bool = False, centre: bool = False) -> None:
        """Moves the cursor, scrolls just enough to show its row, and repaints only what changed."""
        old = self.cursor
        self.cursor = min(max(index, 0), max(self.row_count - 1, 0))
        top, height, size = round(self.scroll_y), self._rows_height, self.row_height
        first = self.cursor * size
        if centre and not top <= first < top + height:
            top = first - (height - size + 1) // 2
        elif first < top:
            top = first
        elif first + size > top + height:
            top = first + size - height
        top = min(max(top, 0), max(self.HEADER_LINES + self.row_count * size - self.size.height, 0))
        if top != round(self.scroll_y):
            self.scroll_to(y=top, animate=False, immediate=True)
        else:
            self._refresh_row(old)
            self._refresh_row(self.cursor)
        if notify or old != self.cursor:
            self.highlighted()

    def _refresh_row(self, index: int) -> None:
        self.refresh_lines(self.HEADER_LINES + index * self.row_height, self.row_height)

    def action_move(self, offset: int) -> None:
        self._place(self.cursor + offset)

    def action_page(self, direction: int) -> None:
        rows = max(self._rows_height // self.row_height - 1, 1)
        self._place(self.cursor + direction * rows)

    def action_first(self) -> None:
        self._place(0)

    def action_last(self) -> None:
        self._place(self.row_count - 1)

    def action_choose(self) -> None:
        if 0 <= self.cursor < self.row_count:
            self.choose(self.cursor)

    # -- events --------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        index = self.row_at(event.y)
        if index is not None:
            self._place(index)
            if event.chain == 2:
                self.action_choose()

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)

    def on_resize(self) -> None:
        """Textual repaints a widget whose size changed; here the rows only follow the height."""
        self.update_size()
        self._place(self.cursor)

    def cursor_role(self) -> str:
        """The component class of the cursor row: brighter while the list has focus."""
        return "virtual-list--cursor" if self.has_focus else "virtual-list--cursor-blurred"
