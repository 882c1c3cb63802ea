"""Bringing a network in and taking it out.

`networkday import linkedin|vcard|google FILE [--dry-run]` reads the file as far as
its header (or first card) before the data folder is opened, so a file that is not
what it claims to be fails with one line and changes nothing; the rest is read row by
row as it is imported. The summary goes to stdout; progress (on a terminal) and the
rate go to stderr. The exit status is 1 when something was not saved, or when rows were
read and not one could be imported.

`networkday export vcard|csv|ics` are kinds of the one export command
(``commands.export.EXPORT_KINDS``); the functions here read the store and hand the
records to the writers in ``networkday.exporters``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from networkday.clock import clock_from_environ
from networkday.commands.common import CommandError, open_store, run_store
from networkday.commands.export import write_export
from networkday.commands.safe_streams import raw_stream
from networkday.domain.companies import Company
from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.importers import IMPORTERS
from networkday.paths import data_dir
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

#: Below this many bytes (about 2,000 rows) an import is over before a progress line could help.
PROGRESS_FROM = 256_000


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sources = "\n".join(f"  {name:9} {what}" for name, what in IMPORTERS.items())
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="bring contacts in from LinkedIn, a vCard file or Google Contacts",
        description=(
            "Add the people in FILE and fill in what is missing for those already here "
            "(matched by email, LinkedIn profile, or name and company). Nothing you wrote is overwritten, "
            "and running the same import again changes nothing.\n\nsources:\n" + sources
        ),
        epilog="examples:\n  networkday import linkedin Connections.csv --dry-run\n"
        "  networkday import vcard contacts.vcf\n  curl -s https://example.com/team.vcf | networkday import vcard -",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", choices=tuple(IMPORTERS), help="where FILE comes from")
    parser.add_argument("file", type=Path, metavar="FILE", help="the export to read; - reads standard input")
    parser.add_argument("--dry-run", action="store_true", help="show what would change, and write nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from networkday.importers.stdin import STDIN, readable, shown

    if str(args.file) == STDIN and sys.stdin.isatty():
        print("networkday: reading the export from standard input; end it with Ctrl-D", file=sys.stderr)
    with readable(args.file) as path:
        try:
            return _import(args, path)
        except CommandError as error:
            raise CommandError(shown(str(error), args.file, path), error.code) from None


def _import(args: argparse.Namespace, path: Path) -> int:
    """Imports ``path`` (``args.file``, or the copy of standard input ``readable`` made)."""
    from networkday.importers import ImportFormatError, parse_file
    from networkday.importers.stdin import shown
    from networkday.services.importer import import_source

    try:
        clock = clock_from_environ()
    except ValueError as error:
        raise CommandError(str(error), 2) from None
    try:
        source = parse_file(args.source, path)
    except ImportFormatError as error:
        raise CommandError(str(error)) from None
    root = data_dir(getattr(args, "data_dir", None))
    # A dry run into a folder that does not exist yet must not create it.
    store = Store(root, clock) if args.dry_run and not root.exists() else open_store(args, create=True)
    progress = ProgressLine() if sys.stderr.isatty() and source.size >= PROGRESS_FROM else None
    try:
        summary = run_store(lambda: import_source(store, source, progress, dry_run=args.dry_run))
    finally:
        if progress:
            progress.clear()
    print(shown("\n".join(summary.lines()), args.file, path))
    print(f"{summary.rows} rows in {summary.seconds:.1f} s ({summary.rate:.0f} rows/s)", file=sys.stderr)
    return 1 if summary.failed or summary.nothing_imported else 0


class ProgressLine:
    """A percentage on one line of the terminal, rewritten in place."""

    def __init__(self) -> None:
        self.width = 0

    def __call__(self, rows: int, fraction: float) -> None:
        text = f"importing: {int(100 * fraction):3d}% ({rows} rows)"
        self.width = max(self.width, len(text))
        stream = raw_stream(sys.stderr)  # its carriage return is the app's own
        stream.write(f"\r{text.ljust(self.width)}")
        stream.flush()

    def clear(self) -> None:
        if self.width:
            stream = raw_stream(sys.stderr)
            stream.write("\r" + " " * self.width + "\r")
            stream.flush()


def export_vcard(args: argparse.Namespace, store: Store) -> bytes:
    from networkday.exporters.vcard import render

    return render(all_contacts(store), args.vcard_version or "4.0")


def export_csv(args: argparse.Namespace, store: Store) -> bytes:
    from networkday.exporters.table import contacts_csv, history_csv, opportunities_csv

    if getattr(args, "opportunities", False):
        companies = _all_companies(store)
        return opportunities_csv([(company, item) for company in companies for item in company.opportunities])
    contacts = all_contacts(store)
    if args.history:
        write_export(args.history, history_csv(contacts), f"the history of {len(contacts)} contacts exported as csv")
    return contacts_csv(contacts)


def export_ics(args: argparse.Namespace, store: Store) -> bytes:
    from networkday.exporters.ics import render

    today = store.clock.today().toordinal()
    days: list[Day] = []
    # Every day from today on is read: a person already reached today may still have a
    # call open later that day, which the day's counts of people do not tell.
    for ordinal in sorted(store.days):
        if ordinal >= today:
            try:
                days.append(store.day(date.fromordinal(ordinal)))
            except StoreError as error:
                _warn(f"planned calls not exported: {error}")
    now = store.clock.now()
    steps = [
        (company, item, step)
        for company in _all_companies(store)
        for item in company.opportunities
        if item.is_open
        for step in item.steps
        if step.at > now
    ]
    return render(all_contacts(store), days, now, steps)


def _all_companies(store: Store) -> list[Company]:
    """Every company in id order; a file that cannot be read is named on stderr, never dropped silently."""
    companies = list(store.companies())
    for path, problem in sorted(store.problems.items()):
        if path.parent == store.company_files.dir:
            _warn(f"not exported: {problem}")
    return companies


def all_contacts(store: Store) -> list[Contact]:
    """Every contact in id order; a file that cannot be read is named on stderr, never dropped silently."""
    contacts: list[Contact] = []
    for path, problem in sorted(store.problems.items()):
        if path.parent == store.contacts_dir:
            _warn(f"not exported: {problem}")
    for contact_id in sorted(store.contacts):
        try:
            contacts.append(store.contact(contact_id))
        except StoreError as error:
            _warn(f"not exported: {error}")
    return contacts


def _warn(message: str) -> None:
    print(f"networkday: warning: {message}", file=sys.stderr)
