"""The command line: builds the clock, the store and (lazily) the app.

Plain commands never import Textual, so `networkday today` and `networkday timer status`
answer in tens of milliseconds; only opening the app pays for the UI.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from networkday import __version__
from networkday.commands.common import CommandError, common_options, open_store

#: Modules in networkday.commands; each has ``register(subparsers, common)``.
COMMAND_MODULES: tuple[str, ...] = ("check", "contacts", "today", "timer", "journal", "review", "export", "transfer")


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="networkday",
        description="A keyboard-driven daily planner for a job search that runs on networking.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"networkday {__version__}")
    parser.add_argument("--demo", action="store_true", help="open a fresh temporary copy of the demo data")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"networkday.commands.{name}").register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_app(args)
        return int(args.run(args) or 0)
    except CommandError as error:
        print(f"networkday: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def run_app(args: argparse.Namespace) -> int:
    demo = None
    if args.demo:
        from networkday.storage.demo import demo_copy

        demo = demo_copy()
        args.data_dir = str(demo)
    try:
        store = open_store(args)
        from networkday.ui.app import create_app

        app = create_app(store)
        app.run()
        return int(app.return_code or 0)
    finally:
        if demo is not None:
            from networkday.storage.demo import discard_demo

            discard_demo(demo)


if __name__ == "__main__":
    raise SystemExit(main())
