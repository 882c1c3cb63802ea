"""The data folder's repository at a glance, for the sync state: one ``git status`` that writes nothing.

``git --no-optional-locks status --porcelain=v2 --branch`` gives, in one process, the
branch, its upstream, the commits ahead and behind as of the last fetch, and every path
a commit would take or a merge left in conflict. It never takes the index lock (a sync
run elsewhere may hold it) and never refreshes the index, so looking dirties nothing.
A folder without ``.git`` costs one stat and no process.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from networkday.storage.git import run_git


@dataclass(frozen=True)
class RepoStatus:
    to_commit: int
    unmerged: int
    merging: bool
    branch: str | None
    upstream: str | None
    ahead: int | None
    behind: int | None


def has_repository(root: Path) -> bool:
    """One stat: the folder holds its own ``.git`` (a folder inside a bigger repository does not)."""
    return (root / ".git").exists()


def repo_status(root: Path) -> RepoStatus:
    """The repository's state now; raises GitError (one line) when git cannot read it."""
    ran = run_git(
        root, ("--no-optional-locks", "status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all"), timeout=60
    )
    headers: dict[str, str] = {}
    to_commit = unmerged = 0
    entries = iter(ran.out.split("\0"))
    for entry in entries:
        kind = entry[:2]
        if kind == "# ":
            name, _, value = entry[2:].partition(" ")
            headers[name] = value
        elif kind in ("1 ", "? "):
            to_commit += 1
        elif kind == "2 ":
            to_commit += 1
            next(entries, None)  # a rename's source path follows it
        elif kind == "u ":
            unmerged += 1
    head = headers.get("branch.head")
    ahead = behind = None
    if "branch.ab" in headers:
        plus, _, minus = headers["branch.ab"].partition(" ")
        ahead, behind = abs(int(plus)), abs(int(minus))
    return RepoStatus(
        to_commit=to_commit,
        unmerged=unmerged,
        merging=unmerged > 0 or _merge_open(root),
        branch=None if head in (None, "(detached)") else head,
        upstream=headers.get("branch.upstream"),
        ahead=ahead,
        behind=behind,
    )


def _merge_open(root: Path) -> bool:
    """MERGE_HEAD exists: one stat in a plain ``.git`` folder, else git's own answer (a worktree's ``.git`` file)."""
    dot_git = root / ".git"
    if dot_git.is_dir():
        return (dot_git / "MERGE_HEAD").exists()
    return not run_git(root, ("rev-parse", "--verify", "--quiet", "MERGE_HEAD"), check=False).code
