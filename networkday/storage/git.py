"""Git on the data folder, for sync: run without a shell, in a fixed environment, failures as one line.

The environment is decided here, once: the person's own git configuration stays (their
name for commits, their credential helper and SSH keys for the remote), but hooks never
run (``core.hooksPath`` is emptied: a pre-commit hook meant for code must not stop or
change a sync), no editor or password prompt can wait for a terminal that is not
watching (``GIT_TERMINAL_PROMPT=0``, ``GIT_EDITOR=true``, ssh in batch mode: see
``ssh_command``), messages are in English so they can be told apart (``LC_ALL=C``), and
variables a calling git sets (``GIT_DIR``, ``GIT_INDEX_FILE``) cannot point the commands
at another repository.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from networkday.storage.problems import StoreError

#: Variables that would make git act on another repository, or ask a question.
_DROPPED = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_CEILING_DIRECTORIES",
    "GIT_PREFIX",
)
_FIXED = {
    "LC_ALL": "C",
    "LANGUAGE": "C",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_EDITOR": "true",
    "GIT_MERGE_AUTOEDIT": "no",
}
_OPTIONS = ("-c", "core.hooksPath=/dev/null", "-c", "core.quotePath=false", "-c", "advice.detachedHead=false")


class GitError(StoreError):
    """A git command failed; the message is one line."""


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def git_environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The fixed environment (see the module); ssh's command is ``ssh_command``'s."""
    env = {key: value for key, value in os.environ.items() if key not in _DROPPED}
    env.update(_FIXED)
    env.update(extra or {})
    return env


#: No prompt, and no endless wait: a host that does not answer fails in 20 s, a connection
#: that stops answering in 30, so quitting the app after a sync never hangs for minutes.
#: ssh takes the first value it is given, so options the person's command names come first and win.
SSH_OPTIONS = "-o BatchMode=yes -o ConnectTimeout=20 -o ServerAliveInterval=15 -o ServerAliveCountMax=2"


def ssh_command(configured: str) -> dict[str, str]:
    """The ssh command for a fetch or a push: ssh asks nothing (batch mode), with the person's own options.

    ``configured`` is the repository's or the person's ``core.sshCommand`` ("" when unset): it
    picks the key for this remote (``ssh -i ~/.ssh/id_work``), and a ``GIT_SSH_COMMAND`` set
    here would silently replace it, so the remote would refuse the sign-in. ``SSH_OPTIONS``
    are added to it when it runs ``ssh``; any other program is run as the person set it, as is a
    ``GIT_SSH_COMMAND`` or ``GIT_SSH`` of their own.
    """
    if "GIT_SSH_COMMAND" in os.environ or "GIT_SSH" in os.environ:
        return {}
    if not configured.strip():
        return {"GIT_SSH_COMMAND": f"ssh {SSH_OPTIONS}"}
    try:
        program = shlex.split(configured)[0]
    except ValueError:  # unbalanced quotes: git would fail on it too, and say so
        return {}
    return {"GIT_SSH_COMMAND": f"{configured} {SSH_OPTIONS}"} if Path(program).name == "ssh" else {}


def git_program() -> str:
    found = shutil.which("git")
    if found is None:
        raise GitError("git is not installed; sync needs it (install git, then try again)")
    return found


def run_git(
    root: Path, args: Sequence[str], *, extra: Mapping[str, str] | None = None, check: bool = True, timeout: float = 300
) -> Ran:
    """``git -C root ARGS``; with ``check``, a failure raises GitError with git's last line."""
    try:
        done = subprocess.run(
            [git_program(), "-C", str(root), *_OPTIONS, *args],
            env=git_environment(extra=extra),
            capture_output=True,
            text=True,
            errors="replace",
            stdin=subprocess.DEVNULL,
            umask=0o077,  # files a merge or checkout writes are the person's alone, as networkday's own
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took more than {timeout:.0f} s and was stopped") from None
    ran = Ran(done.returncode, done.stdout, done.stderr)
    if check and ran.code:
        raise GitError(f"git {args[0]} failed: {last_line(ran)}")
    return ran


def last_line(ran: Ran) -> str:
    lines = [line.strip() for line in (ran.err or ran.out).splitlines() if line.strip()]
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    return (fatal or lines or [f"exit status {ran.code}"])[-1]


def line_merge(base: Path, ours: Path, theirs: Path) -> int:
    """Git's own line merge into ``ours`` (what git does without a driver); its count of conflicts."""
    done = subprocess.run(
        [git_program(), "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", str(ours), str(base), str(theirs)],
        env=git_environment(),
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return done.returncode
