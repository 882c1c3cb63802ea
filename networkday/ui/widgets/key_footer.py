"""Textual's footer, tightened in narrow terminals so the main keys of a screen fit 80 columns.

Below ``COMPACT_BELOW`` cells the keys lose the space around them (``w Will`` rather than
`` w  Will``); wider, the footer keeps Textual's roomier look.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Footer

COMPACT_BELOW = 100


class KeyFooter(Footer):
    def on_mount(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW


def binding_name(binding: Binding) -> str:
    """An action's name in full, for help and the palette.

    The footer shows a binding's description, kept short where room is scarce (``No ans``);
    the app's own bindings then carry the full name as their tooltip (``No answer``).
    Textual's built-in ones (without an id) keep their descriptions.
    """
    return binding.tooltip if binding.id and binding.tooltip else binding.description
