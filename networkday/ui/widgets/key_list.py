"""An OptionList that also moves with j and k, under the same binding ids as every other list.

OptionList already moves with the arrows, Home/End and PageUp/PageDown; the shared ids
(``list.down``, ``list.up``) mean one line in ``[keys]`` remaps j/k in every list at once.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class KeyList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    ]
