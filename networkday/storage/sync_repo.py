"""The data folder as a git repository: made or adopted, committed, merged and pushed, under the folder's lock.

Each step that changes the work tree (the commit's ``add``, the merge) holds the lock that
every networkday writer takes, so an open app never saves into a half-merged folder and
a merge never lands between its read and its write. Fetching and pushing, which only
wait on the network, run without it, so the app's saves are not held up by a slow remote.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from networkday.domain.sync_rules import ATTRIBUTES, DRIVER, IGNORED, commit_message, missing_lines
from networkday.storage.atomic import write_atomic
from networkday.storage.codec import parse
from networkday.storage.folder import APP_DIR
from networkday.storage.git import GitError, Ran, last_line, run_git, ssh_command
from networkday.storage.lock import folder_lock
from networkday.storage.problems import ProblemError, StoreError
from networkday.storage.sync_split import Sides, Splits, split_marked

#: Who commits when the person's git knows no name (a fresh machine): a commit still happens.
_FALLBACK_IDENTITY = ("-c", "user.name=networkday", "-c", "user.email=networkday@localhost")
#: Words in git's messages that mean the remote refused who we are, not that it is away.
_AUTH_WORDS = ("authentication failed", "permission denied", "could not read username", "access denied", "403")


class DataRepo:
    """One data folder's repository; ``lock_path`` is the folder's write lock."""

    def __init__(self, root: Path, lock_path: Path) -> None:
        self.root = root
        self.lock_path = lock_path

    def git(self, *args: str, check: bool = True, extra: Mapping[str, str] | None = None) -> Ran:
        return run_git(self.root, args, check=check, extra=extra)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        with folder_lock(self.lock_path, timeout=30.0):
            yield

    @contextlib.contextmanager
    def syncing(self, timeout: float = 120.0) -> Iterator[None]:
        """Held for a whole sync: two at once (a shell's and the app's) fetched into the same
        refs, and one failed as ``cannot reach the remote (error: cannot lock ref ...)``. Its
        own lock, not the folder's: the app's saves go on while a sync waits on the network."""
        held = contextlib.ExitStack()
        try:
            held.enter_context(folder_lock(self.lock_path.with_name("sync-lock"), timeout=timeout))
        except StoreError as error:
            if "held the lock" not in str(error):
                raise
            raise GitError(
                f"another networkday sync has run on this folder for {timeout:.0f} s; sync again once it ends"
            ) from None
        with held:
            yield

    def is_repository(self) -> bool:
        """True when the folder is the top of a repository (one inside a bigger repository is not)."""
        ran = self.git("rev-parse", "--show-toplevel", check=False)
        return not ran.code and Path(ran.out.strip()).resolve() == self.root.resolve()

    def initialise(self) -> bool:
        """Makes the folder a repository unless it is one; True when it was made."""
        if self.is_repository():
            return False
        self.git("init", "--quiet", "--initial-branch=main")
        return True

    def rules(self) -> dict[str, str]:
        """``.gitignore`` and ``.gitattributes`` with the lines they lack added, by name; those that lack none left out.

        Read, both, before anything is made or written: a file that cannot be read (not
        UTF-8, a folder) is a StoreError naming it, and neither it nor the folder is changed.
        """
        texts = {}
        for name, wanted in ((".gitignore", IGNORED), (".gitattributes", ATTRIBUTES)):
            text = _rule_text(self.root / name)
            lacking = missing_lines(text, wanted)
            if lacking:
                texts[name] = text + ("" if not text or text.endswith("\n") else "\n") + "\n".join(lacking) + "\n"
        return texts

    def write_rules(self, texts: dict[str, str]) -> list[str]:
        """Writes what ``rules`` made; the files changed."""
        for name, text in texts.items():
            write_atomic(self.root / name, text.encode("utf-8"))
        return list(texts)

    def configure_driver(self, command: str) -> None:
        """The driver in the repository's own config (``.git/config``): git never runs a command a clone brought.

        Set again whenever it names another command (a virtual environment rebuilt, a folder
        copied from another machine): a driver git cannot run leaves ours without markers,
        and a person settling that by ``git add`` would drop the other side's changes.
        """
        wanted = f"{command} merge-file %O %A %B %P"
        if self.git("config", "--get", f"merge.{DRIVER}.driver", check=False).out.strip() == wanted:
            return
        self.git("config", f"merge.{DRIVER}.name", "networkday: records merged field by field")
        self.git("config", f"merge.{DRIVER}.driver", wanted)

    def remotes(self) -> list[str]:
        return self.git("remote").out.split()

    def remote_branches(self, remote: str) -> list[str]:
        """The branches of ``remote`` as of the last fetch (its ``HEAD`` pointer left out)."""
        listed = self.git("for-each-ref", "--format=%(refname)", f"refs/remotes/{remote}/").out.split()
        return sorted(ref.removeprefix(f"refs/remotes/{remote}/") for ref in listed if not ref.endswith("/HEAD"))

    def remote_head(self, remote: str) -> str | None:
        """The branch ``remote``'s HEAD names, as a clone recorded it; None when unknown."""
        ran = self.git("symbolic-ref", "--quiet", f"refs/remotes/{remote}/HEAD", check=False)
        return ran.out.strip().removeprefix(f"refs/remotes/{remote}/") if not ran.code and ran.out.strip() else None

    def set_remote(self, url: str, name: str = "origin") -> None:
        """The remote given to ``sync init``: added, or its address replaced."""
        if name in self.remotes():
            self.git("remote", "set-url", name, url)
        else:
            self.git("remote", "add", name, url)

    def branch(self) -> str:
        ran = self.git("symbolic-ref", "--short", "HEAD", check=False)
        if ran.code:
            raise GitError("the data folder's repository is not on a branch; check it out on one (git switch main)")
        return ran.out.strip()

    def upstream_remote(self, branch: str) -> str | None:
        """The remote ``branch`` follows (its upstream's remote), None when it follows none."""
        ran = self.git("config", "--get", f"branch.{branch}.remote", check=False)
        return ran.out.strip() or None

    def has_commit(self, ref: str = "HEAD") -> bool:
        return not self.git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).code

    def holds(self, ref: str) -> bool:
        """``ref`` is in ``HEAD``'s history already: merging it would change nothing."""
        return not self.git("merge-base", "--is-ancestor", ref, "HEAD", check=False).code

    def merging(self) -> bool:
        return not self.git("rev-parse", "--verify", "--quiet", "MERGE_HEAD", check=False).code

    def unmerged(self) -> list[str]:
        return sorted(set(self.git("diff", "--name-only", "--diff-filter=U", "-z").out.split("\0")) - {""})

    def _commit(self, message: str) -> None:
        identity = () if self.git("config", "user.email", check=False).out.strip() else _FALLBACK_IDENTITY
        self.git(*identity, "commit", "--quiet", "--no-verify", "--no-gpg-sign", "-m", message)

    def changed_paths(self) -> list[str]:
        """The paths a commit would take, read without git's optional index lock (a sync may hold it)."""
        ran = self.git("--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all", check=False)
        entries, paths = iter(ran.out.split("\0") if not ran.code else []), []
        for entry in entries:
            if len(entry) > 3:
                paths.append(entry[3:])
                if entry[0] in "RC":  # a rename's or a copy's source follows it
                    next(entries, None)
        return sorted(paths)

    def tracks(self, path: str) -> bool:
        """Some file under ``path`` is in the index."""
        return bool(self.git("ls-files", "-z", "--", path).out)

    def unreadable(self, paths: list[str]) -> str | None:
        """The first of these TOML files that does not read (an empty one included), located; None when all do.

        A broken record must not be committed: pushed, it reaches every machine, and a
        merge has no record to merge it with.
        """
        for name in paths:
            path = self.root / name
            if not name.endswith(".toml") or not path.is_file():
                continue
            try:
                parse(path, path.read_bytes())
            except ProblemError as error:
                return str(error.problem)
            except OSError as error:
                return f"{name}: cannot read it ({error.strerror})"
        return None

    def commit_changes(self) -> list[str]:
        """Commits every change in one commit, named by what changed; the paths, [] when there were none.

        Refuses, committing nothing, while a changed TOML file does not read (see ``unreadable``).
        With nothing changed (looked at without the lock, which every save of the app waits
        on), the lock is not taken: the app's sync every few minutes costs its saves nothing.
        """
        if self.has_commit() and not self.changed_paths() and not self.tracks(APP_DIR):
            return []
        with self.locked():
            broken = self.unreadable(self.changed_paths())
            if broken:
                raise StoreError(f"{broken}; nothing synced: fix it (networkday check), then sync again")
            # machine-local, yet tracked in a repository that committed it before its .gitignore: every
            # command would dirty the work tree, and two machines' caches would meet in a merge
            self.git("rm", "-r", "--cached", "--quiet", "--ignore-unmatch", "--", APP_DIR)
            self.git("add", "--all")
            changed = [path for path in self.git("diff", "--cached", "--name-only", "-z").out.split("\0") if path]
            if changed or not self.has_commit():
                self._commit(commit_message(changed))
        return changed

    def _ssh(self) -> dict[str, str]:
        """The ssh command the network steps run (see ``git.ssh_command``)."""
        return ssh_command(self.git("config", "--get", "core.sshCommand", check=False).out.strip())

    def fetch(self, remote: str) -> None:
        ran = self.git("fetch", "--quiet", "--prune", remote, check=False, extra=self._ssh())
        if ran.code:
            raise GitError(reach_failure(remote, ran))

    def merge(self, upstream: str, origin: str) -> tuple[list[str], list[str]]:
        """Merges ``upstream`` with the record driver: the paths left in conflict ([] when clean),
        and what the driver said (a side it could not read, values changed on both sides).

        A record deleted on one side and changed on the other is kept, changed: nothing typed
        is lost. Only a file moved unchanged counts as renamed: git's usual guess (half alike)
        would move one person's changes onto another who looks alike, and ort ignores
        ``no-renames`` (git 2.39), but honours the threshold. The person's own git settings
        that would stop every sync's merge are overridden: ``merge.ff = only`` (two machines'
        work never fast-forwards) and ``merge.verifySignatures`` (sync's commits are unsigned).
        """
        with self.locked():
            ran = self.git(
                "merge", "--no-edit", "--no-verify", "--no-gpg-sign", "--allow-unrelated-histories", "--quiet",
                "--ff", "--no-verify-signatures",
                "-X", "find-renames=100%", "-m", f"networkday sync: merge {origin}", upstream,
                check=False, extra={"NETWORKDAY_MERGE_FROM": origin},
            )  # fmt: skip
            said = [line.strip() for line in ran.err.splitlines() if line.startswith("networkday: ")]
            if not ran.code:
                return [], said
            if not self.merging():
                raise GitError(f"cannot merge {origin}: {_refusal(ran)}")
            return self._settle(), said

    def settle(self) -> list[str]:
        """Finishes a merge left open, under the lock (see ``_settle``)."""
        with self.locked():
            return self._settle()

    def _settle(self) -> list[str]:
        """Finishes a merge: kept sides of delete/change conflicts added; committed when none is left.

        A file the person marked resolved (``git add``) that still does not read, markers
        and all, is refused as ``commit_changes`` refuses one, and the merge stays open.
        """
        status = self.git("status", "--porcelain=v1", "-z", "--untracked-files=no").out.split("\0")
        for entry in status:
            if entry[:2] in ("DU", "UD") and (self.root / entry[3:]).exists():
                self.git("add", "--", entry[3:])
        left = self.unmerged()
        if not left:
            staged = self.git("diff", "--cached", "--name-only", "-z", "HEAD").out.split("\0")
            broken = self.unreadable([path for path in staged if path])
            if broken:
                raise StoreError(f"{broken}; the merge is left open: fix it, git add it, then sync again")
            self._commit(f"networkday sync: merge {self.git('rev-parse', '--short', 'MERGE_HEAD').out.strip()}")
        return left

    def split_added_on_both(self, before: str) -> Splits:
        """People the merges since ``before`` kept as two (see ``sync_split``), committed."""
        with self.locked():
            named = self.git("diff", "--name-only", "--no-renames", "-z", before, "HEAD", "--", "contacts/", "days/")
            merged = [name for name in named.out.split("\0") if name]
            splits = split_marked(self.root, merged, self._our_side(before) if merged else {})
            if splits.done:
                self.git("add", "--", *splits.written)
                names = ", ".join(f"{one.name} ({one.contact_id}, {one.new_id})" for one in splits.done)
                self._commit(f"networkday sync: kept both records of {names}, added on both machines")
        return splits

    def _our_side(self, before: str) -> dict[str, Sides]:
        """The files this machine changed between the merge base and ``before``, each at the base and at ``before``.

        Only these can name this machine's record of a person added on both machines, the one
        a split moves (see ``sync_split``). Empty when HEAD is no merge of ``before``.
        """
        base = self.git("merge-base", before, "HEAD^2", check=False)
        if base.code:
            return {}
        start = base.out.strip()
        named = self.git("diff", "--name-only", "--no-renames", "-z", start, before, "--", "contacts/", "days/")
        return {
            name: (self._table_at(start, name), self._table_at(before, name))
            for name in named.out.split("\0")
            if name.endswith(".toml")
        }

    def _table_at(self, commit: str, name: str) -> dict[str, Any] | None:
        """The file's table at ``commit``; None when absent there or unreadable (nothing then counts as ours)."""
        shown = self.git("show", f"{commit}:{name}", check=False)
        if shown.code:
            return None
        try:
            return parse(Path(name), shown.out.encode())[0]
        except ProblemError:
            return None

    def push(self, remote: str, branch: str) -> bool:
        """True when pushed; False when the remote moved meanwhile (fetch and merge again)."""
        ran = self.git(
            "push", "--quiet", "--set-upstream", remote, f"HEAD:refs/heads/{branch}", check=False, extra=self._ssh()
        )
        if not ran.code:
            return True
        if "rejected" in ran.err or "fetch first" in ran.err or "non-fast-forward" in ran.err:
            return False
        raise GitError(reach_failure(remote, ran))


def _refusal(ran: Ran) -> str:
    """Why git would not start a merge; the files a save changed meanwhile are named."""
    files = [line.strip() for line in ran.err.splitlines() if line.startswith("\t")]
    if files and "would be overwritten" in ran.err:
        return f"{', '.join(files[:5])} changed while the sync ran; run networkday sync again"
    return last_line(ran)


def reach_failure(remote: str, ran: Ran) -> str:
    """One line: the remote refused us (sign-in) or could not be reached, and what git said."""
    text = ran.err.lower()
    if any(word in text for word in _AUTH_WORDS):
        return f"{remote}: the remote refused the sign-in ({last_line(ran)}); check your key or credentials"
    return f"{remote}: cannot reach the remote ({last_line(ran)})"


def _rule_text(path: Path) -> str:
    """A rule file's text, ``""`` when there is none; StoreError, located, when it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    except OSError as error:
        raise StoreError(f"{path}: cannot be read ({error.strerror or error}); nothing was changed") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = data.rfind(b"\n", 0, error.start) + 1
        line, column = (
            data.count(b"\n", 0, error.start) + 1,
            len(data[start : error.start].decode("utf-8", "replace")) + 1,
        )
        raise StoreError(f"{path}:{line}:{column}: not UTF-8 text; nothing was changed") from None
