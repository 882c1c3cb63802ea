"""A list of ready-made rows that draws only the lines on screen, for lists that grow every day.

Years of journal days are a thousand rows and more; an OptionList wraps and measures
every one of them when it opens (about half a second at 1,100), while this draws the
twenty or so in sight. Each row is one or more lines of plain ``Text``, all rows the same
height; a line longer than the list ends in an ellipsis.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"row-list--cursor", "row-list--cursor-blurred"}
    DEFAULT_CSS = """
    RowList {
        background: $surface;
        overflow-x: hidden;
        & > .row-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .row-list--cursor-blurred {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="list.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="list.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("home,ctrl+home", "move_to(0)", "First", show=False, id="list.first"),
        Binding("end,ctrl+end", "move_to(-1)", "Last", show=False, id="list.last"),
        Binding("enter", "choose", "Open", id="list.open"),
    ]

    class Chosen(Message):
        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[list[Text]] = []
        self.row_height = 1
        self.cursor = 0

    def show(self, rows: Sequence[Sequence[Text]], cursor: int = 0) -> None:
        """New rows (each the same number of lines); the cursor on ``cursor``."""
        self.rows = [list(row) for row in rows]
        self.row_height = max((len(row) for row in self.rows), default=1)
        self.virtual_size = Size(self.size.width, len(self.rows) * self.row_height)
        self.scroll_to(y=0, animate=False, immediate=True)
        self._place(cursor)
        self.refresh()

    def _place(self, index: int) -> None:
        """Moves the cursor and scrolls just enough to keep its whole row in sight."""
        self.cursor = min(max(index, 0), max(len(self.rows) - 1, 0))
        top, height = round(self.scroll_y), max(self.size.height, self.row_height)
        first, last = self.cursor * self.row_height, (self.cursor + 1) * self.row_height
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last > top + height:
            self.scroll_to(y=last - height, animate=False, immediate=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, part = divmod(round(self.scroll_y) + y, self.row_height)
        if index >= len(self.rows) or part >= len(self.rows[index]):
            return Strip.blank(width, self.rich_style)
        line = self.rows[index][part].copy()
        line.no_wrap = True
        line.truncate(width, overflow="ellipsis", pad=True)
        base = self.rich_style
        if index == self.cursor:
            name = "row-list--cursor" if self.has_focus else "row-list--cursor-blurred"
            base = base + self.get_component_rich_style(name)
        segments = [segment for segment in line.render(self.app.console) if segment.text != "\n"]
        return Strip(segments, width).apply_style(base if base else Style())

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) * self.row_height)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = (round(self.scroll_y) + event.y) // self.row_height
        if index < len(self.rows):
            self._place(index)
            if event.chain == 2:
                self.action_choose()

    def action_move(self, offset: int) -> None:
        self._place(self.cursor + offset)

    def action_page(self, direction: int) -> None:
        self._place(self.cursor + direction * max(self.size.height // self.row_height - 1, 1))

    def action_move_to(self, index: int) -> None:
        self._place(index if index >= 0 else len(self.rows) - 1)

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self, self.cursor))
