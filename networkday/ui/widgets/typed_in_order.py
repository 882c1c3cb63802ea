"""Text fields whose editing keys act in the order they were typed, also when keys arrive together.

Textual's Input and TextArea insert a typed character as soon as its key reaches them, but
a key bound to an action (Backspace, an arrow, Home, ctrl+u, ctrl+w, …) acts only once it
has bubbled up to the app. Keys read together, as a slow SSH link delivers typing, then act
out of order: ``ctrl+u Major`` left the field empty, the deletion landing after the text,
and ``Ma Backspace jor`` could come out ``Majo`` (Textual issue #6605). These fields run
their own bindings as the key reaches them, so what is typed is applied as typed.

What runs is what Textual would run: the field's own bindings, remapped by the keymap,
checked with ``check_action``; a binding that is not the field's (a screen's ``ctrl+s``),
or an action that skips, goes on up as before.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def _ran_own_binding(field: Widget, event: events.Key) -> bool:
    """Runs ``field``'s own binding for the key at once; True when one ran (the key is then spent)."""
    if event.is_printable:
        return False
    bindings = field._bindings.copy()  # the field's map, as Textual's binding chain copies it
    if field.app._keymap:
        bindings.apply_keymap(field.app._keymap)
    for binding in bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await field.app.run_action(binding.action, field):
            event.stop()
            event.prevent_default()
            return True
    return False


class LineField(Input):
    """Textual's Input, its editing keys applied in the order typed.

    But for → at the end of a field that suggests (the referrer): it takes the suggestion,
    which is looked up after the last letter, so it waits its turn as in Textual.
    """

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "right" and self.suggester is not None:
            return
        # Textual calls each class's handler in turn; one that ran prevents the default, so the base's
        # handler (which inserts what is printable) runs only for a key this did not take
        if await _ran_own_binding(self, event):
            self._restart_blink()


class TextField(TextArea):
    """Textual's TextArea, its editing keys applied in the order typed."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls each class's handler in turn; one that ran prevents the default, so the base's
        # handler (which inserts what is printable) runs only for a key this did not take
        if await _ran_own_binding(self, event):
            self._restart_blink()
