"""Sync state, the use case: what ``sync status`` prints and Today's header shows; the sync that records itself.

``sync_and_record`` is the one way a sync runs, from the command and from the app alike,
so how the last sync here ended (ok, conflicts left, the error's line) is always in this
machine's record (``storage.last_sync``), never in the synced folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from networkday.domain.sync_state import LastSync, SyncState
from networkday.domain.text import one_line
from networkday.storage.git import GitError
from networkday.storage.last_sync import LastSyncRecord
from networkday.storage.problems import StoreError
from networkday.storage.repo_status import has_repository, repo_status

if TYPE_CHECKING:
    from networkday.services.sync import SyncResult

#: Said when there is no repository to sync yet, by the command and the app's key alike.
NO_REPOSITORY = "{root} is not a git repository yet; run networkday sync init [REMOTE] first"


def sync_state(root: Path, environ: Mapping[str, str] | None = None) -> SyncState:
    """The state now; outside a repository, one stat and nothing else. Never raises for what git says."""
    if not has_repository(root):
        return SyncState(repository=False)
    last, warning = LastSyncRecord(root, environ).read()
    try:
        status = repo_status(root)
    except GitError as error:
        return SyncState(repository=True, last=last, warning=str(error))
    return SyncState(
        repository=True,
        last=last,
        to_commit=status.to_commit,
        unmerged=status.unmerged,
        merging=status.merging,
        branch=status.branch,
        upstream=status.upstream,
        ahead=status.ahead,
        behind=status.behind,
        warning=warning,
    )


def is_repository(root: Path) -> bool:
    """One stat, for the app's key: a folder without its own ``.git`` has nothing to sync yet."""
    return has_repository(root)


def record_mark(root: Path, environ: Mapping[str, str] | None = None) -> tuple[int, int] | None:
    """The record's time and size (one stat): the app compares it to notice a command's sync."""
    return LastSyncRecord(root, environ).mark()


def sync_and_record(
    root: Path, now: datetime, *, push: bool = True, offline: bool = False, environ: Mapping[str, str] | None = None
) -> SyncResult:
    """``services.sync.sync``, with its end recorded on this machine: ok, conflicts left, or the error's line.

    A folder that is not a repository records nothing: there is no sync state to speak of.
    A record that cannot be written is said as the result's last line; the sync stands.
    """
    from networkday.services.sync import sync  # here: the app's looks never import the sync itself

    record = LastSyncRecord(root, environ)
    try:
        result = sync(root, push=push, offline=offline)
    except (StoreError, OSError) as error:  # git's failures, the lock held too long, a broken file
        if has_repository(root):
            _keep(record, LastSync(now, "error", one_line(str(error))))
        raise
    failed = _keep(record, LastSync(now, "conflicts" if result.unmerged else "ok", "; ".join(result.lines)))
    if failed:
        result.lines.append(failed)
    return result


def _keep(record: LastSyncRecord, last: LastSync) -> str | None:
    """Writes the record; its failure as one line, never instead of the sync's own outcome."""
    try:
        record.write(last)
    except StoreError as error:
        return str(error)
    return None
