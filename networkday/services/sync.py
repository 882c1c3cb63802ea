"""Sync over git, the use cases: ``sync init`` makes the folder a repository, ``sync`` commits, merges and pushes.

The command and the app call these; each returns the lines to show, one per step.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from networkday.domain.text import escape_name
from networkday.storage.folder import Folder
from networkday.storage.git import GitError
from networkday.storage.private_modes import close_to_others
from networkday.storage.sync_repo import DataRepo

#: How many times a push the remote refused (it moved meanwhile) is fetched, merged and tried again.
_PUSH_TRIES = 3


@dataclass
class SyncResult:
    """What a sync did, line by line, and the files it left in conflict (then it exits 1)."""

    lines: list[str] = field(default_factory=list)
    unmerged: list[str] = field(default_factory=list)
    #: Files committed here, and whether the other machines' work came in (a merge moved ``HEAD``):
    #: the app's quiet syncs speak only of these.
    committed: int = 0
    merged: bool = False


def driver_command() -> str:
    """The merge driver as git runs it: this Python and this networkday, whatever PATH holds then."""
    return shlex.join([sys.executable, "-m", "networkday"])


def _repo(root: Path) -> DataRepo:
    folder = Folder(root)
    folder.prepare()  # the lock lives in .networkday, which a fresh clone lacks
    if folder.cannot_save is not None:
        raise GitError(folder.cannot_save)
    return DataRepo(root, folder.lock_path)


def init(root: Path, remote: str | None) -> list[str]:
    """Makes or adopts the repository, writes its rules and driver, names the remote only if given, commits."""
    repo = _repo(root)
    rules = repo.rules()  # first: a rule file that cannot be read stops it before anything is made
    lines = [f"{'made a git repository in' if repo.initialise() else 'adopted the git repository in'} {root}"]
    branch = repo.branch()  # a detached HEAD is refused before anything is written or committed (see ``sync``)
    written = repo.write_rules(rules)
    if written:
        lines.append(f"wrote {' and '.join(written)}")
    repo.configure_driver(driver_command())
    lines.append("the merge driver is set in .git/config: records merge field by field")
    if remote:
        repo.set_remote(remote)
        lines.append(f"remote origin: {remote}")
        followed = repo.upstream_remote(branch)
        if followed not in (None, "origin"):
            # sync takes the branch's upstream first: left on that remote, it would never reach the one named here
            repo.git("branch", "--unset-upstream")
            lines.append(f"branch {branch} synced with {followed}: from now on with origin ({followed} is kept)")
    closed = close_to_others(root)
    if closed:
        lines.append(f"closed {closed} file(s) and folder(s) to other users (git keeps no modes)")
    changed = repo.commit_changes()
    if changed:
        lines.append(f"committed {len(changed)} file(s)")
    return lines


def pending(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What a sync would commit, each path with its time and size: the same twice means no save came between."""
    repo = DataRepo(root, Folder(root).lock_path)
    if not repo.is_repository():
        return ()
    marks = []
    for name in repo.changed_paths():
        try:
            stat = (root / name).stat()
        except OSError:  # deleted: its absence is the mark
            marks.append((name, 0, -1))
        else:
            marks.append((name, stat.st_mtime_ns, stat.st_size))
    return tuple(marks)


def _upstream(repo: DataRepo, branch: str) -> tuple[str, str | None] | None:
    """The remote to sync with and its branch when the branch has an upstream (None: see ``_their_branch``)."""
    ran = repo.git("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}", check=False)
    if not ran.code and "/" in ran.out:
        remote, _, theirs = ran.out.strip().partition("/")
        return remote, theirs
    remotes = repo.remotes()
    if not remotes:
        return None
    return ("origin" if "origin" in remotes else remotes[0]), None


def _their_branch(repo: DataRepo, remote: str, branch: str) -> str:
    """The remote's branch to merge, after a fetch, for a branch without an upstream.

    The same name first; else the remote's only branch or its HEAD, so a clone left on an
    unborn ``master`` by a remote on ``main`` joins ``main`` instead of starting a second,
    unrelated history that neither machine would ever see (the push then sets the upstream).
    An empty remote takes our branch's name.
    """
    found = repo.remote_branches(remote)
    if not found or branch in found:
        return branch
    if len(found) == 1:
        return found[0]
    head = repo.remote_head(remote)
    if head in found:
        return head
    raise GitError(
        f"{remote} has the branches {', '.join(found)} and none is named {branch}: pick one with"
        f" git branch --set-upstream-to={remote}/NAME, then sync again"
    )


def sync(root: Path, *, push: bool = True, offline: bool = False) -> SyncResult:
    """Commits local changes, then (unless offline) fetches, merges and pushes; one sync at a time per folder."""
    repo = _repo(root)
    if not repo.is_repository():
        raise GitError(f"{root} is not a git repository yet; run networkday sync init [REMOTE] first")
    with repo.syncing():
        return _sync(repo, push=push, offline=offline)


def _sync(repo: DataRepo, *, push: bool, offline: bool) -> SyncResult:
    repo.configure_driver(driver_command())
    branch = repo.branch()  # before any commit: one made on a detached HEAD is lost at the next git switch
    result = SyncResult()
    if repo.merging():
        before = repo.git("rev-parse", "HEAD").out.strip()
        result.unmerged = repo.settle()
        if result.unmerged:
            return _left(result)
        result.lines.append("finished the merge left open")
        result.merged = True
        _split(repo, before, result)
    changed = repo.commit_changes()
    result.committed = len(changed)
    result.lines.append(f"committed {len(changed)} file(s)" if changed else "nothing to commit")
    if offline:
        return result
    found = _upstream(repo, branch)
    if found is None:
        result.lines.append("no remote: committed only (networkday sync init REMOTE names one)")
        return result
    remote, theirs = found
    try:
        return _exchange(repo, result, remote, theirs, branch, push=push)
    except GitError as error:
        if not changed:
            raise
        # the commit stands: said, so that the failure does not read as if nothing had been kept
        raise GitError(f"{error}; committed {len(changed)} file(s) here, which the next sync sends") from None


def _exchange(
    repo: DataRepo, result: SyncResult, remote: str, theirs: str | None, branch: str, *, push: bool
) -> SyncResult:
    """Fetches, merges and (with ``push``) pushes, fetching and merging again while the remote moves."""
    for _ in range(_PUSH_TRIES):
        repo.fetch(remote)
        theirs = theirs or _their_branch(repo, remote, branch)
        ref = f"refs/remotes/{remote}/{theirs}"
        if repo.has_commit(ref) and not repo.holds(ref):  # merged already: no lock, no merge
            before = repo.git("rev-parse", "HEAD").out.strip()
            result.unmerged, said = repo.merge(ref, f"{remote}/{theirs}")
            result.lines.extend(said)
            if result.unmerged:
                return _left(result)
            if repo.git("rev-parse", "HEAD").out.strip() != before:
                result.lines.append(f"merged {remote}/{theirs}")
                result.merged = True
                _split(repo, before, result)
        if not push or repo.push(remote, theirs):
            break
    else:
        raise GitError(f"{remote}: the remote kept changing while this sync pushed; run networkday sync again")
    result.lines.append(f"pushed to {remote}/{theirs}" if push else "not pushed (--no-push)")
    return result


def _split(repo: DataRepo, before: str, result: SyncResult) -> None:
    """People added on both machines whose records differ are kept as two, flagged (see ``sync_split``)."""
    splits = repo.split_added_on_both(before)
    for one in splits.done:
        result.lines.append(
            f"kept both records of {one.name} ({one.contact_id}, {one.new_id}), added on both machines:"
            " likely the same person (networkday check lists them)"
        )
    result.lines.extend(splits.failed)


def _left(result: SyncResult) -> SyncResult:
    """The one line naming the files left in conflict; a newline in a name is shown as its escape, kept on the line."""
    shown = ", ".join(escape_name(name) for name in result.unmerged[:5]) + (
        f" and {len(result.unmerged) - 5} more" if len(result.unmerged) > 5 else ""
    )
    result.lines.append(
        f"conflicts left in {shown}: resolve them (git status, then git add), then run networkday sync again"
    )
    return result
