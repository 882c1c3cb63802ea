"""`networkday check`: every problem in the data folder, located, or a short summary."""

from __future__ import annotations

import argparse
import sys

from networkday.commands.common import open_store


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[common],
        help="validate the data folder",
        description="Validate every file in the data folder. Exit 1 when any problem is found.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    problems = sorted(store.problems.values(), key=lambda p: (str(p.path), p.line))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {store.root}", file=sys.stderr)
        return 1
    print(f"{store.root}: {len(store.contacts)} contacts, {len(store.days)} days, no problems")
    return 0
