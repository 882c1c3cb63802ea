"""`networkday brief ID`: one person's call brief as plain text, or as JSON for scripts."""

from __future__ import annotations

import argparse
from datetime import date

from networkday.commands.common import CommandError, open_store, print_json, run_store
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.brief import Brief
from networkday.domain.brief_text import brief_json, sections
from networkday.domain.text import escape_output
from networkday.services.brief import call_brief
from networkday.storage.layout import valid_id

EPILOG = """\
examples:
  networkday brief priya-raman          who she is, how you met, what to say
  networkday brief priya-raman --json   the same for scripts
"""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    brief = subparsers.add_parser(
        "brief",
        parents=[common],
        help="print a call brief for one person",
        description="Before a call: who they are and how you met, who referred you, their motives, "
        "what you gave and asked, your last touches, the open opportunity at their company, "
        "and a suggested opening and offer.",
        epilog=EPILOG,
        formatter_class=ExamplesFormatter,
    )
    brief.add_argument("id", metavar="ID", help="the contact's id (its file name without .toml)")
    brief.add_argument("--json", action="store_true", help='print JSON for scripts, with "version": 1')
    brief.set_defaults(run=run_brief)


def brief_lines(brief: Brief, today: date) -> list[str]:
    """The brief as lines of plain text: headings flush left, their lines indented, user text escaped."""
    contact = brief.contact
    lines = [escape_output(f"Call brief: {contact.name} ({contact.id})")]
    for section in sections(brief, today):
        lines.extend(("", section.heading))
        lines.extend(escape_output(f"  {line}") for line in section.lines)
    return lines


def run_brief(args: argparse.Namespace) -> int:
    if not valid_id(args.id):
        raise CommandError(f"ID {args.id!r} is not a contact id", 2)
    store = open_store(args)  # a scan: the names of the people it mentions are as their files say now
    brief = run_store(lambda: call_brief(store, args.id))
    today = store.clock.today()
    if args.json:
        print_json(brief_json(brief, today))
    else:
        print("\n".join(brief_lines(brief, today)))
    return 0
