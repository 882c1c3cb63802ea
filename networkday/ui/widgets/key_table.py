"""A DataTable of rows that moves like every other list, under the same binding ids.

DataTable's own Home and End scroll sideways, which in a table with a row cursor leaves
the cursor where it was, and its Enter takes the key from the screen even when nothing
handles the selection. Here Home and End go to the first and last row, j and k move as
the arrows do, and Enter is left to the screen (open the day, edit the session...).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable

from networkday.ui.widgets.list_keys import list_bindings


class KeyTable(DataTable, inherit_bindings=False):
    BINDINGS = [
        *list_bindings("cursor_down", "cursor_up", "scroll_top", "scroll_bottom", "page_up", "page_down"),
        # A table wider than a small terminal scrolls sideways.
        Binding("left", "cursor_left", "Scroll left", show=False, id="list.left"),
        Binding("right", "cursor_right", "Scroll right", show=False, id="list.right"),
    ]
