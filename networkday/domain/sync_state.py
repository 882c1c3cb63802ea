"""Sync state as plain data, and the words for it: Today's compact header segment and ``sync status``'s lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from networkday.domain.text import escape_name

Outcome = Literal["ok", "conflicts", "error"]
OUTCOMES: tuple[Outcome, ...] = ("ok", "conflicts", "error")


@dataclass(frozen=True)
class LastSync:
    """How the last sync run on this machine ended: ``detail`` is its lines joined, or the error's line."""

    at: datetime
    outcome: Outcome
    detail: str = ""


@dataclass(frozen=True)
class SyncState:
    """What the data folder's repository holds now; counts are zero and ``upstream`` None outside one.

    ``ahead`` and ``behind`` are as of the last fetch (no network is asked): None when the
    branch has no upstream yet. ``unmerged`` counts files a merge left in conflict;
    ``merging`` says a merge is still open, even once every file in it was resolved.
    """

    repository: bool
    last: LastSync | None = None
    to_commit: int = 0
    unmerged: int = 0
    merging: bool = False
    branch: str | None = None
    upstream: str | None = None
    ahead: int | None = None
    behind: int | None = None
    #: What could not be read of this machine's record of the last sync, said once.
    warning: str | None = None

    @property
    def conflicts_left(self) -> bool:
        return self.merging or self.unmerged > 0


def compact_ago(then: datetime, now: datetime) -> str:
    """``just now``, ``5 min ago``, ``3 h ago``, ``2 d ago``: short enough for a header beside the refrain."""
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"


def segment(state: SyncState, now: datetime, *, arrows: tuple[str, str] = ("↑", "↓")) -> tuple[str, bool]:
    """Today's header segment and whether it is a warning; ``""`` outside a repository.

    ``sync 5 min ago · 3 to commit · ↑1 ↓2``; ``sync: conflicts left`` while a merge is open;
    ``sync failed 5 min ago`` when the last sync here ended in an error.
    """
    if not state.repository:
        return "", False
    if state.conflicts_left:
        return "sync: conflicts left", True
    last = state.last
    if last is None:
        parts = ["never synced here"]
    elif last.outcome == "error":
        parts = [f"sync failed {compact_ago(last.at, now)}"]
    else:
        parts = [f"sync {compact_ago(last.at, now)}"]
    if state.to_commit:
        parts.append(f"{state.to_commit} to commit")
    if state.ahead or state.behind:
        parts.append(f"{arrows[0]}{state.ahead or 0} {arrows[1]}{state.behind or 0}")
    return " · ".join(parts), last is not None and last.outcome == "error"


def status_lines(state: SyncState, root: str, ago: str | None) -> list[str]:
    """``sync status``'s lines; ``ago`` is the last sync's time in words (``12 minutes ago``)."""
    if not state.repository:
        return [f"{root} is not a git repository: networkday sync init [REMOTE] makes it one"]
    where = f"branch {state.branch}" if state.branch else "no branch"
    lines = [f"git repository {root}, {where}, " + (f"upstream {state.upstream}" if state.upstream else "no upstream")]
    last = state.last
    if last is None or ago is None:
        lines.append("never synced on this machine")
    else:
        # The detail is read back from a file anyone can edit: one line, its controls shown escaped.
        said = {"ok": "ok", "conflicts": "conflicts left", "error": f"failed: {escape_name(last.detail)}"}[last.outcome]
        lines.append(f"last sync {ago}, {said}")
    lines.append(f"{state.to_commit} file(s) to commit" if state.to_commit else "nothing to commit")
    if state.upstream is not None and state.ahead is not None:
        lines.append(f"{state.ahead} ahead, {state.behind} behind {state.upstream} (as of the last fetch)")
    if state.conflicts_left:
        lines.append(
            f"a merge is left open, {state.unmerged} file(s) in conflict: resolve them (git status, then git add), "
            "then run networkday sync again"
        )
    return lines


def state_json(state: SyncState) -> dict[str, Any]:
    """``sync status --json``'s keys, the same in and outside a repository (null where nothing applies)."""
    last = state.last
    return {
        "repository": state.repository,
        "branch": state.branch,
        "upstream": state.upstream,
        "last_sync": None
        if last is None
        else {"at": last.at.isoformat(timespec="seconds"), "outcome": last.outcome, "detail": last.detail},
        "to_commit_count": state.to_commit,
        "ahead": state.ahead,
        "behind": state.behind,
        "merge_open": state.merging,
        "unmerged_count": state.unmerged,
    }
