"""Today's queue: whom to contact, why, and through which channel.

The order is the product's promise, and the queue is the size of the day. Planned calls
(one row per person, as saved) and follow-ups that are due (oldest first) are
commitments and always show. The rest of the day, up to ``calls_per_day`` rows, is
filled from the people due for a touch, ranked by ``ranking`` (hiring managers at target
companies and the way to them first). Everyone else past their cadence stays in the
network list's "losing touch" filter, never here. The screen and `networkday today`
both call ``build_queue``, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from networkday.domain.day import Day
from networkday.domain.day_score import Gives, Score
from networkday.domain.ranking import Pick, Ranking
from networkday.domain.referrals import Referrals, build_referrals
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary
from networkday.domain.timer import day_bounds
from networkday.domain.wording import outcome_text, since, span

PLANNED = "planned"
FOLLOW_UP = "follow-up"
CADENCE = "cadence"
SUGGESTED = "suggested"
#: Someone you talked to who has no cadence (their own, a tag's or the default) is due again after this.
FALLBACK_CADENCE_DAYS = 30


@dataclass(frozen=True)
class QueueItem:
    """One row; ``reason`` is what the Why column says, ``rank_reason`` why the row is where it is."""

    contact_id: str
    kind: str
    reason: str
    channel: str = "phone"
    purpose: str = ""
    call_index: int | None = None
    outcome: str | None = None
    problem: str | None = None
    overdue_days: int = 0
    rank_reason: str = ""
    #: A planned call's agreed time ("10:00"), or empty.
    time: str = ""

    @property
    def planned(self) -> bool:
        return self.call_index is not None

    @property
    def made(self) -> bool:
        return self.outcome is not None


@dataclass(frozen=True)
class DayQueue:
    """A day's rows and header as the Today screen and `networkday today` show them."""

    items: list[QueueItem]
    score: Score
    problem: str | None = None
    #: Hiring manager ids each contact is a step toward (referral paths at target companies).
    toward: Mapping[str, list[str]] = field(default_factory=dict)
    #: In the help-others mode, the week's gives: the header shows them instead of the calls.
    gives: Gives | None = None


def build_queue(
    day: Day,
    contacts: Mapping[str, ContactSummary],
    config: Config,
    today: date,
    *,
    is_target: Callable[[str], bool],
    referrals: Referrals | None = None,
    tz: tzinfo = UTC,
    unreadable: Mapping[str, str] | None = None,
) -> list[QueueItem]:
    """The queue for ``day`` as seen on ``today``; a past day shows only what was planned.

    ``is_target`` says whether a company is a target (``config.is_target``, or a richer
    test); ``referrals`` is the network's referral index when the caller has built it.
    ``unreadable`` holds the problem of each contact whose file is there but cannot be
    read: a call to one says so, not that there is no such contact.
    """
    items = planned_items(day, contacts, unreadable or {})
    if day.date < today:
        return items
    skip = {item.contact_id for item in items}.union(day.dismissed)
    items.extend(due_follow_ups(contacts, day.date, skip))
    room = config.calls_per_day - len(items)
    if room > 0:
        skip.update(item.contact_id for item in items)
        ranking = Ranking(contacts, referrals or build_referrals(contacts, is_target), is_target, day.date, tz)
        picks = ranking.pick(due_for_touch(contacts, config, day.date, tz, skip), room)
        items.extend(fill_item(pick, config) for pick in picks)
    return items


def planned_items(day: Day, contacts: Mapping[str, ContactSummary], unreadable: Mapping[str, str]) -> list[QueueItem]:
    """One row per person in the plan, in the order each first appears.

    A day file holds a made call per touch, so a person touched three times has three;
    their row shows the last one made. A call still open for them (one scheduled for
    later that day) keeps the row open instead, with that call's time: it is still to
    do, and the next touch marks it made. The score still counts them made
    (``day_score.score``): they were reached today.
    """
    rows: dict[str, QueueItem] = {}
    for index, call in enumerate(day.calls):
        shown = rows.get(call.contact)
        if shown is not None and not shown.made:
            continue  # the first open call is the row, whatever else the day holds
        problem = None
        if call.contact not in contacts:
            problem = unreadable.get(call.contact) or f"no contact {call.contact!r} in the data folder"
        purpose = call.purpose or (shown.purpose if shown else "")
        agreed = call.time or (shown.time if shown is not None and call.made else "")
        rows[call.contact] = QueueItem(
            call.contact,
            PLANNED,
            PLANNED,
            call.channel,
            purpose,
            index,
            call.outcome,
            problem,
            rank_reason=PLANNED,
            time=agreed,
        )
    return list(rows.values())


def due_follow_ups(contacts: Mapping[str, ContactSummary], day: date, skip: set[str]) -> list[QueueItem]:
    """Follow-ups due on ``day`` or before, oldest first: commitments, shown whatever the goal."""
    ordinal = day.toordinal()
    due = sorted(
        (summary.follow_up, summary.id)
        for summary in contacts.values()
        if summary.follow_up is not None and summary.follow_up <= ordinal and summary.id not in skip
    )
    items = []
    for follow_up, contact_id in due:
        overdue = ordinal - follow_up
        reason = "follow-up due" if overdue == 0 else f"follow-up {span(date.fromordinal(follow_up), day)} overdue"
        items.append(QueueItem(contact_id, FOLLOW_UP, reason, overdue_days=overdue, rank_reason=reason))
    return items


def due_for_touch(
    contacts: Mapping[str, ContactSummary], config: Config, day: date, tz: tzinfo, skip: set[str]
) -> Iterator[ContactSummary]:
    """Everyone not in ``skip`` who was never contacted, or whose last touch is older than their cadence.

    Someone with a follow-up on a later day already has their next touch planned and is
    left for it. This meets every contact at every reload of Today: the common cases are
    decided inline, and each cadence's cutoff (a local midnight) is computed once.
    """
    ordinal = day.toordinal()
    cutoffs: dict[int, float] = {}
    cadence_for, by_tag = config.cadence_for, config.tag_cadence
    default = config.default_cadence_days or FALLBACK_CADENCE_DAYS
    for summary in contacts.values():
        if summary.id in skip or (summary.follow_up is not None and summary.follow_up > ordinal):
            continue
        entries = summary.entries
        if not entries:
            yield summary
            continue
        tags = summary.tags
        cadence = summary.cadence_days or (cadence_for(None, tags) if by_tag and tags else None) or default
        cutoff = cutoffs.get(cadence)
        if cutoff is None:
            cutoff = cutoffs[cadence] = day_bounds(day - timedelta(days=cadence), tz)[0]
        if entries[-1][0] < cutoff:
            yield summary


def fill_item(pick: Pick, config: Config) -> QueueItem:
    """A ranked row: past a cadence the user set, it is a keep-in-touch row, else a suggestion."""
    summary = pick.summary
    behind = bool(summary.entries) and config.cadence_for(summary.cadence_days, summary.tags) is not None
    return QueueItem(summary.id, CADENCE if behind else SUGGESTED, pick.reason, rank_reason=pick.reason)


def last_touch_text(summary: ContactSummary | None, now: datetime) -> str:
    """``12 days ago, coffee, will help`` — or ``never``; days are calendar days in ``now``'s zone."""
    if summary is None or summary.last is None:
        return "never"
    ts, channel, outcome, *_ = summary.last
    then = datetime.fromtimestamp(ts, now.tzinfo).date()
    parts = [since(min(then, now.date()), now.date()), channel]
    if outcome:
        parts.append(outcome_text(outcome))
    return ", ".join(parts)
