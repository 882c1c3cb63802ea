"""`networkday sync`, `sync init`, `sync status`, and `merge-file`: the merge driver git runs per record."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from networkday.commands.common import CommandError, missing_folder, print_json
from networkday.commands.help_format import ExamplesFormatter
from networkday.paths import data_dir


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "sync",
        parents=[common],
        help="commit, merge and push the data folder over git (sync init makes it a repository)",
        description=(
            "Commit the data folder's changes in one commit, fetch, merge record by record and push. "
            "`networkday sync init [REMOTE]` first makes the folder a git repository (or adopts one), "
            "keeps machine-local files out of it and sets up the merge driver. "
            "`networkday sync status` says when this machine last synced, what waits to be committed and how far "
            "the branch is ahead or behind its upstream (as of the last fetch). See docs/SYNC.md."
        ),
        epilog="examples:\n"
        "  networkday sync init git@example.com:me/network.git\n"
        "  networkday sync                 commit, fetch, merge and push\n"
        "  networkday sync --offline       commit only\n"
        "  networkday sync status --json   the state, for scripts and prompts",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument(
        "action",
        nargs="?",
        choices=["init", "status"],
        help="init: make the folder a repository; status: the sync state, without touching the network",
    )
    parser.add_argument("remote", nargs="?", help="with init: the remote to sync with, named origin")
    parser.add_argument("--no-push", action="store_true", help="commit, fetch and merge, but do not push")
    parser.add_argument("--offline", action="store_true", help="commit only: no fetch, no merge, no push")
    parser.add_argument("--json", action="store_true", help="with status: print JSON for scripts (docs/JSON.md)")
    parser.set_defaults(run=run)
    driver = subparsers.add_parser(
        "merge-file",
        parents=[common],
        help="git's merge driver for record files (set up by sync init)",
        description=(
            "Merge BASE, OURS and THEIRS (git's %O %A %B) of the record PATH (%P) field by field into OURS. "
            "A value changed on both sides keeps ours and records theirs under [[conflict]]. "
            "Exit 1 when a side cannot be read: git's line merge is left in OURS."
        ),
        epilog="example (what sync init writes in .git/config):\n"
        '  [merge "networkday"]\n'
        "      driver = /path/to/python -m networkday merge-file %O %A %B %P",
        formatter_class=ExamplesFormatter,
    )
    for name, meaning in (
        ("base", "the common ancestor's copy (%%O)"),
        ("ours", "our copy (%%A): the merge is written here"),
        ("theirs", "their copy (%%B)"),
        ("path", "the record's path in the repository (%%P)"),
    ):
        driver.add_argument(name.upper(), metavar=name.upper(), help=meaning)
    driver.set_defaults(run=merge_file)


def run(args: argparse.Namespace) -> int:
    from networkday.clock import clock_from_environ
    from networkday.services import sync as use
    from networkday.services.sync_state import sync_and_record
    from networkday.storage.problems import StoreError

    root = data_dir(getattr(args, "data_dir", None))
    if args.remote and args.action != "init":
        raise CommandError("a remote is named only with sync init: networkday sync init REMOTE", 2)
    if args.json and args.action != "status":
        raise CommandError("--json goes with sync status: networkday sync status --json", 2)
    if not root.is_dir():
        raise CommandError(missing_folder(root))
    if args.action == "status":
        return status(root, clock_from_environ().now(), as_json=args.json)
    try:
        if args.action == "init":
            lines, left = use.init(root, _as_git_reads_it(args.remote)), False
        else:
            now = clock_from_environ().now()
            result = sync_and_record(root, now, push=not args.no_push, offline=args.offline)
            lines, left = result.lines, bool(result.unmerged)
    except StoreError as error:  # git's failures, the lock held too long, a broken file not committed
        raise CommandError(str(error)) from None
    for line in lines:
        print(line)
    return 1 if left else 0


def _as_git_reads_it(remote: str | None) -> str | None:
    """A relative path made absolute from the caller's folder (git would read it from the data folder's)."""
    from networkday.domain.sync_rules import is_local_path

    if remote is None or not is_local_path(remote):
        return remote
    return str(Path(remote).expanduser().absolute())


def status(root: Path, now: datetime, *, as_json: bool) -> int:
    """The state in a few lines (or JSON); exit 0, also outside a repository, which it says (``repository: false``)."""
    from networkday.domain.sync_state import state_json, status_lines
    from networkday.domain.text import shown_line
    from networkday.services.sync_state import sync_state

    state = sync_state(root)
    if as_json:
        print_json(state_json(state))
    else:
        ago = None if state.last is None else human_ago(state.last.at, now)
        for line in status_lines(state, str(root), ago):
            print(shown_line(line))
    if state.warning:
        print(f"networkday: {shown_line(state.warning)}", file=sys.stderr)
    return 0


def human_ago(then: datetime, now: datetime) -> str:
    """``12 minutes ago``, in pendulum's words (imported here: no other path pays for it)."""
    import pendulum

    words = pendulum.instance(then).diff_for_humans(pendulum.instance(now), absolute=True)
    return f"{words} ago" if then <= now else f"{words} from now (this machine's clock is behind)"


def merge_file(args: argparse.Namespace) -> int:
    from networkday.commands.merge_driver import drive

    return drive(args.BASE, args.OURS, args.THEIRS, args.PATH)
