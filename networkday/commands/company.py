"""`networkday company`: add a company, mark or unmark a target, list them."""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field

from networkday.commands.common import CommandError, open_store, print_json, print_warnings, run_store, warn_unread
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.companies import OPEN_STAGES, Companies, Company, company_key
from networkday.domain.text import escape_name
from networkday.services import companies as service
from networkday.storage.layout import valid_id
from networkday.storage.store import Store


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    company = subparsers.add_parser(
        "company",
        parents=[common],
        help="target companies: add, mark, list",
        epilog="examples:\n  networkday company add 'Acme Corp' --target\n  networkday company list --targets",
        formatter_class=ExamplesFormatter,
    )
    actions = company.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        parents=[common],
        help="add a company and print its id",
        epilog="examples:\n  networkday company add 'Acme Corp' --target --alias Acme --alias 'ACME Inc.'",
        formatter_class=ExamplesFormatter,
    )
    add.add_argument("name", metavar="NAME", help="the company's name, as you write it")
    add.add_argument("--target", action="store_true", help="mark it as a target company")
    add.add_argument("--alias", action="append", default=[], help="another spelling contacts use; repeat for more")
    add.set_defaults(run=run_add)
    for name, target in (("target", True), ("untarget", False)):
        mark = actions.add_parser(
            name,
            parents=[common],
            help=f"{'mark' if target else 'unmark'} a target company",
            epilog=f"example:\n  networkday company {name} acme-corp",
            formatter_class=ExamplesFormatter,
        )
        mark.add_argument("id", metavar="COMPANY_ID", help="the company's id (networkday company list shows it)")
        mark.set_defaults(run=run_mark, target=target)
    listing = actions.add_parser(
        "list",
        parents=[common],
        help="list the companies, targets first",
        epilog="examples:\n  networkday company list\n  networkday company list --targets --json",
        formatter_class=ExamplesFormatter,
    )
    listing.add_argument("--targets", action="store_true", help="only the target companies")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts (docs/JSON.md)")
    listing.set_defaults(run=run_list)


def loaded(store: Store) -> Companies:
    """Every company; files that cannot be read are named in the one warning, with the folder's others,
    and what reading them taught (a file a newer networkday wrote, a mode open to others) is warned of."""
    shown = set(store.warnings)  # printed when the store was opened
    companies = run_store(store.companies)
    print_warnings(store, shown)
    warn_unread(store)
    return companies


def run_add(args: argparse.Namespace) -> int:
    if not args.name.strip():
        raise CommandError("NAME must not be empty", 2)
    store = open_store(args, unread_warning=False, create=True)
    loaded(store)
    company = run_store(lambda: service.add_company(store, args.name, target=args.target, aliases=args.alias))
    print(company.id)
    return 0


def run_mark(args: argparse.Namespace) -> int:
    if not valid_id(args.id):
        raise CommandError(f"ID {args.id!r} is not a company id (lowercase letters, digits and dashes)", 2)
    store = open_store(args, scan=False, contacts=False)
    before = run_store(lambda: store.company(args.id)).target
    company = run_store(lambda: service.set_target(store, args.id, args.target))
    state = "a target" if company.target else "not a target"
    print(f"{company.id}: {state}" + ("" if before != company.target else " already"))
    return 0


@dataclass(frozen=True, slots=True)
class Row:
    """One company as ``company list`` shows it; ``id`` is None for a config.toml target with no file."""

    id: str | None
    name: str
    target: bool
    people: int
    priority: int | None = None
    aliases: tuple[str, ...] = ()
    website: str = ""
    open: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "target": self.target,
            "priority": self.priority,
            "aliases": list(self.aliases),
            "website": self.website,
            "people_count": self.people,
            "open": self.open,
        }

    def line(self) -> str:
        mark = "★" if self.target else " "
        ident = escape_name(self.id) if self.id else "(config.toml, no file)"
        opened = ", ".join(f"{count} {stage}" for stage, count in self.open.items()) or "no open opportunity"
        return f"{mark} {ident:<24} {escape_name(self.name):<28} {self.people:>4} people  {opened}"


def rows(store: Store, companies: Companies, targets_only: bool) -> list[Row]:
    """One row per company: targets first, then config.toml's targets that have no file yet,
    then the rest (see ``services.companies.ordered``)."""
    texts = Counter(summary.company for summary in store.contacts.values() if summary.company)
    people: Counter[str] = Counter()  # by company id: each contact under the one company it matches
    unfiled: Counter[str] = Counter()  # by match key: those no file answers to
    for text, count in texts.items():  # each spelling folded once, not each contact
        owner = companies.of_contact(text)
        if owner is not None:
            people[owner.id] += count
        else:
            unfiled[company_key(text)] += count
    items = [
        _row(company, companies.is_target(company.name), people[company.id])
        for company in service.ordered(companies)
        if companies.is_target(company.name) or not targets_only
    ]
    targets = sum(1 for item in items if item.target)
    items[targets:targets] = [Row(None, name, True, unfiled[company_key(name)]) for name in companies.without_file()]
    return items


def _row(company: Company, target: bool, people: int) -> Row:
    stages = Counter(item.stage for item in company.opportunities if item.stage in OPEN_STAGES)
    return Row(
        id=company.id,
        name=company.name,
        target=target,
        people=people,
        priority=company.priority,
        aliases=company.aliases,
        website=company.website,
        open={stage: stages[stage] for stage in OPEN_STAGES if stages[stage]},
    )


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args, unread_warning=False)
    companies = loaded(store)
    items = rows(store, companies, args.targets)
    if args.json:
        print_json({"companies": [item.as_json() for item in items]})
        return 0
    if not items and len(companies):
        print("no target companies yet: networkday company target ID")
    elif not items:
        print("no companies yet: networkday company add NAME [--target]")
    for item in items:
        print(item.line())
    return 0
