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
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea


class KeyRouting(App[int]):
    """The app's part: remember where a key was handed, and re-hand one the focus moved past."""

    def __init__(self) -> None:
        super().__init__()
        self._handed_to: WeakKeyDictionary[events.Key, Widget] = WeakKeyDictionary()
        #: Keys that came back while a prompt just opened had no field focused yet, in the order typed.
        self._waiting: list[events.Key] = []
        self._tries = 0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._handed_to[event] = self.screen.focused or self.screen
            self.key_read()
        await super().on_event(event)

    def key_read(self) -> None:
        """Called for every key read from the terminal, also one a text field then takes (the timer's activity)."""

    async def _on_key(self, event: events.Key) -> None:
        """Runs before Textual's own (bindings): a key that missed the field it was typed for goes to it."""
        handed_to = self._handed_to.pop(event, None)
        read_on = _screen_of(handed_to)
        if handed_to is None or self._in_another_mode(read_on):
            return  # as Textual does: a key read before a switch to another room does not follow it there
        field = self.screen.focused
        if self._waiting or (field is None and read_on is not self.screen):
            self._wait(event)  # a prompt just opened: its field is focused once it is drawn
            return
        if field is None or handed_to is field or not _takes_text(field):
            return
        self._hand(event, field)

    def _wait(self, event: events.Key) -> None:
        self._waiting.append(_taken(event))
        if len(self._waiting) == 1:
            self._tries = 0
            self.call_after_refresh(self._hand_waiting)

    def _hand_waiting(self) -> None:
        """Hands the waiting keys, in order, to the field focused now (or, after a few frames, to the screen)."""
        target = self.screen.focused
        self._tries += 1
        if target is None and self._tries < 10:
            self.call_after_refresh(self._hand_waiting)
            return
        waiting, self._waiting = self._waiting, []
        for key in waiting:
            self._handed_to[key] = target or self.screen
            (target or self.screen)._forward_event(key)

    def _in_another_mode(self, screen: Screen | None) -> bool:
        """Whether ``screen`` was left for another mode (1–5), not covered or closed by a prompt."""
        stacks = self._screen_stacks.items()
        return any(screen in stack for mode, stack in stacks if mode != self.current_mode)

    def _hand(self, event: events.Key, node: Widget) -> None:
        """Hands a copy of the key to ``node``."""
        again = _taken(event)
        self._handed_to[again] = node
        node._forward_event(again)


def _taken(event: events.Key) -> events.Key:
    """A copy of the key to hand on; the original goes no further (not the bindings it was read under)."""
    event.stop()
    event.prevent_default()
    return events.Key(event.key, event.character)


def _screen_of(node: Widget | None) -> Screen | None:
    if node is None or isinstance(node, Screen):
        return node
    try:
        return node.screen
    except NoScreen:  # gone with its screen
        return None


def _takes_text(widget: Widget) -> bool:
    if isinstance(widget, TextArea):
        return not widget.read_only
    return isinstance(widget, Input) and not widget.disabled
