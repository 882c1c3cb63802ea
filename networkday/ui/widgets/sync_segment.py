"""Today's sync segment, right of the refrain: ``sync 5 min ago · 3 to commit · ↑1 ↓2``, shown only in a repository.

It asks git nothing itself. It shows the app's ``sync_state`` (looked at in a thread by
``SyncControl``) and follows it as a reactive; once a minute it only says the time again
("5 min ago" moves on). Outside a repository it takes no room at all, so the header is
what it was before sync existed.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual import getters
from textual.content import Content
from textual.widgets import Static

from networkday.ui.app import NetworkdayApp

if TYPE_CHECKING:
    from networkday.domain.sync_state import SyncState

#: Ahead and behind: arrows, or ``^`` and ``v`` on the Linux console, whose font may lack them.
ARROWS = ("↑", "↓")
CONSOLE_ARROWS = ("^", "v")


class SyncSegment(Static):
    app = getters.app(NetworkdayApp)
    DEFAULT_CSS = """
    SyncSegment {
        width: auto;
        height: 1;
        padding: 0 1;
        color: $text-muted;
        display: none;
    }
    SyncSegment.-warning {
        color: $text-warning;
        text-style: bold;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "sync_state", self._follow)
        self.set_interval(60.0, self._say)

    def _follow(self, state: SyncState | None) -> None:
        self.display = state is not None and state.repository
        self._say()

    def _say(self) -> None:
        state = self.app.sync_state
        if state is None or not state.repository:
            return
        from networkday.domain.sync_state import segment  # here: a folder without git never needs it

        arrows = CONSOLE_ARROWS if os.environ.get("TERM", "") == "linux" else ARROWS
        text, warning = segment(state, self.app.clock.now(), arrows=arrows)
        self.set_class(warning, "-warning")
        self.update(Content(text))
