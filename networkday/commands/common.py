"""What every command shares: the data-folder option, opening the store, failing clearly."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from networkday.clock import Clock, clock_from_environ, zone_warning
from networkday.domain.dates import parse_when
from networkday.domain.text import BIDI_CONTROLS, HIDDEN_ALONE, escape_name
from networkday.paths import data_dir
from networkday.storage.drafts import load_drafts
from networkday.storage.preview_stamp import preview_stamp
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

#: What json.dumps leaves raw with ensure_ascii=False and a terminal could run, reorder or hide:
#: everything ``SafeStream`` would escape, so it finds nothing left and the JSON stays valid
#: (its ``\\xad`` or ``\\U000e0041`` is no JSON escape).
_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f{BIDI_CONTROLS}{HIDDEN_ALONE}]")


#: The stores opened inside ``keeping_fast_path``, each with its day and Today's preview
#: stamp as it opened; None outside (the app keeps its own preview when it exits).
_OPENED: ContextVar[list[tuple[Store, date, tuple | None]] | None] = ContextVar("opened", default=None)


class CommandError(Exception):
    """A one-line message for stderr and the exit code: 1 for data problems, 2 for usage."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def common_options() -> argparse.ArgumentParser:
    """Options accepted both before and after the command name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the data folder (default: $NETWORKDAY_HOME, else the platform's user data folder)",
    )
    return common


def open_store(
    args: argparse.Namespace,
    *,
    scan: bool = True,
    clock: Clock | None = None,
    contacts: bool = True,
    unread_warning: bool = True,
    create: bool = False,
) -> Store:
    """The store on the data folder (see ``Store.open`` for ``scan`` and ``contacts``).

    ``clock`` replaces the environment's: ``timer status`` keeps pendulum out that way.
    Files that cannot be read are named in one warning (``unread_warning``), but for
    ``check``, which lists them itself. Only a command that writes makes a missing folder
    (``create``): one that reads says it is missing, so a mistyped ``--data-dir`` is
    caught rather than answered as an empty network, and leaves no folder behind.
    """
    root = data_dir(getattr(args, "data_dir", None))
    if root.exists() and not root.is_dir():
        raise CommandError(f"{root}: not a folder", 2)
    if not create and not root.exists():
        raise CommandError(missing_folder(root))
    try:
        clock = clock or clock_from_environ()
    except ValueError as error:
        raise CommandError(str(error), 2) from None
    try:
        store = Store.open(root, clock, scan=scan, contacts=contacts)
    except PermissionError as error:
        raise CommandError(f"{error.filename}: permission denied") from None
    except StoreError as error:
        raise CommandError(str(error)) from None
    opened = _OPENED.get()
    if opened is not None:
        today = clock.today()
        opened.append((store, today, preview_stamp(store, today)))
    zone = zone_warning(clock)
    if zone is not None:
        print(f"networkday: warning: {zone}", file=sys.stderr)
    print_warnings(store)
    if unread_warning:
        warn_unread(store)
    return store


def missing_folder(root: Path) -> str:
    """What a command that only reads says of a data folder that is not there."""
    return f"no data folder at {root}; `networkday add` or `networkday import` creates one"


@contextlib.contextmanager
def keeping_fast_path() -> Iterator[None]:
    """Runs a command so that what it saved leaves the next app start on its fast path.

    A save renews the index cache at once (``Store.defer_index`` is off for commands),
    which leaves the preview of Today stale, and the next start would read the whole
    index before its first frame. So once the command is done, or has failed after
    saving some of its work, every store it opened renews the preview from what it holds,
    if the preview was in step when the store was opened (``preview.follow_preview``).
    One place for every command, so no command can forget it; a command that saved
    nothing pays the stats of a stamp.
    """
    opened: list[tuple[Store, date, tuple | None]] = []
    token = _OPENED.set(opened)
    try:
        yield
    except CommandError:
        _follow(opened)
        raise
    else:
        _follow(opened)
    finally:
        _OPENED.reset(token)


def _follow(opened: list[tuple[Store, date, tuple | None]]) -> None:
    saved = [(store, day, before) for store, day, before in opened if before not in (None, preview_stamp(store, day))]
    if not saved:
        return
    from networkday.services.queue import follow_today_preview  # here: `timer status` never needs the queue

    for store, day, before in saved:
        # A cache: it never fails a command that did its work; what went bad is the next start's to report.
        with contextlib.suppress(StoreError, OSError):
            follow_today_preview(store, day, before)


def warn_unread(store: Store) -> None:
    """The one warning for the files that could not be read, if any (see ``unread_files``).

    The drafts file and the company files are looked at here (one open, usually of no
    file; tens of small files): the app, which reads them once its screen is up, and
    ``check``, which lists every problem, skip this.
    """
    load_drafts(store)  # one that cannot be read becomes a problem of the store
    store.companies()  # notes the company files that cannot be read: tens, each parsed again only once changed
    if store.problems:
        print(f"networkday: warning: {unread_files(store)}", file=sys.stderr)


#: How many unreadable files a warning names before it counts the rest.
_NAMED = 3


def unread_files(store: Store) -> str:
    """One line: how many files could not be read, the first few named, and where to look.

    What they held is left out of every figure (see ``Store.unreadable_days``); the command
    still answers, with exit 0, since the rest of the folder was read.
    """
    paths = sorted(store.problems)
    named = ", ".join(escape_name(str(path)) for path in paths[:_NAMED])
    more = f" and {len(paths) - _NAMED} more" if len(paths) > _NAMED else ""
    return f"{len(paths)} file(s) could not be read ({named}{more}); run `networkday check` for details"


def print_warnings(store: Store, shown: set[str] | frozenset[str] = frozenset()) -> None:
    """The store's warnings on stderr, but for those in ``shown`` (printed already)."""
    for warning in store.warnings:
        if warning not in shown:
            print(f"networkday: warning: {warning}", file=sys.stderr)


def parse_date(text: str) -> date:
    """An argparse type: the shared parser of typed dates, against the command's today.

    That is the clock's (``NETWORKDAY_NOW``, ``NETWORKDAY_TZ``), as for everything else the
    command does: ``tomorrow`` is never a day other than the one after its ``today``.
    """
    try:
        return parse_when(text, clock_from_environ().today())
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


#: The version of every command's ``--json`` shape (docs/JSON.md), not the package's: a key may
#: be added within a version; one removed, renamed or changed in meaning raises it.
JSON_VERSION = 1


def parse_length(text: str) -> timedelta:
    """An argparse type: a length of time such as ``10m`` or ``1h30m`` (``--alarm``, ``--within``)."""
    from networkday.domain.span import parse_span

    try:
        return parse_span(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def print_json(document: Mapping[str, Any]) -> None:
    """``document`` as JSON, ``version`` first; DEL, C1, bidi and invisible characters written as ``\\u`` escapes.

    Every ``--json`` output is an object, so a script can read ``version`` before the rest.
    The data stays whole for a program that reads it (json escapes C0), and nothing in it
    acts on a terminal.
    """
    import json  # here: the app and most commands never print JSON, and the module costs a millisecond

    text = json.dumps({"version": JSON_VERSION, **document}, ensure_ascii=False, indent=2, default=_plain)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda match: _json_escape(match.group()), text) + "\n")


def _plain(value: Any) -> str:
    """A value JSON has no type for: a date or time nested in a user's table as ISO 8601, as at the top."""
    return value.isoformat() if isinstance(value, date | datetime | time) else str(value)


def _json_escape(char: str) -> str:
    """``\\u00ad``; a character past U+FFFF as its UTF-16 pair (``\\udb40\\udc41``), as JSON spells it."""
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def run_store(action: Any) -> Any:
    """Turns store failures into one-line command errors."""
    try:
        return action()
    except StoreError as error:
        raise CommandError(str(error)) from None
