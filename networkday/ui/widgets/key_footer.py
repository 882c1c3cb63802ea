"""The keys of the screen in one line at the bottom, drawn by one widget.

Textual's Footer mounts a widget per key and restyles each one when it turns compact:
70 ms of every start-up, for a line of text. This draws the same line (the screen's
shown bindings, each key once, the palette's key on the right) as one ``Content``, and
draws it again when the bindings change. Below ``COMPACT_BELOW`` cells the keys lose the
space around them (``w Will`` rather than `` w  Will``), so the main keys of a screen fit
80 columns; a key that does not fit whole is left out rather than cut.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

COMPACT_BELOW = 100


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--disabled"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        link-style: none;
        link-style-hover: none;
        link-background-hover: $block-hover-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--disabled { text-style: dim; }
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    @property
    def compact(self) -> bool:
        return self.size.width < COMPACT_BELOW

    def keys(self) -> list[tuple[Binding, bool]]:
        """The screen's shown bindings, one per action, in order, and whether each is enabled."""
        seen: set[str] = set()
        keys = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen and binding.action != "app.command_palette":
                seen.add(binding.action)
                keys.append((binding, enabled))
        return keys

    def shown(self) -> list[str]:
        """``w Will``, ``x Won't``…: the keys wholly in sight, as the footer says them."""
        return [words for words, _ in self._fitting(self._palette().cell_len)]

    def _palette(self) -> Text:
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if active is None or not self.app.ENABLE_COMMAND_PALETTE:
            return Text()
        line = Text("▏", self.get_component_rich_style("key-footer--description"))
        line.append_text(self._item(active.binding, active.enabled))
        return line if self.compact else Text(" ").append_text(line)

    def _fitting(self, right: int) -> list[tuple[str, Text]]:
        """Each key that fits whole left of ``right`` cells, in words and as drawn."""
        room = self.size.width - right
        fitting, used = [], 0
        for binding, enabled in self.keys():
            item = self._item(binding, enabled)
            used += item.cell_len
            if used > room:
                break
            fitting.append((f"{self.app.get_key_display(binding)} {binding.description}".strip(), item))
        return fitting

    def _item(self, binding: Binding, enabled: bool) -> Text:
        """`` w Will `` roomy, ``w Will `` compact; a click presses the key."""
        click = Style.from_meta({"@click": f"press({binding.key!r})"})
        dim = self.get_component_rich_style("key-footer--disabled") if not enabled else Style()
        pad, gap = ("", " ") if self.compact else (" ", "")
        key_style = self.get_component_rich_style("key-footer--key") + dim + click
        words_style = self.get_component_rich_style("key-footer--description") + dim + click
        return Text.assemble(
            (f"{pad}{self.app.get_key_display(binding)}{pad}", key_style),
            (f"{gap}{binding.description} ", words_style),
        )

    def action_press(self, key: str) -> None:
        self.app.simulate_key(key)

    def render(self) -> Text:
        palette = self._palette()
        line = Text(no_wrap=True, overflow="crop", end="")
        for _, item in self._fitting(palette.cell_len):
            line.append_text(item)
        line.append(" " * max(self.size.width - line.cell_len - palette.cell_len, 0))
        return line.append_text(palette)


def binding_name(binding: Binding) -> str:
    """An action's name in full, for help and the palette.

    The footer shows a binding's description, kept short where room is scarce (``No ans``);
    the app's own bindings then carry the full name as their tooltip (``No answer``).
    Textual's built-in ones (without an id) keep their descriptions.
    """
    return binding.tooltip if binding.id and binding.tooltip else binding.description
