"""An OptionList that moves with j and k too, and whose cursor shows without colour.

OptionList already moves with the arrows, Home/End and PageUp/PageDown; here they and j/k
carry the ids every list shares, so one line in ``[keys]`` remaps them in every list at once.

Textual 8.2 builds an option's style without the ``reverse`` of the theme's cursor style,
so in the ANSI theme, whose cursor is reverse video (the one mark NO_COLOR keeps), the
highlighted option would differ from the others by bold alone. This list puts it back.
"""

from __future__ import annotations

from dataclasses import replace

from textual.style import Style as VisualStyle
from textual.widgets import OptionList

from networkday.ui.widgets.list_keys import list_bindings


class KeyList(OptionList):
    BINDINGS = list_bindings("cursor_down", "cursor_up", "first", "last", "page_up", "page_down")

    def get_visual_style(self, *component_classes: str, partial: bool = False) -> VisualStyle:
        style = super().get_visual_style(*component_classes, partial=partial)
        if any(self.get_component_styles(name).text_style.reverse for name in component_classes):
            return replace(style, reverse=True)
        return style
