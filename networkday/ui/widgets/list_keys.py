"""The keys every list moves with, under one set of binding ids.

Arrows, j/k, Home/End and PageUp/PageDown do the same in the network list, Today's
queue, the review, the journal's days and every option list, and one line in ``[keys]``
(``"list.down" = "n"``) remaps them in all of them. Each kind of list names its own
actions; the keys and ids come from here.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType


def list_bindings(down: str, up: str, first: str, last: str, page_up: str, page_down: str) -> list[BindingType]:
    return [
        Binding("j", down, "Down", show=False, id="list.down"),
        Binding("k", up, "Up", show=False, id="list.up"),
        Binding("down", down, "Down", show=False, id="list.cursor_down"),
        Binding("up", up, "Up", show=False, id="list.cursor_up"),
        Binding("home", first, "First", show=False, id="list.first"),
        Binding("end", last, "Last", show=False, id="list.last"),
        Binding("pageup", page_up, "Page up", show=False, id="list.page_up"),
        Binding("pagedown", page_down, "Page down", show=False, id="list.page_down"),
    ]
