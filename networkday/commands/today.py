"""`networkday today`: the day's queue as plain text or JSON, in the screen's order."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from datetime import date, datetime
from typing import TypedDict

from networkday.commands.common import open_store, parse_date, print_json, print_warnings, warn_unread
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.queue import DayQueue, QueueItem, last_touch_text
from networkday.domain.summary import ContactSummary
from networkday.domain.text import one_line
from networkday.domain.wording import outcome_text
from networkday.services.companies import Placed, served
from networkday.services.queue import day_queue, keep_today_preview
from networkday.storage.preview import current_preview
from networkday.storage.store import Store


def load_day(
    args: argparse.Namespace, on: date | None = None
) -> tuple[Store, DayQueue, Mapping[str, ContactSummary], date, datetime]:
    """The queue of ``on`` (default: today) and its summaries, from today's preview when every file is as it says.

    At 30,000 contacts, unpacking and ranking them all is most of what this command costs
    after the stat of every file that a correct answer needs; a preview the app or the
    previous run kept skips that. Otherwise the folder is scanned and the queue computed,
    and a new preview kept for the next run.
    """
    store = open_store(args, scan=False, contacts=False, unread_warning=False)
    today = store.clock.today()
    when = on or today
    preview = current_preview(store, when) if when == today else None
    if preview is not None:
        warn_unread(store)
        return store, preview.queue, preview.contacts, when, store.clock.now()
    warned = set(store.warnings)
    store.scan()
    print_warnings(store, warned)
    warn_unread(store)  # after the scan, which finds them all
    if when == today:
        keep_today_preview(store, when)
    return store, day_queue(store, when), store.contacts, when, store.clock.now()


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "today",
        parents=[common],
        help="print the day's queue of people to contact",
        description="Print the queue in the same order as the Today screen, with the reason for each row.",
        epilog="examples:\n  networkday today\n  networkday today --date tomorrow\n"
        "  networkday today --json | jq -r '.queue[].name'",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("--date", type=parse_date, metavar="DATE", help="another day (YYYY-MM-DD, tomorrow, +3)")
    parser.add_argument("--json", action="store_true", help="machine-readable output (docs/JSON.md)")
    parser.set_defaults(run=run)


class QueueRow(TypedDict):
    """One row of the queue as ``--json`` prints it, and as the text lines are made from."""

    position: int
    contact: str
    name: str | None
    company: str | None
    title: str | None
    hiring_manager: bool
    toward: list[str]
    kind: str
    reason: str
    rank_reason: str
    channel: str
    #: A planned call's agreed time ("10:00"), or empty.
    time: str
    purpose: str
    outcome: str | None
    last_touch: str
    problem: str | None
    #: The open opportunity the call serves at their company, as Today names it, or None.
    serves: Serves | None


class Serves(TypedDict):
    """An open opportunity a call serves: ``id`` and ``company`` as ``opportunity list`` names them."""

    id: str
    company: str
    role: str
    stage: str


def run(args: argparse.Namespace) -> int:
    store, queue, contacts, when, now = load_day(args, args.date)
    ids = [item.contact_id for item in queue.items]
    serving = served(store, contacts, ids)  # as Today's rows: only the company files naming an opportunity
    rows = [
        queue_row(position, item, contacts.get(item.contact_id), queue.toward, now, serving.get(item.contact_id))
        for position, item in enumerate(queue.items, start=1)
    ]
    if args.json:
        score = queue.score
        print_json(
            {
                "date": when.isoformat(),
                "will": score.will,
                "wont": score.wont,
                "made": score.made,
                "planned": score.planned,
                "calls_goal": score.goal,
                "streak": score.streak,
                "gives": None if queue.gives is None else {"week": queue.gives.week, "goal": queue.gives.goal},
                "problem": queue.problem,
                "queue": rows,
            }
        )
    else:
        print_text(when, queue, rows)
    return 1 if queue.problem else 0


def queue_row(
    position: int,
    item: QueueItem,
    summary: ContactSummary | None,
    toward: Mapping[str, list[str]],
    now: datetime,
    serves: Placed | None,
) -> QueueRow:
    return {
        "position": position,
        "contact": item.contact_id,
        "name": summary.name if summary else None,
        "company": summary.company if summary else None,
        "title": summary.title if summary else None,
        "hiring_manager": bool(summary and summary.hiring_manager),
        "toward": [hm for hm in toward.get(item.contact_id, []) if hm != item.contact_id],
        "kind": item.kind,
        "reason": item.reason,
        "rank_reason": item.rank_reason,
        "channel": item.channel,
        "time": item.time,
        "purpose": item.purpose,
        "outcome": item.outcome,
        "last_touch": last_touch_text(summary, now),
        "problem": item.problem,
        "serves": None if serves is None else _serves(serves),
    }


def _serves(placed: Placed) -> Serves:
    item = placed.opportunity
    return {"id": placed.ref, "company": placed.company.name, "role": item.role, "stage": item.stage}


def print_text(when: date, queue: DayQueue, rows: list[QueueRow]) -> None:
    """The header, then two lines a row; the score counts people, as the screen's does."""
    score = queue.score
    if queue.gives is not None:
        print(f"{when.isoformat()}  helping · gave {queue.gives.week} of {queue.gives.goal} this week")
    else:
        print(
            f"{when.isoformat()}  Some will {score.will} · Some won't {score.wont} · So what — next!  "
            f"made {score.made}/{score.planned} · goal {score.goal} · streak {score.streak}"
        )
    if queue.problem:
        print(f"networkday: {queue.problem}", file=sys.stderr)
    if not rows:
        print("Nobody in the queue: add someone with `networkday add`, or open the app.")
    for row in rows:
        mark = "x" if row["outcome"] else " "
        who = one_line(row["name"] or row["contact"])
        where = one_line(" · ".join(part for part in (row["company"], row["title"]) if part))
        hm = (
            " [hiring manager]" if row["hiring_manager"] else " [step toward a hiring manager]" if row["toward"] else ""
        )
        print(f"[{mark}] {row['position']:>2}. {who}{hm}" + (f" — {where}" if where else ""))
        detail = [f"{row['time']} {row['channel']}" if row["time"] else row["channel"], one_line(row["reason"])]
        if row["serves"]:
            detail.append(f"for {one_line(row['serves']['role'])}, {row['serves']['stage']}")
        if row["purpose"]:
            detail.append(one_line(row["purpose"]))
        if row["outcome"]:
            detail.append(f"outcome: {outcome_text(row['outcome'])}")
        detail.append(f"last: {row['last_touch']}")
        print("        " + " · ".join(detail))
        if row["problem"]:
            print(f"        problem: {row['problem']}")
