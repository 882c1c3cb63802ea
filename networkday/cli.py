"""The command line: builds the clock, the store and (lazily) the app.

Plain commands never import Textual, so `networkday today` and `networkday timer status`
answer in tens of milliseconds; only opening the app pays for the UI.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from networkday import __version__
from networkday.commands.common import CommandError, common_options, keeping_fast_path, open_store
from networkday.commands.help_format import ExamplesFormatter
from networkday.commands.safe_streams import raw_streams, safe_streams
from networkday.domain.text import escape_name
from networkday.paths import data_dir
from networkday.storage.index import paused_gc

if TYPE_CHECKING:  # the UI is imported only when the app opens
    from networkday.ui.app import NetworkdayApp

#: Modules in networkday.commands; each has ``register(subparsers, common)``.
COMMAND_MODULES: tuple[str, ...] = (
    "check",
    "contacts",
    "edit",
    "today",
    "timer",
    "journal",
    "review",
    "export",
    "transfer",
    "company",
    "opportunity",
    "brief",
    "completion",
    "remind",
    "serve",
    "template",
    "sync",
    "mode",
    "conflicts",
)
#: Commands whose module has another name, imported alone all the same (git runs merge-file per file).
COMMAND_ALIASES = {"merge-file": "sync"}

#: The top-level help's epilog: what to try first, and every environment variable networkday
#: (or Textual, for the app) reads; tests/unit/test_help.py checks each is really read.
EPILOG = """examples:
  networkday                  open the app (asks before making a data folder)
  networkday --demo           the app on a throwaway copy of the demo data
  networkday today            the day's queue, in the Today screen's order
  networkday COMMAND --help   each command's options and examples

environment:
  NETWORKDAY_HOME   the data folder when --data-dir is not given (else
                    $XDG_DATA_HOME/networkday, else the platform's data folder)
  NETWORKDAY_NOW    pin the clock to an instant: 2026-11-25T09:30:00+01:00
  NETWORKDAY_TZ     the time zone (Europe/Berlin); else TZ, else /etc/localtime
  NETWORKDAY_WATCH  poll: watch the data folder by polling, not inotify
  VISUAL, EDITOR    the editor journal --edit opens (VISUAL first; else vi)
  NO_COLOR          set: the app draws without colour
  ESCDELAY          ms the app waits after Esc for the rest of a key (100)
  TERM              linux: the app draws ASCII marks the console can show"""


def command_word(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not an option or its value)."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules to import: only the one named like the command, when there is one.

    Importing every command costs about 40 ms, which `timer status` in a tmux status bar
    pays every few seconds, and the app at every start. Opening the app (no command) needs
    none. A command whose module has another name (``import`` lives in ``transfer``), a
    mistyped one and ``--help`` get every module, so argparse can list them all.
    """
    if argv is None:
        return COMMAND_MODULES
    word = command_word(argv)
    if word is None:
        return COMMAND_MODULES if {"-h", "--help"} & set(argv) else ()
    word = COMMAND_ALIASES.get(word, word)
    return (word,) if word in COMMAND_MODULES else COMMAND_MODULES


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (see ``modules_for``); without ``argv``, every command's."""
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="networkday",
        description="A keyboard-driven daily planner for a job search that runs on networking.",
        parents=[common],
        epilog=EPILOG,
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("--version", action="version", version=f"networkday {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="work on a fresh temporary copy of the demo data, discarded at exit (the app, or a command)",
    )
    # The whole parser on demand, for the command that walks it (``completion``) on its fast path.
    parser.set_defaults(full_parser=lambda: build_parser(None))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules_for(argv):
        importlib.import_module(f"networkday.commands.{name}").register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs a command, or the app; what a command prints passes through ``safe_streams``."""
    with safe_streams():
        return _main(sys.argv[1:] if argv is None else argv)


def _main(argv: Sequence[str]) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_app(args)
        # A command runs once and exits: the cyclic collector would only walk what it loaded
        # (one pass over 30,000 summaries cost `today` 24 ms); reference counting frees the rest.
        with on_demo_copy(args), paused_gc(), keeping_fast_path():
            return int(args.run(args) or 0)
    except CommandError as error:
        print(f"networkday: {escape_name(str(error))}", file=sys.stderr)  # one line, whatever paths it names
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def run_app(args: argparse.Namespace) -> int:
    """The app, once it has a terminal and a folder (asked for when it is not there yet)."""
    served = os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")  # `networkday serve`: a browser's tab
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandError(no_terminal(), 2)
    if not (args.demo or served) and not confirm_new_folder(data_dir(getattr(args, "data_dir", None))):
        return 1
    with on_demo_copy(args):
        app = build_app(args)
        with raw_streams():
            app.run()
        return int(app.return_code or 0)


@contextmanager
def on_demo_copy(args: argparse.Namespace) -> Iterator[None]:
    """With ``--demo``, a fresh copy of the demo is the data folder while the block runs, then goes.

    So ``networkday --demo today`` tries a command on the demo, and ``--demo company add``
    can never write to the user's own folder. ``--demo`` with ``--data-dir`` is refused:
    one of the two would be ignored.
    """
    if not args.demo:
        yield
        return
    if getattr(args, "data_dir", None):
        raise CommandError("--demo works on a fresh copy of the demo: leave out --data-dir", 2)
    from networkday.storage.demo import demo_copy, discard_demo

    demo = demo_copy()
    args.data_dir = str(demo)
    # A command ended by a signal (a closed SSH session, a kill) leaves no copy behind either.
    ending = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}
    for number in ending:
        signal.signal(number, _exit_on_signal)
    try:
        yield
    finally:
        discard_demo(demo)
        for number, handler in ending.items():
            signal.signal(number, handler)


def _exit_on_signal(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


def no_terminal() -> str:
    """Why the app will not start without a terminal, and what works without one.

    Under cron, ``ssh host networkday`` without ``-t`` or in a pipe, a full-screen app
    would wait for keys that never come; every command works there instead.
    """
    actions = build_parser(None)._actions  # every command's, from the parser: the list cannot drift
    names = sorted(
        name for action in actions if isinstance(action, argparse._SubParsersAction) for name in action.choices
    )
    return f"the app needs a terminal; without one, run a command: {', '.join(names)} (see networkday --help)"


def confirm_new_folder(root: Path) -> bool:
    """Whether the app may make the data folder: asked on the terminal, before the screen is taken.

    Yes by default (Enter), as a first start usually wants; a mistyped ``--data-dir`` is
    caught here, and nothing is made if the answer is no or input ends.
    """
    if root.exists():
        return True
    print(f"networkday: no data folder at {escape_name(str(root))}. Create it? [Y/n] ", end="", flush=True)
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        answer = ""
    if answer and answer.strip().lower() in ("", "y", "yes"):  # no line at all: the input ended
        return True
    print("networkday: nothing created", file=sys.stderr)
    return False


def build_app(args: argparse.Namespace) -> NetworkdayApp:
    """The app on the folder, opened for the quickest first frame (the benchmarks start it so too).

    Start-up builds hundreds of thousands of objects and no garbage worth collecting; the
    collector's passes over them cost a sixth of the time to the first frame, so it is held
    here, and the app freezes what start-up built and restarts it once that frame is drawn.
    The store opens from its index alone: the check for files changed since runs once the
    first screen is drawn. With a preview of Today made from the same files, even the
    contacts wait for that frame. A folder the index knows nothing of (a first start, a lost
    cache) is read now.
    """
    gc.disable()
    # The app lists the unreadable files itself; run_app asked before a folder is made.
    store = open_store(args, scan=False, contacts=False, unread_warning=False, create=True)
    from networkday.storage.preview import load_preview

    preview = load_preview(store, store.clock.today())
    if preview is None and not (store.contacts or store.days):
        store.scan()
    from networkday.ui.app import create_app

    return create_app(store, quick_start=True, preview=preview)


if __name__ == "__main__":
    raise SystemExit(main())
