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
from textual.message import Message
from textual.strip import Strip

from networkday.ui.widgets.virtual_list import VirtualList


class RowList(VirtualList):
    class Chosen(Message):
        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[list[Text]] = []

    def show(self, rows: Sequence[Sequence[Text]], cursor: int = 0) -> None:
        """New rows (each the same number of lines); the cursor on ``cursor``."""
        self.rows = [list(row) for row in rows]
        self.row_height = max((len(row) for row in self.rows), default=1)
        self.update_size()
        self.scroll_to(y=0, animate=False, immediate=True)
        self._place(cursor)
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
            base = base + self.get_component_rich_style(self.cursor_role())
        segments = [segment for segment in line.render(self.app.console) if segment.text != "\n"]
        return Strip(segments, width).apply_style(base if base else Style())

    def choose(self, index: int) -> None:
        self.post_message(self.Chosen(self, index))
