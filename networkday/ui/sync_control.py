"""The app's side of sync: "Sync now" (``Y`` and the palette), ``[sync] auto``, the sync state; each in a thread.

``SyncControl`` is a layer of the App (``TimerControl`` < ``SyncControl`` < ``NetworkdayApp``)
so that app.py stays small. The sync itself is ``services.sync.sync``, the command's: it
takes the store's lock for the commit and the merge only, never for the network, so the
app keeps saving while a slow remote answers; the files a merge changed are then picked up
by the app's watch on the folder (ui/follow.py), as after any hand edit.

``sync_state`` (``services.sync_state``) is what Today's header shows. It is looked at in a
thread after the first frame, after every sync, every ``SYNC_LOOK_EVERY`` seconds, when
the folder watch reports changed files, and when this machine's record of the last sync
moves (a ``networkday sync`` run in a shell). Outside a repository a look is one stat.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.notifications import SeverityLevel
from textual.reactive import reactive

from networkday.domain.text import shown_line
from networkday.ui.messages import CompanyFilesChanged, ContactFilesChanged
from networkday.ui.timer_control import TimerControl

if TYPE_CHECKING:  # the state is made in the look's thread: start-up imports none of it
    from networkday.domain.sync_state import SyncState

SYNC_NOW = "Sync now"


class SyncControl(TimerControl):
    """Offers "Sync now" (``Y``); with ``[sync] auto``, syncs once saves pause, every few minutes, and on quitting.

    One sync at a time.
    """

    #: Seconds without a save before an automatic sync, and between looks at what is left to commit.
    SYNC_QUIET = 60.0
    #: With ``[sync] auto`` and nothing to commit, seconds between syncs that bring the other machines' work.
    SYNC_FETCH_EVERY = 300.0
    SYNC_LOOK_EVERY = 15.0
    #: Seconds between stats of this machine's record of the last sync (a command's sync moves it).
    SYNC_RECORD_EVERY = 2.0
    #: Seconds from mounting to the first look: past the first frame and quick start's own look at the folder.
    SYNC_FIRST_LOOK = 1.0
    #: The data folder's sync state as last looked at; None until the first look (after the first frame).
    sync_state: reactive[SyncState | None] = reactive(None, init=False)
    _state_looking = False
    _state_again = False
    _record_mark: tuple[int, int] | None = None
    _said_state: str | None = None
    _syncing = False
    _quit_after_sync = False
    #: The sync quitting waits for began after ``q``: one running before may have missed the last save.
    _quit_sync_begun = False
    #: The running sync is one the app started on its own with nothing to commit: it speaks only of news.
    _fetching = False
    #: When this app's last sync ended (monotonic seconds), for ``SYNC_FETCH_EVERY``.
    _synced_at = 0.0
    #: The last sync failed: a quiet one that fails too says nothing more (the header says it).
    _failed_last = False
    #: What was left to commit at the last look, and since when (monotonic seconds).
    _pending: tuple[tuple[str, int, int], ...] = ()
    _pending_since = 0.0

    def on_mount(self) -> None:
        # The first quiet sync comes a quiet minute after start: the other machine's work of the night.
        self._synced_at = time.monotonic() - self.SYNC_FETCH_EVERY + self.SYNC_QUIET
        self.set_interval(self.SYNC_LOOK_EVERY, self._auto_look)
        self.set_interval(self.SYNC_RECORD_EVERY, self._watch_record)
        self.set_timer(self.SYNC_FIRST_LOOK, self.look_sync_state)

    def action_sync(self) -> None:
        """``Y`` and the palette's "Sync now": outside a repository, how to make one, and nothing else."""
        from networkday.services.sync_state import NO_REPOSITORY, is_repository

        if not is_repository(self.store.root):
            line = NO_REPOSITORY.format(root=self.store.root) + " (docs/SYNC.md)"
            self.notify(shown_line(line), title="Sync", severity="warning", markup=False, timeout=10)
            return
        self.sync_now()

    def sync_now(self) -> None:
        if self._syncing:
            self._fetching = False  # asked for: the running sync's outcome is said, news or not
            self.notify("a sync is already running", title="Sync", markup=False, timeout=3)
            return
        self.notify("syncing…", title="Sync", markup=False, timeout=3)
        self._start_sync()

    def _start_sync(self, *, fetching: bool = False) -> None:
        self._syncing, self._fetching = True, fetching
        self._sync()

    @work(thread=True, group="sync", exit_on_error=False)
    def _sync(self) -> None:
        from networkday.services.sync_state import sync_and_record  # here: start-up does not pay for git's modules
        from networkday.storage.problems import StoreError

        line: str = "the sync stopped unexpectedly; run networkday sync to see why"
        severity: SeverityLevel = "error"
        news = True
        try:
            result = sync_and_record(self.store.root, self.store.clock.now())
            line = "; ".join(result.lines)
            severity = "warning" if result.unmerged else "information"
            news = result.merged or bool(result.committed or result.unmerged)
        except (StoreError, OSError) as error:  # a git failure, the lock held too long, a broken file
            line = str(error)
        finally:  # whatever happened, the app is told, so "a sync is already running" cannot stick
            self.call_from_thread(self._synced, line, severity, news)

    def _synced(self, line: str, severity: SeverityLevel, news: bool) -> None:
        """The sync's outcome, one line, as the command prints it (paths and remote names shown as typed).

        A quiet sync (started with nothing to commit) says only what it committed or brought
        in, conflicts, or a first failure: a toast every few minutes saying nothing happened would teach the
        person to ignore toasts, and an unreachable remote is in the header already.
        """
        fetching = self._fetching
        self._syncing = self._fetching = False
        self._synced_at = time.monotonic()
        line = shown_line(line)
        if self._quit_after_sync:
            if not self._quit_sync_begun and severity != "error":  # one that failed would fail again: said
                self._quit_sync_begun = True
                self._start_sync()
                return
            self.exit(message=f"sync: {line}")
            return
        self.look_sync_state()
        failed = severity == "error"
        unsaid = fetching and (self._failed_last if failed else not news)
        self._failed_last = failed
        if unsaid:
            return
        self.notify(line, title="Sync", severity=severity, markup=False, timeout=10)

    def _auto_look(self) -> None:
        self.look_sync_state()
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
        """Syncs once the same changes have waited a quiet while: a save in between starts the wait again.

        With nothing to commit, syncs every ``SYNC_FETCH_EVERY`` seconds all the same, so the
        other machine's work comes in while this one only reads; not without a remote to bring
        anything from. Neither while a merge is left open: only the person can resolve it (the
        header says so), and ``Y`` then finishes it; a sync on its own would only say it again.
        """
        now = time.monotonic()
        state = self.sync_state
        if self._syncing or state is None or state.conflicts_left:
            return
        if pending != self._pending:
            self._pending, self._pending_since = pending, now
        elif pending and now - self._pending_since >= self.SYNC_QUIET:
            self._pending = ()
            self._start_sync()
        elif not pending and now - self._synced_at >= self.SYNC_FETCH_EVERY and state.upstream is not None:
            self._start_sync(fetching=True)

    async def action_quit(self) -> None:
        """With ``[sync] auto``, quitting syncs first (q again quits at once); the result is printed after."""
        if not self.store.config.sync_auto or self._quit_after_sync or self.store.cannot_save is not None:
            self.exit()
            return
        self._quit_after_sync = True
        self.notify("syncing before quitting… (q again quits now)", title="Sync", markup=False, timeout=30)
        if not self._syncing:
            self._quit_sync_begun = True
            self._start_sync()

    def on_contact_files_changed(self, _: ContactFilesChanged) -> None:
        self.look_sync_state()  # a hand edit, or a merge run in a shell: what is left to commit moved

    def on_company_files_changed(self, _: CompanyFilesChanged) -> None:
        self.look_sync_state()

    def _watch_record(self) -> None:
        """One stat: a sync recorded by another process (``networkday sync`` in a shell) since the last look."""
        state = self.sync_state
        if state is None or not state.repository or self._state_looking:
            return
        from networkday.services.sync_state import record_mark

        if record_mark(self.store.root) != self._record_mark:
            self.look_sync_state()

    def look_sync_state(self) -> None:
        """Looks in a thread; asked while a look runs, it looks once more after it (never two git processes)."""
        if self._state_looking:
            self._state_again = True
            return
        self._state_looking = True
        self._look_state(self.store.root)

    @work(thread=True, group="sync-state", exit_on_error=False)
    def _look_state(self, root: Path) -> None:
        from networkday.services.sync_state import is_repository, record_mark, sync_state

        # Before the look, so a sync recorded during it moves the mark again; none outside a repository.
        mark = record_mark(root) if is_repository(root) else None
        try:
            state: SyncState | None = sync_state(root)
        except OSError:  # the folder went away: the next look says what is there
            state = None
        try:
            self.call_from_thread(self._state_looked, root, state, mark)
        except RuntimeError:  # the app is closing
            return

    def _state_looked(self, root: Path, state: SyncState | None, mark: tuple[int, int] | None) -> None:
        self._state_looking = False
        if state is not None and root == self.store.root:
            self._record_mark = mark
            self.sync_state = state
            if state.warning and state.warning != self._said_state:
                self.notify(shown_line(state.warning), title="Sync", severity="warning", markup=False, timeout=10)
            self._said_state = state.warning
        if self._state_again:
            self._state_again = False
            self.look_sync_state()
