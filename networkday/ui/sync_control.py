"""The app's side of sync: "Sync now" in the command palette, ``[sync] auto``, each run in a thread.

``SyncControl`` is a layer of the App (``TimerControl`` < ``SyncControl`` < ``NetworkdayApp``)
so that app.py stays small. The sync itself is ``services.sync.sync``, the command's: it
takes the store's lock for the commit and the merge only, never for the network, so the
app keeps saving while a slow remote answers; the files a merge changed are then picked up
by the app's watch on the folder (ui/follow.py), as after any hand edit.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from textual import work
from textual.app import SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from networkday.domain.text import shown_line
from networkday.ui.timer_control import TimerControl

SYNC_NOW = "Sync now"


class SyncControl(TimerControl):
    """Offers "Sync now" by name; with ``[sync] auto``, syncs once saves pause and on quitting. One sync at a time."""

    #: Seconds without a save before an automatic sync, and between looks at what is left to commit.
    SYNC_QUIET = 60.0
    SYNC_LOOK_EVERY = 15.0
    _syncing = False
    _quit_after_sync = False
    #: What was left to commit at the last look, and since when (monotonic seconds).
    _pending: tuple[tuple[str, int, int], ...] = ()
    _pending_since = 0.0

    def on_mount(self) -> None:
        self.set_interval(self.SYNC_LOOK_EVERY, self._auto_look)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(SYNC_NOW, "commit, merge and push the data folder over git (docs/SYNC.md)", self.sync_now)

    def sync_now(self) -> None:
        if self._syncing:
            self.notify("a sync is already running", title="Sync", markup=False, timeout=3)
            return
        self.notify("syncing…", title="Sync", markup=False, timeout=3)
        self._start_sync()

    def _start_sync(self) -> None:
        self._syncing = True
        self._sync()

    @work(thread=True, group="sync", exit_on_error=False)
    def _sync(self) -> None:
        from networkday.services import sync  # here: start-up does not pay for git's modules
        from networkday.storage.problems import StoreError

        line: str = "the sync stopped unexpectedly; run networkday sync to see why"
        severity: SeverityLevel = "error"
        try:
            result = sync.sync(self.store.root)
            line = "; ".join(result.lines)
            severity = "warning" if result.unmerged else "information"
        except (StoreError, OSError) as error:  # a git failure, the lock held too long, a broken file
            line = str(error)
        finally:  # whatever happened, the app is told, so "a sync is already running" cannot stick
            self.call_from_thread(self._synced, line, severity)

    def _synced(self, line: str, severity: SeverityLevel) -> None:
        """The sync's outcome, one line, as the command prints it (paths and remote names shown as typed)."""
        self._syncing = False
        line = shown_line(line)
        if self._quit_after_sync:
            self.exit(message=f"sync: {line}")
            return
        self.notify(line, title="Sync", severity=severity, markup=False, timeout=10)

    def _auto_look(self) -> None:
        if self.store.config.sync_auto and not self._syncing and self.store.cannot_save is None:
            self._look_pending()

    @work(thread=True, group="sync-look", exclusive=True, exit_on_error=False)
    def _look_pending(self) -> None:
        from networkday.services import sync
        from networkday.storage.git import GitError

        try:
            pending = sync.pending(self.store.root)
        except (GitError, OSError):
            pending = ()  # said when the person syncs: the look never interrupts
        self.call_from_thread(self._looked, pending)

    def _looked(self, pending: tuple[tuple[str, int, int], ...]) -> None:
        """Syncs once the same changes have waited a quiet while: a save in between starts the wait again."""
        now = time.monotonic()
        if pending != self._pending:
            self._pending, self._pending_since = pending, now
        elif pending and now - self._pending_since >= self.SYNC_QUIET and not self._syncing:
            self._pending = ()
            self._start_sync()

    async def action_quit(self) -> None:
        """With ``[sync] auto``, quitting syncs first (q again quits at once); the result is printed after."""
        if not self.store.config.sync_auto or self._quit_after_sync or self.store.cannot_save is not None:
            self.exit()
            return
        self._quit_after_sync = True
        self.notify("syncing before quitting… (q again quits now)", title="Sync", markup=False, timeout=30)
        if not self._syncing:
            self._start_sync()
