"""`networkday remind [--within 15m] [--json] [--notify]`: what is due now and not yet reminded, for cron.

It reads today's queue as `networkday today` does (from the preview when nothing
changed, so a run every few minutes stays cheap at 30,000 contacts; tomorrow's too when
the window reaches past midnight, which costs a scan), lists the calls
and follow-ups due (``domain.reminders``), and remembers them in this machine's state
folder (``storage.machine_local``), never in the data folder, which may be synced: each
is listed once. Nothing due prints nothing, so cron mails only when there is news.
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
from datetime import datetime, timedelta

from networkday.commands.common import CommandError, parse_length, print_json
from networkday.commands.help_format import ExamplesFormatter
from networkday.commands.today import load_day
from networkday.domain.reminders import CALL, Due, due_now
from networkday.domain.text import one_line, shown, shown_line
from networkday.storage.machine_local import Reminded
from networkday.storage.problems import StoreError

#: Past this many reminders at once, ``--notify`` sends the first ones and one line for the rest.
NOTIFY_AT_MOST = 5


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "remind",
        parents=[common],
        help="list the calls and follow-ups due now that were not yet reminded (for cron)",
        description=(
            "List today's calls whose agreed time has come (or comes within --within), calls without a time and "
            "follow-ups due, each once: what was listed is remembered on this machine, outside the data folder."
        ),
        epilog="examples:\n"
        "  networkday remind                    what is due now, once\n"
        "  networkday remind --within 15m --notify\n"
        "  */5 8-20 * * * networkday remind --notify   (crontab)",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument(
        "--within",
        metavar="SPAN",
        type=parse_length,
        default=timedelta(),
        help="also list calls starting within SPAN (15m, 1h); default: only those whose time has come",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts (docs/JSON.md)")
    parser.add_argument("--notify", action="store_true", help="also show each on the desktop with notify-send")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store, queue, contacts, today, now = load_day(args)
    reminded = Reminded(store.root)
    given = reminded.keys()
    due = due_now(queue.items, contacts, today, now, args.within, given)
    if (now + args.within).date() > today:  # 23:55 --within 15m: tomorrow's 00:05 call too
        _, later, people, tomorrow, _ = load_day(args, today + timedelta(days=1))
        due += due_now(later.items, people, tomorrow, now, args.within, given, timed_only=True)
        due.sort(key=lambda item: (item.at is None, item.at or now))  # its calls by time, then the rest as they were
    if reminded.warning:
        print(f"networkday: warning: {reminded.warning}", file=sys.stderr)
    # claimed before it is shown, under the memory's lock: a second run at the same moment gets none of them
    try:
        claimed = set(reminded.claim((item.key for item in due), now))
        unsaved = None
    except StoreError as error:  # listed all the same, and said: the next run lists them again
        claimed, unsaved = {item.key for item in due}, error
    due = [item for item in due if item.key in claimed]
    if args.json:
        print_json({"now": now.isoformat(), "within_seconds": int(args.within.total_seconds()), "due": rows(due)})
    else:
        for item in due:
            print(text_line(item))
    if args.notify and due:
        notify(due)
    if unsaved is not None:
        raise CommandError(str(unsaved))
    return 0


def rows(due: list[Due]) -> list[dict[str, object]]:
    return [
        {
            "key": item.key,
            "kind": item.kind,
            "contact": item.contact_id,
            "name": item.name,
            "company": item.company or None,
            "channel": item.channel,
            "time": item.time,
            "at": _iso(item.at),
            "date": item.on.isoformat(),
            "purpose": item.purpose,
            "title": item.title,
        }
        for item in due
    ]


def text_line(item: Due) -> str:
    """``10:00  Call Ann Lee (Acme) · the Staff role``; all-day ones are indented to the same column."""
    when = item.time or ("due " + item.on.isoformat() if item.kind != CALL else "today")
    parts = [one_line(item.what), one_line(item.purpose)] if item.purpose else [one_line(item.what)]
    return f"{when:<16}{' · '.join(parts)}"


def notify(due: list[Due]) -> None:
    """Each reminder as a desktop notification; says so on stderr when notify-send is not there."""
    program = shutil.which("notify-send")
    if program is None:
        print("networkday: notify-send is not on PATH: reminders listed here only", file=sys.stderr)
        return
    first = due if len(due) <= NOTIFY_AT_MOST else due[: NOTIFY_AT_MOST - 1]
    messages = [(shown_line(item.title), notify_body(item.purpose)) for item in first]
    if len(first) < len(due):
        messages.append((f"{len(due) - len(first)} more due", "networkday today lists them all"))
    for title, body in messages:
        try:
            result = subprocess.run(
                [program, "--app-name=networkday", "--", title, body], capture_output=True, timeout=10, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            print(f"networkday: notify-send failed: {error}", file=sys.stderr)
            return
        if result.returncode != 0:
            reason = one_line(result.stderr.decode("utf-8", "replace").strip()) or f"exit status {result.returncode}"
            print(f"networkday: notify-send failed: {reason}", file=sys.stderr)
            return


def notify_body(text: str) -> str:
    """User text as notify-send's body, shown as typed.

    notify-send unescapes the body as C does (``\\033`` becomes an escape, ``\\n`` a line
    break), and the notification servers read it as markup (``<b>``, ``&amp;``), so a
    backslash is doubled and ``&``, ``<`` and ``>`` are written as entities. The title is
    taken as it is: the specification gives it neither.
    """
    return html.escape(shown(text), quote=False).replace("\\", "\\\\")


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()
