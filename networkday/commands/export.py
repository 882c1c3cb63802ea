"""``networkday export KIND [--format F] [-o FILE]``: one command for every kind of export.

Each kind is a row of :data:`EXPORT_KINDS`. To add one (vcard, csv, ics, ...), add an
:class:`ExportKind` with its formats (the first is the default), a line of help, and the
``"module:function"`` that makes the document: ``function(args, store) -> bytes``, where
``args.format`` is the chosen format (and, for csv, ``args.history`` a checked Path or
None). The module is imported only when its kind runs, so the command stays fast. Raise
CommandError for a failure; print warnings to stderr.

The document goes to stdout, its controls escaped as in every command's output, or with
``-o FILE`` to a new 0600 file that replaces FILE atomically: exports hold personal data,
and a failed export never leaves half a file.
FILE may not lie inside the data folder, so an export never replaces a record.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from networkday.commands.common import CommandError, open_store, run_store
from networkday.commands.safe_streams import raw_stream
from networkday.domain.text import escape_output
from networkday.storage.atomic import write_atomic
from networkday.storage.store import Store


@dataclass(frozen=True)
class ExportKind:
    formats: tuple[str, ...]
    help: str
    #: "module:function"; the function takes (args, store) and returns the document's bytes
    run: str

    def load(self) -> Callable[[argparse.Namespace, Store], bytes]:
        module, _, name = self.run.partition(":")
        return getattr(importlib.import_module(module), name)


EXPORT_KINDS: dict[str, ExportKind] = {
    "journal": ExportKind(
        ("markdown",),
        "the whole journal as one Markdown document, oldest entry first",
        "networkday.commands.journal:export_journal",
    ),
    "vcard": ExportKind(
        ("vcard",),
        "contacts as vCard 4.0, or 3.0 with --version 3.0 (networkday import vcard reads both back)",
        "networkday.commands.transfer:export_vcard",
    ),
    "csv": ExportKind(
        ("csv",),
        "contacts, one row each (--history FILE: every touch in a second CSV; --opportunities: those instead)",
        "networkday.commands.transfer:export_csv",
    ),
    "ics": ExportKind(
        ("ics",),
        "follow-ups, planned calls and opportunities' coming steps as iCalendar events",
        "networkday.commands.transfer:export_ics",
    ),
}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    kinds = "\n".join(f"  {name:<10} {kind.help} ({', '.join(kind.formats)})" for name, kind in EXPORT_KINDS.items())
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="write your data in another format",
        description=f"Write your data in another format, to stdout or a file.\n\nkinds:\n{kinds}",
        epilog="examples:\n"
        "  networkday export vcard -o ~/contacts.vcf\n"
        "  networkday export vcard --version 3.0 > phone.vcf\n"
        "  networkday export vcard --dir ~/.contacts/networkday\n"
        "  networkday export csv -o contacts.csv --history touches.csv\n"
        "  networkday export ics -o calls.ics",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=list(EXPORT_KINDS), metavar="KIND", help="what to export (listed above)")
    parser.add_argument("--format", metavar="FORMAT", help="the output format (default: the kind's first)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (mode 0600) instead of stdout")
    parser.add_argument(
        "--dir",
        metavar="FOLDER",
        help="vcard only: one .vcf per contact in FOLDER (a vdir for khard and vdirsyncer); unchanged "
        "cards are left alone, cards of people no longer here removed, other files never touched",
    )
    parser.add_argument("--history", metavar="FILE", help="csv only: also write every touch to FILE (mode 0600)")
    parser.add_argument("--opportunities", action="store_true", help="csv only: the opportunities, not the contacts")
    parser.add_argument(
        "--version",
        dest="vcard_version",
        choices=("4.0", "3.0"),
        help="vcard only: the vCard version, 4.0 (default) or 3.0 for clients that need it",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    kind = EXPORT_KINDS[args.kind]
    args.format = args.format or kind.formats[0]
    if args.format not in kind.formats:
        raise CommandError(f"--format {args.format!r}: {args.kind} exports as {', '.join(kind.formats)}", 2)
    if args.history and args.kind != "csv":
        raise CommandError(f"--history: only `export csv` writes a history, not `export {args.kind}`", 2)
    if args.vcard_version and args.kind != "vcard":
        raise CommandError(f"--version: only `export vcard` has versions, not `export {args.kind}`", 2)
    if args.opportunities and (args.kind != "csv" or args.history):
        raise CommandError("--opportunities: only `export csv` without --history writes the opportunities", 2)
    if args.dir and (args.kind != "vcard" or args.output):
        raise CommandError("--dir: only `export vcard` writes a folder, and not with -o", 2)
    store = open_store(args)
    if args.dir:
        return export_vdir(args, store)
    target = output_file("-o", args.output, store.root) if args.output and args.output != "-" else None
    if args.history:
        args.history = output_file("--history", args.history, store.root)
        if target is not None and same_file(target, args.history):
            raise CommandError(f"-o {target} and --history {args.history} are the same file; name two files")
    data = run_store(lambda: kind.load()(args, store))
    if target is not None:
        write_export(target, data, f"{args.kind} exported as {args.format}")
        return 0
    # Escaped as every command's output is (stdout may be a terminal), and UTF-8 as the
    # document says, whatever the locale's encoding.
    stdout = raw_stream(sys.stdout)
    stdout.flush()
    stdout.buffer.write(escape_output(data.decode("utf-8")).encode("utf-8"))
    stdout.buffer.flush()
    return 0


def export_vdir(args: argparse.Namespace, store: Store) -> int:
    """``export vcard --dir FOLDER`` (``commands.vdir``)."""
    from networkday.commands.transfer import all_contacts
    from networkday.commands.vdir import check_folder, write_vdir

    folder = check_folder(args.dir, store.root)
    contacts = run_store(lambda: all_contacts(store))
    # A person whose file cannot be read now is still here: their card stays.
    here = {*store.contacts, *(path.stem for path in store.problems if path.parent == store.contacts_dir)}
    what = write_vdir(folder, contacts, args.vcard_version or "4.0", here)
    print(f"{folder}: {what}", file=sys.stderr)
    return 0


def output_file(option: str, value: str, root: Path) -> Path:
    """The FILE of ``-o`` or ``--history``, checked before anything is written (exit 2 if refused).

    A file inside the data folder is refused, however it is spelled (a link, ``..``): an
    export must never replace a record or leave a stray file there for the next scan.
    """
    target = Path(value).expanduser()
    if target.is_dir():
        raise CommandError(f"{option} {target}: is a folder; name a file", 2)
    if target.resolve().is_relative_to(root.resolve()):
        raise CommandError(f"{option} {target}: is inside the data folder {root}; export to a file outside it", 2)
    return target


def same_file(first: Path, second: Path) -> bool:
    """Whether two outputs would land in one file, however spelled: ``./F``, a link, a second hard link.

    The second write would replace the first, and the summary would name two exports.
    """
    if first.resolve() == second.resolve():
        return True
    try:
        return first.samefile(second)
    except OSError:  # one of them is not there yet: then only its spelling could match
        return False


def write_export(target: Path, data: bytes, what: str) -> None:
    """A new 0600 file replaces ``target`` atomically; stderr says what it holds."""
    try:
        write_atomic(target, data)
    except OSError as error:
        raise CommandError(f"{target}: cannot write: {error.strerror or error}") from None
    print(f"{target}: {what}", file=sys.stderr)
