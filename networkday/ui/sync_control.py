"""The app's side of sync: "Sync now" in the command palette, run in a thread, its result said in one line.

``SyncControl`` is a layer of the App (``TimerControl`` < ``SyncControl`` < ``NetworkdayApp``)
so that app.py stays small. The sync itself is ``services.sync.sync``, the command's: it
takes the store's lock for the commit and the merge only, never for the network, so the
app keeps saving while a slow remote answers; the files a merge changed are then picked up
by the app's watch on the folder (ui/follow.py), as after any hand edit.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.app import SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from networkday.domain.text import shown_line
from networkday.storage.git import GitError
from networkday.ui.timer_control import TimerControl

SYNC_NOW = "Sync now"


class SyncControl(TimerControl):
    """Offers "Sync now" by name; one sync at a time, never on the UI's thread."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(SYNC_NOW, "commit, merge and push the data folder over git (docs/SYNC.md)", self.sync_now)

    def sync_now(self) -> None:
        self.notify("syncing…", title="Sync", markup=False, timeout=3)
        self._sync()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def _sync(self) -> None:
        from networkday.services import sync

        try:
            result = sync.sync(self.store.root)
        except (GitError, OSError) as error:
            self.call_from_thread(self.said, str(error), "error")
            return
        self.call_from_thread(self.said, "; ".join(result.lines), "warning" if result.unmerged else "information")

    def said(self, line: str, severity: SeverityLevel) -> None:
        """The sync's outcome, one line, as the command prints it (paths and remote names shown as typed)."""
        self.notify(shown_line(line), title="Sync", severity=severity, markup=False, timeout=10)
