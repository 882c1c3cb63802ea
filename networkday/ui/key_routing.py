"""Keys read together with the key that opens a prompt go into the prompt, as typed.

Textual hands each key to the widget focused when the key is read. Over a slow link the
keys typed after ``w`` (log "will help") can come in the same read as the ``w``: all of
them go to Today's list, and by the time they come back up to the app unhandled, the log
prompt is open and its field focused, so the note typed into it was lost and its Enter
saved the prompt without it. So the app remembers where each key went; one that comes
back up after the focus moved on to a text field is handed to that field, in the order
it was typed, and does not run the bindings of the screen it was read on.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.widgets import Input, TextArea


class KeyRouting(App[int]):
    """The app's part: remember where a key was handed, and re-hand one the focus moved past."""

    def __init__(self) -> None:
        super().__init__()
        self._handed_to: WeakKeyDictionary[events.Key, DOMNode] = WeakKeyDictionary()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._handed_to[event] = self.screen.focused or self.screen
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """Runs before Textual's own (bindings): a key that missed the field it was typed for goes to it."""
        handed_to = self._handed_to.pop(event, None)
        field = self.screen.focused
        if handed_to is None or field is None or handed_to is field or not _takes_text(field):
            return
        event.stop()
        event.prevent_default()  # not the bindings of the screen it was read on
        again = events.Key(event.key, event.character)
        self._handed_to[again] = field
        field._forward_event(again)


def _takes_text(widget: DOMNode) -> bool:
    if isinstance(widget, TextArea):
        return not widget.read_only
    return isinstance(widget, Input) and not widget.disabled
