"""``networkday review``: the week or month in review as a text table, or JSON for scripts."""

from __future__ import annotations

import argparse
import sys

from networkday.commands.common import open_store, print_json
from networkday.commands.journal import chosen_day
from networkday.domain.charts import use_ascii
from networkday.domain.review_text import review_lines
from networkday.services.figures import review


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "review",
        parents=[common],
        help="print the week or month in review",
        description="Each day's calls made, will versus won't, gives and asks, networking share against "
        "the goal and journal rating, with totals and the best and weakest day.",
    )
    period = parser.add_mutually_exclusive_group()
    period.add_argument("--week", dest="kind", action="store_const", const="week", help="the week (the default)")
    period.add_argument("--month", dest="kind", action="store_const", const="month", help="the calendar month")
    parser.add_argument("--date", metavar="DATE", help="a day in the period (YYYY-MM-DD, ...; default today)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--ascii", action="store_true", help="ASCII bars (automatic when the output is not UTF-8)")
    parser.set_defaults(run=run, kind="week")


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    result = review(store, args.kind, chosen_day(args, store))
    if args.json:
        print_json(result.to_json())
        return 0
    ascii = args.ascii or use_ascii(getattr(sys.stdout, "encoding", None))
    sys.stdout.write("\n".join(review_lines(result, ascii=ascii)) + "\n")
    return 0
