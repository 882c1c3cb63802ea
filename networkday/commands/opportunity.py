"""`networkday opportunity`: add one at a company, move it to a stage with a dated note, list them."""

from __future__ import annotations

import argparse

from networkday.commands.common import CommandError, open_store, parse_date, print_json, run_store
from networkday.commands.company import loaded
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.companies import STAGES
from networkday.domain.text import escape_name
from networkday.services import companies as service
from networkday.services.companies import Placed
from networkday.storage.layout import valid_id
from networkday.storage.problems import StoreError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    opportunity = subparsers.add_parser(
        "opportunity",
        parents=[common],
        help="opportunities: add, move, list",
        epilog="examples:\n  networkday opportunity add acme-corp 'Staff Engineer' --via ada-lovelace\n"
        "  networkday opportunity move acme-corp/staff-engineer interview\n  networkday opportunity list --open",
        formatter_class=ExamplesFormatter,
    )
    actions = opportunity.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        parents=[common],
        help="add an opportunity and print COMPANY_ID/OPP_ID",
        epilog="examples:\n  networkday opportunity add acme-corp 'Staff Engineer' --via ada-lovelace\n"
        "  networkday opportunity add acme PM --stage applied --link https://a.example",
        formatter_class=ExamplesFormatter,
    )
    add.add_argument("company_id", metavar="COMPANY_ID", help="the company's id (networkday company list shows it)")
    add.add_argument("role", metavar="ROLE", help="the role, as the posting or the person names it")
    add.add_argument("--via", action="append", default=[], metavar="CONTACT_ID", help="who opened it; repeat")
    add.add_argument("--stage", choices=STAGES, default="lead", help="where it stands: %(choices)s (default: lead)")
    add.add_argument("--link", default="", metavar="URL", help="the posting's address")
    add.add_argument("--note", default="", help="notes on the opportunity")
    add.set_defaults(run=run_add)
    move = actions.add_parser(
        "move",
        parents=[common],
        help="move an opportunity to a stage, dated now",
        epilog="examples:\n  networkday opportunity move acme-corp/staff-engineer applied --note 'via Ada'\n"
        "  networkday opportunity move acme-corp/staff-engineer interview --on +7",
        formatter_class=ExamplesFormatter,
    )
    move.add_argument("ref", metavar="COMPANY_ID/OPP_ID", help="the opportunity (networkday opportunity list shows it)")
    move.add_argument("stage", choices=STAGES, metavar="STAGE", help=f"one of {', '.join(STAGES)}")
    move.add_argument("--note", default="", help="what happened")
    move.add_argument(
        "--on", type=parse_date, metavar="DATE", help="date the move (an interview set ahead); default now"
    )
    move.set_defaults(run=run_move)
    listing = actions.add_parser(
        "list",
        parents=[common],
        help="list the opportunities",
        epilog="examples:\n  networkday opportunity list --open\n  networkday opportunity list --json",
        formatter_class=ExamplesFormatter,
    )
    listing.add_argument("--open", action="store_true", help="only those still moving (lead to offer)")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts (docs/JSON.md)")
    listing.set_defaults(run=run_list)


def run_add(args: argparse.Namespace) -> int:
    if not valid_id(args.company_id):
        raise CommandError(f"COMPANY_ID {args.company_id!r} is not a company id", 2)
    if not args.role.strip():
        raise CommandError("ROLE must not be empty", 2)
    store = open_store(args)
    placed = run_store(
        lambda: service.add_opportunity(
            store, args.company_id, args.role, via=args.via, stage=args.stage, link=args.link, notes=args.note
        )
    )
    print(placed.ref)
    return 0


def run_move(args: argparse.Namespace) -> int:
    try:
        company_id, _ = service.split_ref(args.ref)
    except StoreError as error:
        raise CommandError(str(error), 2) from None
    if not valid_id(company_id):
        raise CommandError(f"{args.ref!r}: {company_id!r} is not a company id", 2)
    store = open_store(args, scan=False, contacts=False)
    before = run_store(lambda: store.company(company_id))
    placed = run_store(lambda: service.move_opportunity(store, args.ref, args.stage, args.note, args.on))
    was = next((item.stage for item in before.opportunities if item.id == placed.opportunity.id), "?")
    stage = placed.opportunity.stage
    if stage == was:  # dated before a later step: history, not the stage it stands at
        print(f"{placed.ref}: {args.stage} dated before a later step; still {stage}")
    else:
        print(f"{placed.ref}: {was} → {stage}")
    return 0


def item(placed: Placed) -> dict[str, object]:
    """What ``list --json`` gives for one opportunity."""
    opportunity = placed.opportunity
    return {
        "id": placed.ref,
        "company": placed.company.name,
        "role": opportunity.role,
        "stage": opportunity.stage,
        "via": list(opportunity.via),
        "opened": opportunity.opened.isoformat() if opportunity.opened else None,
        "link": opportunity.link,
        "steps": [{"at": step.at.isoformat(), "stage": step.stage, "note": step.note} for step in opportunity.steps],
    }


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args, scan=False, contacts=False, unread_warning=False)
    placed = service.opportunities(service.ordered(loaded(store)), open_only=args.open)
    if args.json:
        print_json({"opportunities": [item(each) for each in placed]})
        return 0
    if not placed:
        print("no open opportunities" if args.open else "no opportunities yet: networkday opportunity add")
        return 0
    for each in placed:
        opportunity = each.opportunity
        via = f"via {', '.join(opportunity.via)}" if opportunity.via else "cold"
        opened = opportunity.opened.isoformat() if opportunity.opened else "-"
        print(
            f"{escape_name(each.ref):<32} {opportunity.stage:<9} {opened:<10}"
            f"  {escape_name(each.company.name)}: {escape_name(opportunity.role)} ({escape_name(via)})"
        )
    return 0
