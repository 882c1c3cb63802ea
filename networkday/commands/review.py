"""``networkday review``: the week or month in review as a text table, or JSON for scripts."""

from __future__ import annotations

import argparse
import sys

from networkday.commands.common import open_store, print_json, run_store, warn_unread
from networkday.commands.help_format import ExamplesFormatter
from networkday.commands.journal import chosen_day
from networkday.domain.charts import use_ascii
from networkday.domain.pipeline import FUNNEL_LABELS, Funnel
from networkday.domain.review_text import review_lines
from networkday.services.figures import helping_review, review
from networkday.services.mode import current_mode
from networkday.services.pipeline import attribution_of, funnel_of


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "review",
        parents=[common],
        help="print the week or month in review",
        description="Each day's calls made, will versus won't, gives and asks, networking share against "
        "the goal and journal rating, with totals and the best and weakest day.",
        epilog="examples:\n  networkday review\n  networkday review --month --date 2026-10-01\n"
        "  networkday review --json | jq .funnel",
        formatter_class=ExamplesFormatter,
    )
    period = parser.add_mutually_exclusive_group()
    period.add_argument("--week", dest="kind", action="store_const", const="week", help="the week (the default)")
    period.add_argument("--month", dest="kind", action="store_const", const="month", help="the calendar month")
    parser.add_argument("--date", metavar="DATE", help="a day in the period (YYYY-MM-DD, ...; default today)")
    parser.add_argument("--json", action="store_true", help="machine-readable output (docs/JSON.md)")
    parser.add_argument("--ascii", action="store_true", help="ASCII bars (automatic when the output is not UTF-8)")
    parser.set_defaults(run=run, kind="week")


def run(args: argparse.Namespace) -> int:
    store = open_store(args, unread_warning=False)
    result = review(store, args.kind, chosen_day(args, store))
    companies = run_store(store.companies)
    warn_unread(store)  # company files too, read just now
    funnel = funnel_of(store, companies, result.period.first, result.period.last)
    helping = helping_review(store, result.period)
    if args.json:
        print_json(
            {
                **result.to_json(),
                "funnel": funnel.as_dict(),
                "attribution": attribution_of(store, companies, result.period.last).as_dict(),
                "helping": helping.to_json(result.totals.gave),
            }
        )
        return 0
    ascii = args.ascii or use_ascii(getattr(sys.stdout, "encoding", None))
    lines = review_lines(result, ascii=ascii)
    if any(company.opportunities for company in companies):
        lines = [*lines, "", funnel_line(funnel, ascii=ascii)]
    if current_mode(store).helping:
        lines = [*lines, "", helping.line(result.totals.gave)]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def funnel_line(funnel: Funnel, *, ascii: bool) -> str:
    """``Funnel: people reached 12 → people who will help 5 → ...``: shown once there are opportunities."""
    arrow = " -> " if ascii else " → "
    return "Funnel: " + arrow.join(f"{FUNNEL_LABELS[step]} {count}" for step, count in funnel.as_dict().items())
