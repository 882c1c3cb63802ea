"""A DataTable of rows that moves like every other list, under the same binding ids.

DataTable's own Home and End scroll sideways, which in a table with a row cursor leaves
the cursor where it was, and its Enter takes the key from the screen even when nothing
handles the selection. Here Home and End go to the first and last row, j and k move as
the arrows do, and Enter is left to the screen (open the day, edit the session...).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class KeyTable(DataTable, inherit_bindings=False):
    BINDINGS = [
        # The same ids as the contact list's and the journal's, so one [keys] line remaps every list.
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down", "cursor_down", "Down", show=False, id="list.cursor_down"),
        Binding("up", "cursor_up", "Up", show=False, id="list.cursor_up"),
        Binding("home", "scroll_top", "First", show=False, id="list.first"),
        Binding("end", "scroll_bottom", "Last", show=False, id="list.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        # A table wider than a small terminal scrolls sideways.
        Binding("left", "cursor_left", "Scroll left", show=False, id="list.left"),
        Binding("right", "cursor_right", "Scroll right", show=False, id="list.right"),
    ]
