"""``networkday edit ID``: a contact's file in ``$VISUAL`` or ``$EDITOR``, checked before it is saved.

As ``journal --edit`` does: the editor gets a private copy (``commands.editor``), never the
file itself, so a half-saved or broken edit can never be read by the app or a sync. What
comes back is read as the file would be; when it does not read, the located error is shown
and the person may edit again from what they typed. A good edit is merged under the lock
into the file as it is now (``services.people.save_hand_edit``): a touch logged or a field
changed meanwhile is kept. An edit that cannot be saved is written to stderr, so no typing
is lost.
"""

from __future__ import annotations

import argparse
import sys

from networkday.commands.common import CommandError, open_store, run_store
from networkday.commands.editor import edit_text
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.contact import Contact
from networkday.domain.errors import ConflictError
from networkday.services.people import save_hand_edit
from networkday.storage.layout import valid_id
from networkday.storage.problems import ProblemError, StoreError
from networkday.storage.store import Store


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "edit",
        parents=[common],
        help="edit a contact's file in your text editor, checked before it is saved",
        description="Open a copy of a contact's file in $VISUAL, else $EDITOR, else vi. The edit is saved only "
        "if it reads as a contact file, merged with any change made meanwhile; if it does not read, the error "
        "is shown with its line and you may edit again. Comments and layout are not kept: the file is "
        "written as networkday writes it.",
        epilog="examples:\n  networkday edit jane-doe\n  VISUAL='code --wait' networkday edit jane-doe",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("id", metavar="ID", help="the contact's id (networkday contacts search NAME finds it)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not valid_id(args.id):
        raise CommandError(f"ID {args.id!r} is not a contact id (lowercase letters, digits and dashes)", 2)
    store = open_store(args, scan=False, contacts=False)
    text, base = run_store(lambda: store.contact_text(args.id))
    path = store.contact_path(args.id)
    reason = store.read_only_reason(path) or store.cannot_save
    if reason:  # said before the editor opens, so nothing is typed in vain
        raise CommandError(reason)
    result = edit_until_read(store, args.id, text)
    if result is None or result[1] == base:
        print(f"{args.id}: no change, nothing saved", file=sys.stderr)
        return 0
    typed, edited = result
    try:
        save_hand_edit(store, base, edited)
    except (ConflictError, StoreError) as error:
        raise not_saved(args.id, typed, str(error)) from None
    print(f"{path}: saved")
    return 0


def edit_until_read(store: Store, contact_id: str, text: str) -> tuple[str, Contact] | None:
    """The text saved in the editor and the contact it holds; None when it came back unchanged.

    An edit that does not read is offered again, as typed, until it reads or the person
    declines; declining keeps the text on stderr and ends with exit 1.
    """
    before = text
    while True:
        text = edit_text(text, f"{contact_id}.toml")
        if text == before:
            return None
        try:
            return text, store.read_contact(contact_id, text)
        except ProblemError as error:
            print(f"networkday: {error}", file=sys.stderr)
            if not edit_again():
                raise not_saved(contact_id, text, "it does not read as a contact file") from None


def edit_again() -> bool:
    """Asked on stderr; yes by default. Without a terminal (a script) there is no one to answer: no."""
    if not sys.stdin.isatty():
        return False
    print("networkday: edit again? [Y/n] ", end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        return False
    return bool(answer) and answer.strip().lower() in ("", "y", "yes")


def not_saved(contact_id: str, text: str, why: str) -> CommandError:
    """The edit on stderr, whole, and the error to end with: what was typed is never lost."""
    sys.stderr.write(f"--- your edit of {contact_id}, not saved ---\n{text}")
    sys.stderr.write("" if text.endswith("\n") else "\n")
    sys.stderr.write("--- end of your edit ---\n")
    return CommandError(f"{contact_id} not saved: {why}")
