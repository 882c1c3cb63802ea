"""`networkday add` and `networkday log`: quick capture from the shell; `contacts` reads (contact_queries)."""

from __future__ import annotations

import argparse

from networkday.clock import clock_from_environ
from networkday.commands.common import CommandError, open_store, parse_date, run_store
from networkday.commands.contact_queries import register_queries
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.errors import RecordError
from networkday.domain.outcome_rules import Schedule, parse_schedule
from networkday.domain.touch import KEEP
from networkday.domain.vocab import CHANNELS, OUTCOMES
from networkday.domain.wording import outcome_text
from networkday.services.actions import log_touch
from networkday.services.people import add_person
from networkday.storage.layout import valid_id


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add = subparsers.add_parser(
        "add",
        parents=[common],
        help="add a contact and print its id",
        epilog="examples:\n"
        "  networkday add 'Ada Lovelace' --company Acme --title CTO --hiring-manager\n"
        "  networkday add 'Grace Hopper' --email grace@example.com --tag navy",
        formatter_class=ExamplesFormatter,
    )
    add.add_argument("name", metavar="NAME", help="their name, as you would say it")
    add.add_argument("--company", default="", help="where they work")
    add.add_argument("--title", default="", help="their job title")
    add.add_argument("--email", action="append", default=[], help="repeat for more than one")
    add.add_argument("--phone", action="append", default=[], help="repeat for more than one")
    add.add_argument("--tag", action="append", default=[], help="repeat for more than one")
    add.add_argument("--referred-by", metavar="ID", help="the id of the contact who introduced you")
    add.add_argument(
        "--follow-up", type=parse_date, metavar="DATE", help="the day to contact them next (YYYY-MM-DD, +3)"
    )
    add.add_argument("--hiring-manager", action="store_true", help="they could hire you")
    add.set_defaults(run=run_add)

    log = subparsers.add_parser(
        "log",
        parents=[common],
        help="append an interaction to a contact's history",
        epilog="examples:\n"
        "  networkday log ada-lovelace talked --channel coffee --follow-up +14\n"
        "  networkday log grace-hopper scheduled --when '2026-12-09 10:00'",
        formatter_class=ExamplesFormatter,
    )
    log.add_argument("id", metavar="ID", help="the contact's id (networkday contacts search NAME finds it)")
    log.add_argument("outcome", choices=OUTCOMES, help="how it went: %(choices)s")
    log.add_argument("--channel", choices=CHANNELS, default="phone", help="how: %(choices)s (default: %(default)s)")
    log.add_argument("--gave", default="", help="what you offered or gave them")
    log.add_argument("--asked", default="", help="what you asked of them")
    log.add_argument("--note", default="", help="anything else worth remembering")
    log.add_argument("--gained", default="", help="what they gained from the talk: were they glad you called?")
    log.add_argument("--they-asked", default="", metavar="TEXT", help="what they asked of you")
    log.add_argument(
        "--introduced",
        action="append",
        default=[],
        metavar="WHOM",
        help="someone you introduced them to (a contact id, or a name); repeat for each",
    )
    log.add_argument("--landed", default="", metavar="TEXT", help="what they told you they landed (a job, a role)")
    log.add_argument(
        "--follow-up", type=parse_date, metavar="DATE", help="the day to contact them next (YYYY-MM-DD, +3)"
    )
    log.add_argument(
        "--when",
        metavar="WHEN",
        help='scheduled only: the day agreed, and a time if there is one ("2026-12-09 10:00"); plans the call then',
    )
    log.set_defaults(run=run_log)
    register_queries(subparsers, common)


def run_add(args: argparse.Namespace) -> int:
    from networkday.domain.validate import valid_email

    if not args.name.strip():
        raise CommandError("NAME must not be empty", 2)
    for email in args.email:
        if not valid_email(email):
            raise CommandError(f"--email {email!r} is not an email address", 2)
    store = open_store(args, create=True)
    if args.referred_by and args.referred_by not in store.contacts:
        raise CommandError(f"--referred-by {args.referred_by!r}: no such contact", 2)
    contact = Contact(
        id="",
        name=args.name.strip(),
        company=args.company,
        title=args.title,
        email=args.email,
        phone=args.phone,
        tags=args.tag,
        referred_by=args.referred_by,
        follow_up=args.follow_up,
        hiring_manager=args.hiring_manager,
    )
    try:
        run_store(lambda: add_person(store, contact))
    except RecordError as error:
        raise CommandError(error.message, 2) from None
    print(contact.id)
    return 0


def _schedule(args: argparse.Namespace) -> Schedule | None:
    """``--when`` read against the command's today; a bad value is one located line, exit 1, before any write."""
    if args.when is None:
        return None
    if args.outcome != "scheduled":
        raise CommandError(f"--when is for a scheduled call, not {args.outcome!r}", 2)
    if args.follow_up is not None:
        raise CommandError("--when sets the follow-up to the day of the call: leave out --follow-up", 2)
    try:
        return parse_schedule(args.when, clock_from_environ().now())
    except ValueError as error:
        raise CommandError(f"--when: {error}") from None


def run_log(args: argparse.Namespace) -> int:
    if not valid_id(args.id):
        raise CommandError(f"ID {args.id!r} is not a contact id", 2)
    when = _schedule(args)
    store = open_store(args, scan=False, create=True)
    entry = LogEntry(
        at=store.clock.now().replace(microsecond=0),
        channel=args.channel,
        outcome=args.outcome,
        gave=args.gave,
        asked=args.asked,
        note=args.note,
        gained=args.gained,
        they_asked=args.they_asked,
        introduced=[whom.strip() for whom in args.introduced if whom.strip()],
        landed=args.landed,
    )
    follow_up = KEEP if args.follow_up is None else args.follow_up
    asked_at = entry.at
    contact = run_store(lambda: log_touch(store, args.id, entry, follow_up=follow_up, when=when))
    follow = f", follow up {contact.follow_up}" if contact.follow_up else ""
    # The same touch again (a retry) is not added: the one recorded is kept, and said so.
    if any(recorded is entry for recorded in contact.log):
        done = "logged"
    elif entry.at != asked_at:
        done = f"was logged already at {entry.at:%H:%M}, its call is now marked"
    else:
        done = "was logged already, not added again"
    planned = f", call planned {when.text()}" if when else ""
    print(f"{contact.id}: {outcome_text(args.outcome)} by {args.channel} {done}{planned}{follow}")
    return 0
