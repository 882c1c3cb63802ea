"""`networkday conflicts [--json]`, `conflicts keep|take RECORD FIELD`: fields a sync found changed on both machines.

Each line names the record as ``keep`` and ``take`` take it (``person/ada-lovelace``,
``company/acme``, ``day/2026-11-25``), the field, the value kept in the file and the other.
Settling writes through the store's locked writes, as the app's list does.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from networkday.commands.common import CommandError, open_store, print_json, run_store
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.conflict_settle import ABSENT, shown
from networkday.domain.text import one_line

if TYPE_CHECKING:
    from networkday.services.conflicts import RecordConflict


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "conflicts",
        parents=[common],
        help="list the fields a sync found changed on both machines; keep the value in the file or take the other",
        description=(
            "List every [[conflict]] entry a sync's merge left: the record, the field, the value kept in the "
            "file and the other value. `keep` drops the entry and leaves the kept value; `take` writes "
            "the other value into the field. Either way the entry goes."
        ),
        epilog="examples:\n"
        "  networkday conflicts\n"
        "  networkday conflicts --json\n"
        "  networkday conflicts keep person/ada-lovelace title\n"
        "  networkday conflicts take day/2026-11-25 journal.rating",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts (docs/JSON.md)")
    parser.add_argument("action", nargs="?", choices=("keep", "take"), help="settle one conflict")
    parser.add_argument("record", nargs="?", help="KIND/ID as the list prints it: person/ID, company/ID, day/DATE")
    parser.add_argument("field", nargs="?", help="the field as the list prints it: title, log[<touch id>].note")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from networkday.services.conflicts import all_conflicts, field_word, find, settle, where

    store = open_store(args)
    if args.action:
        if not args.record or args.field is None:
            raise CommandError(f"conflicts {args.action} needs a record and a field: see `networkday conflicts`", 2)
        item = find(store, args.record, args.field)
        if item is None:
            raise CommandError(f"no conflict in {args.field!r} of {args.record!r}: see `networkday conflicts`")
        print(one_line(run_store(lambda: settle(store, item, take=args.action == "take"))))
        return 0
    found = all_conflicts(store)
    if args.json:
        print_json({"conflicts": [_document(where(item), item) for item in found]})
        return 0
    for item in found:
        other = item.conflict
        theirs = "removed" if other.removed else shown(other.theirs)
        merge = f"merge with {other.source}"
        line = f"{where(item)} {field_word(other.field)}: kept {shown(item.ours)}; other {theirs}"
        print(one_line(f"{line} ({merge}; {item.title})"))
    if found:
        print(f"{len(found)} conflict(s): networkday conflicts keep|take RECORD FIELD settles one")
    else:
        print(f"{store.root}: no sync conflicts")
    return 0


def _document(record: str, item: RecordConflict) -> dict[str, Any]:
    conflict = item.conflict
    return {
        "record": record,
        "title": item.title,
        "field": conflict.field,
        "ours": None if item.ours is ABSENT else _plain(item.ours),
        "theirs": None if conflict.removed else _plain(conflict.theirs),
        "removed": conflict.removed,
        "from": conflict.origin,
        "at": _plain(conflict.at),
        "path": str(item.path),
    }


def _plain(value: Any) -> Any:
    """Dates and times as ISO 8601 text, as every other ``--json`` output writes them."""
    return value.isoformat() if isinstance(value, date | datetime | time) else value
