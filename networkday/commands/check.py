"""`networkday check`: every problem in the data folder, located, or a short summary."""

from __future__ import annotations

import argparse
import sys

from networkday.commands.common import open_store, print_warnings, run_store
from networkday.commands.help_format import ExamplesFormatter
from networkday.storage.drafts import load_drafts
from networkday.storage.sync_conflicts import record_conflicts


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[common],
        help="validate the data folder",
        description=(
            "Validate every file in the data folder, and that each logged touch and the day's made call "
            "for it agree. Exit 1 when any problem is found."
        ),
        epilog="examples:\n  networkday check\n  networkday check --fix --data-dir ~/notes/network",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument(
        "--fix",
        action="store_true",
        help="add a missing made call for a touch, or a missing touch for a made call (never removes anything)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from networkday.services.companies import company_warnings
    from networkday.services.session_audit import audit_sessions
    from networkday.services.touch_audit import audit_touches, fix_touches, read_records

    store = open_store(args, unread_warning=False)
    shown = set(store.warnings)  # printed when the store was opened
    load_drafts(store)  # check lists every problem itself, a drafts file's too
    if args.fix:
        for line in fix_touches(store):
            print(line)
    companies = run_store(store.companies)  # those that cannot be read join the problems
    records = read_records(store)
    found = [
        *store.problems.values(),
        *audit_touches(store, records),
        *audit_sessions(store, records.days),
        *record_conflicts(store),
        *store.keys.refused,
    ]
    problems = sorted(found, key=lambda p: (str(p.path), p.line))
    warnings = sorted([*company_warnings(store, companies), *store.keys.taken], key=lambda p: (str(p.path), p.line))
    for problem in [*problems, *warnings]:  # the faults first: they are what exit 1 is for
        print(problem, file=sys.stderr)
    print_warnings(store, shown)  # what reading the company files taught: one a newer networkday wrote
    if problems:
        print(f"{len(problems)} problem(s) in {store.root}", file=sys.stderr)
        return 1
    held = f", {len(companies)} companies" if len(companies) else ""
    print(f"{store.root}: {len(store.contacts)} contacts, {len(store.days)} days{held}, no problems")
    return 0
