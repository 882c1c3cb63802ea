"""`networkday template`: list the message templates, or print one filled for a person.

Both read only the templates folder and, for ``fill``, the person's file and their
introducer's: no index, no scan, so a script or a mail client's hook gets its text fast.
A data folder with no ``templates/`` gets the defaults first (``services.templates``).
"""

from __future__ import annotations

import argparse
import sys

from networkday.commands.common import CommandError, open_store, print_json, run_store
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.templates import summary_line
from networkday.domain.text import escape_name
from networkday.services.templates import fill_template, templates
from networkday.storage.layout import valid_id
from networkday.storage.templates import templates_dir

_LIST_EXAMPLE = """\
examples:
  networkday template list
  networkday template list --json | jq -r '.templates[].name'"""

_FILL_EXAMPLE = """\
examples:
  networkday template fill thank-you jane-doe
  networkday template fill outreach jane-doe > ~/draft.txt"""

_TEMPLATES = (
    "Templates are the .txt files in <data dir>/templates/ (docs/TEMPLATES.md); a data folder with no"
    " templates/ gets the default templates at the first use."
)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    template = subparsers.add_parser(
        "template",
        parents=[common],
        help="message templates: list them, or fill one for a person",
        description=_TEMPLATES,
        epilog=f"{_LIST_EXAMPLE}\n  networkday template fill thank-you jane-doe",
        formatter_class=ExamplesFormatter,
    )
    actions = template.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list",
        parents=[common],
        help="list the templates: name and subject (or first line)",
        description=_TEMPLATES,
        epilog=_LIST_EXAMPLE,
        formatter_class=ExamplesFormatter,
    )
    listing.add_argument("--json", action="store_true", help="print JSON for scripts (docs/JSON.md)")
    listing.set_defaults(run=run_list)
    filling = actions.add_parser(
        "fill",
        parents=[common],
        help="print a template filled for one person",
        description='Prints the template filled for the person: its "Subject: ..." line and a blank line when'
        " it has a subject, then the message. Lines of the template that start with # are notes to yourself"
        " and are left out.",
        epilog=_FILL_EXAMPLE,
        formatter_class=ExamplesFormatter,
    )
    filling.add_argument("name", metavar="NAME", help="the template's name: its file name without .txt")
    filling.add_argument("contact_id", metavar="CONTACT_ID", help="the person's id (their contact file's name)")
    filling.set_defaults(run=run_fill)


def run_list(args: argparse.Namespace) -> int:
    store = open_store(args, scan=False, contacts=False)
    found, problems = run_store(lambda: templates(store))
    for problem in problems:
        print(f"networkday: warning: {problem}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "folder": str(templates_dir(store.root)),
                "templates": [
                    {"name": item.name, "path": str(item.path), "summary": summary_line(item.text)} for item in found
                ],
                "problems": [str(problem) for problem in problems],
            }
        )
        return 0
    if not found:
        print(f"No templates in {escape_name(str(templates_dir(store.root)))}")
        return 0
    width = max(len(item.name) for item in found)
    for item in found:
        print(f"{escape_name(item.name):<{width}}  {summary_line(item.text)}")
    return 0


def run_fill(args: argparse.Namespace) -> int:
    if not valid_id(args.contact_id):
        raise CommandError(f"CONTACT_ID {args.contact_id!r} is not a contact id (lowercase letters, digits and dashes)")
    store = open_store(args, scan=False, contacts=False)
    message = run_store(lambda: fill_template(store, args.name, args.contact_id))
    sys.stdout.write(message.filled.text)
    return 0
