"""`networkday timer`: start, stop, switch, a status line and a week's or month's report.

`timer status` runs every few seconds in a tmux status bar, so every timer command opens
the store without a scan, reads only the day files it needs and keeps pendulum (a third
of the start-up) out: its clock reads the zone with the standard library.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from networkday.clock import zone_clock
from networkday.commands.common import CommandError, open_store, parse_date, print_json, run_store
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.timer import (
    PERIODS,
    TimerError,
    combined,
    format_duration,
    goal_percent,
    parse_at,
    percent,
    status_line,
    utf8_locale,
)
from networkday.domain.vocab import TIMER_KINDS
from networkday.services import timer
from networkday.services.mode import settings
from networkday.storage.store import Store

T = TypeVar("T")
#: ``parse_at``'s rule: a bare time is the last one before now, so 20:00 typed at 09:30 is yesterday's.
AT_HELP = (
    "HH:MM, the last one before now (20:00 typed in the morning is yesterday's), "
    "or an ISO date and time such as 2026-03-28T09:30 (default: now)"
)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "timer",
        parents=[common],
        help="track networking against everything else",
        description="Track networking time against everything else. A session is written the moment it starts.",
        epilog="examples:\n  networkday timer start networking\n  networkday timer switch\n"
        "  networkday timer stop --at 17:30\n  networkday timer report --month",
        formatter_class=ExamplesFormatter,
    )
    actions = parser.add_subparsers(dest="timer_action", metavar="ACTION", required=True)
    _register_changes(actions, common)
    _register_readings(actions, common)


def _register_changes(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``start``, ``stop`` and ``switch``: the actions that write a session."""
    start = actions.add_parser(
        "start",
        parents=[common],
        help="start a session (stops a running one first)",
        epilog="examples:\n  networkday timer start networking\n  networkday timer start other --at 13:00",
        formatter_class=ExamplesFormatter,
    )
    start.add_argument("kind", choices=TIMER_KINDS, help="what the time is for: %(choices)s")
    start.add_argument("--at", metavar="TIME", help=AT_HELP)
    start.set_defaults(run=run_start)

    stop = actions.add_parser(
        "stop",
        parents=[common],
        help="stop the running session",
        epilog="examples:\n  networkday timer stop\n  networkday timer stop --at 17:30",
        formatter_class=ExamplesFormatter,
    )
    stop.add_argument("--at", metavar="TIME", help=AT_HELP)
    stop.set_defaults(run=run_stop)

    switch = actions.add_parser(
        "switch",
        parents=[common],
        help="switch between networking and other",
        epilog="example:\n  networkday timer switch --at 10:15",
        formatter_class=ExamplesFormatter,
    )
    switch.add_argument("--at", metavar="TIME", help=AT_HELP)
    switch.set_defaults(run=run_switch)


def _register_readings(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``status`` and ``report``: the actions that only read."""
    status = actions.add_parser(
        "status",
        parents=[common],
        help="one short line for a status bar",
        description="Print one line such as 'NET 0:42 · 78% of 85%'. Exits 0 whether or not a session runs.",
        epilog="example, in ~/.tmux.conf:\n  set -g status-right '#(networkday timer status)'",
        formatter_class=ExamplesFormatter,
    )
    status.set_defaults(run=run_status)

    report = actions.add_parser(
        "report",
        parents=[common],
        help="networking, other and share per day",
        epilog="examples:\n  networkday timer report\n  networkday timer report --month --date 2026-10-01 --json",
        formatter_class=ExamplesFormatter,
    )
    span = report.add_mutually_exclusive_group()
    span.add_argument("--week", dest="period", action="store_const", const="week", help="this week (the default)")
    span.add_argument("--month", dest="period", action="store_const", const="month", help="this month")
    report.add_argument("--date", type=parse_date, metavar="DATE", help="report the week or month holding DATE")
    report.add_argument("--json", action="store_true", help="print JSON for scripts (docs/JSON.md)")
    report.set_defaults(run=run_report, period=PERIODS[0])


def _open(args: argparse.Namespace, *, create: bool = False) -> Store:
    """``create``: the commands that start a session make a missing folder; the others say it is missing
    (there is nothing to stop in a folder that is not there)."""
    return open_store(args, scan=False, clock=zone_clock(), contacts=False, create=create)


def _apply(action: Callable[[], T]) -> T:
    """A refused change is a usage error (exit 2); a file that cannot be written is a data problem (1)."""
    try:
        return run_store(action)
    except TimerError as error:
        raise CommandError(str(error), 2) from None


def _at(args: argparse.Namespace, store: Store) -> datetime | None:
    """The instant ``--at`` names; a time in the hour the clocks repeated is said on stderr."""
    if args.at is None:
        return None
    try:
        typed = parse_at(args.at, store.clock.now())
    except TimerError as error:
        raise CommandError(f"--at: {error}", 2) from None
    if typed.note is not None:
        print(f"networkday: note: --at: {typed.note}", file=sys.stderr)
    return typed.at


def _when(instant: datetime, today: date) -> str:
    """``09:30`` today, ``2026-03-27 23:10`` on another day."""
    return f"{instant:%H:%M}" if instant.date() == today else f"{instant:%Y-%m-%d %H:%M}"


def _started(store: Store, started: timer.Started) -> None:
    session = started.running.session
    since = _when(session.start, store.clock.today())
    if not started.changed:
        print(f"{session.kind} is already running, since {since}")
        return
    line = f"{session.kind} started at {since}"
    if started.stopped is not None:
        line += f"; {started.stopped.session.kind} stopped"
    print(line)


def run_start(args: argparse.Namespace) -> int:
    store = _open(args, create=True)
    at = _at(args, store)
    _started(store, _apply(lambda: timer.start(store, args.kind, at)))
    return 0


def run_switch(args: argparse.Namespace) -> int:
    store = _open(args, create=True)  # with nothing running, it starts networking
    at = _at(args, store)
    _started(store, _apply(lambda: timer.switch(store, at)))
    return 0


def run_stop(args: argparse.Namespace) -> int:
    store = _open(args)
    at = _at(args, store)
    stopped = _apply(lambda: timer.stop(store, at))
    if stopped is None:
        print("no session was running")
        return 0
    session = stopped.session
    assert session.end is not None
    lasted = format_duration((session.end - session.start).total_seconds())
    print(f"{session.kind} stopped at {_when(session.end, store.clock.today())} after {lasted}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    store = _open(args)
    print(status_line(timer.snapshot(store), ascii=not utf8_locale(os.environ)))
    return 0


def run_report(args: argparse.Namespace) -> int:
    store = _open(args)
    rows = timer.report(store, args.period, args.date)
    total = combined(row.totals for row in rows)
    goal = settings(store).networking_share
    for path in sorted(path for path in store.problems if path.is_relative_to(store.days_dir)):
        print(f"networkday: warning: {store.problems[path]} (left out of the report)", file=sys.stderr)
    if args.json:
        from networkday.domain.review import Period  # here: ``timer status`` in a status bar never pays for it

        print_json(
            {
                "period": Period.of(args.period, args.date or store.clock.today()).to_json(),
                "share_goal": goal,
                "days": [
                    {"date": row.day.isoformat(), **_figures(row.totals.networking, row.totals.other, row.meets)}
                    for row in rows
                ],
                "totals": _figures(total.networking, total.other, total.meets(goal)),
            }
        )
        return 0
    if not rows:
        print(f"nothing to report: that {args.period} has not begun")
        return 0
    aim = "no share goal" if goal is None else f"goal {goal_percent(goal)} networking"
    print(f"{args.period.capitalize()} {rows[0].day} to {rows[-1].day}, {aim}")
    print(f"{'day':<14} {'networking':>10} {'other':>6} {'share':>6}  goal")
    for row in rows:
        label = f"{row.day:%a %Y-%m-%d}"
        print(_line(label, row.totals.networking, row.totals.other, row.share, row.meets))
    print(_line("total", total.networking, total.other, total.share, total.meets(goal)))
    return 0


def _verdict(meets: bool | None) -> str:
    return "-" if meets is None else "met" if meets else "below"


def _line(label: str, networking: float, other: float, share: float | None, meets: bool | None) -> str:
    figures = f"{format_duration(networking):>10} {format_duration(other):>6} {percent(share):>6}"
    return f"{label:<14} {figures}  {_verdict(meets)}"


def _figures(networking: float, other: float, meets: bool | None) -> dict[str, object]:
    total = networking + other
    return {
        "networking_seconds": round(networking),
        "other_seconds": round(other),
        "share": round(networking / total, 4) if total else None,
        "share_met": meets,
    }
