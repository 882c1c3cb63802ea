"""``networkday mode``: prints the mode in force and where it comes from, or switches it in state.toml."""

from __future__ import annotations

import argparse

from networkday.commands.common import open_store, run_store
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.mode import MODES, ModeInForce
from networkday.services.mode import current_mode, switch_mode

#: What each source means, said after the mode.
_FROM = {
    "state.toml": "chosen with `networkday mode` or the palette, kept in state.toml",
    "config.toml": "[mode] job_search in config.toml",
    "default": "the default; set [mode] job_search in config.toml or run `networkday mode`",
}


EPILOG = """\
examples:
  networkday mode                 the mode in force, and where it comes from
  networkday mode helping         help others: gives per week, whom to help
  networkday mode job-search      back to the job search"""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "mode",
        parents=[common],
        help="print or switch the mode: job search or helping others",
        description="With no argument, prints the mode in force and where it comes from. With one, switches "
        "to it: the choice is kept in the app's state.toml (config.toml is never written) and wins over "
        "config.toml's [mode] job_search. Every record is kept whatever the mode.",
        epilog=EPILOG,
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("mode", nargs="?", choices=MODES, help="job-search or helping")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.mode is None:
        store = open_store(args, scan=False, contacts=False)
        print(mode_line(current_mode(store)))
        return 0
    store = open_store(args, scan=False, contacts=False, create=True)
    print(mode_line(run_store(lambda: switch_mode(store, args.mode))))
    return 0


def mode_line(mode: ModeInForce) -> str:
    """``helping (chosen with `networkday mode` or the palette, kept in state.toml)``."""
    return f"{mode.name} ({_FROM[mode.source]})"
