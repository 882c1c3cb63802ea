"""`networkday sync`, `sync init` and `merge-file`, the merge driver git runs for each record both sides changed."""

from __future__ import annotations

import argparse

from networkday.commands.common import CommandError, missing_folder
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
            "keeps machine-local files out of it and sets up the merge driver. See docs/SYNC.md."
        ),
        epilog="examples:\n"
        "  networkday sync init git@example.com:me/network.git\n"
        "  networkday sync                 commit, fetch, merge and push\n"
        "  networkday sync --offline       commit only",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("action", nargs="?", choices=["init"], help="init: make the folder a repository")
    parser.add_argument("remote", nargs="?", help="with init: the remote to sync with, named origin")
    parser.add_argument("--no-push", action="store_true", help="commit, fetch and merge, but do not push")
    parser.add_argument("--offline", action="store_true", help="commit only: no fetch, no merge, no push")
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
    from networkday.services import sync as use
    from networkday.storage.problems import StoreError

    root = data_dir(getattr(args, "data_dir", None))
    if args.remote and args.action != "init":
        raise CommandError("a remote is named only with sync init: networkday sync init REMOTE", 2)
    if not root.is_dir():
        raise CommandError(missing_folder(root))
    try:
        if args.action == "init":
            lines, left = use.init(root, args.remote), False
        else:
            result = use.sync(root, push=not args.no_push, offline=args.offline)
            lines, left = result.lines, bool(result.unmerged)
    except StoreError as error:  # git's failures, the lock held too long, a broken file not committed
        raise CommandError(str(error)) from None
    for line in lines:
        print(line)
    return 1 if left else 0


def merge_file(args: argparse.Namespace) -> int:
    from networkday.commands.merge_driver import drive

    return drive(args.BASE, args.OURS, args.THEIRS, args.PATH)
