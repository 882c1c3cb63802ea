"""Whom you could help today, and the week's gives: the queue and the goal of the help-others mode.

When you are not searching, networking is a habit of giving. The queue keeps its
commitments (planned calls and due follow-ups, as in a job search) and then suggests,
each row saying why in words:

1. people who asked something of you that you have not answered: a touch with
   ``they_asked`` and no give to them since. These wait on you, so they always show;
2. people you introduced to someone (a touch with ``introduced``) at least
   ``CHECK_AFTER_DAYS`` ago, with no touch since and no word that they landed: ask how
   it went;
3. people who are searching (the ``searching`` motive or the ``job-seeker`` tag) and are
   due for a touch by their cadence, longest out of touch first; someone whose latest
   touch says they landed is not searching any more.

Rows 2 and 3 fill what is left of the week's goal of gives (``gives_per_week``), at least
one row, so a met goal still offers one more person. A give is a touch whose ``gave``
says something, counted over the ISO week (Monday to Sunday) in the local zone.
Everything is read from the summaries, so 30,000 contacts cost one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo

from networkday.domain.day import Day
from networkday.domain.day_score import Gives
from networkday.domain.queue import QueueItem, due_follow_ups, due_for_touch, planned_items
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary, HelpRow
from networkday.domain.text import shown_line
from networkday.domain.timer import day_bounds
from networkday.domain.wording import since, span

ASKED = "asked"
INTRODUCED = "introduced"
SEARCHING = "searching"
#: The motive and the tag that say someone is looking for work.
SEARCHING_MOTIVE = "searching"
JOB_SEEKER_TAG = "job-seeker"
#: Days after an introduction before the queue suggests asking how it went.
CHECK_AFTER_DAYS = 7
#: How much of what they asked the row quotes.
QUOTED = 40


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def gives_between(contacts: Iterable[ContactSummary], start: float, end: float) -> int:
    """Touches in [start, end) that gave something; each history is walked back only as far as ``start``."""
    count = 0
    for summary in contacts:
        entries = summary.entries
        if not entries or entries[-1][0] < start:  # most people: nothing this week
            continue
        for entry in reversed(entries):
            if entry[0] < start:
                break
            count += entry[3] and entry[0] < end
    return count


def week_gives(contacts: Iterable[ContactSummary], day: date, tz: tzinfo, goal: int) -> Gives:
    """The gives of ``day``'s week up to the end of ``day``."""
    start = day_bounds(week_start(day), tz)[0]
    return Gives(gives_between(contacts, start, day_bounds(day, tz)[1]), goal)


def searching(summary: ContactSummary) -> bool:
    """The ``searching`` motive or the ``job-seeker`` tag, unless their latest touch says they landed."""
    if SEARCHING_MOTIVE not in summary.motives and JOB_SEEKER_TAG not in summary.tags:
        return False
    return not landed_last(summary)


def landed_last(summary: ContactSummary) -> bool:
    """Their newest touch is one where they said they landed."""
    marks, entries = summary.helping, summary.entries
    return bool(marks and marks[-1][3] and entries and marks[-1][0] >= entries[-1][0])


def open_ask(summary: ContactSummary) -> HelpRow | None:
    """Their latest ask of you, when no touch since (or with it) gave them something."""
    if not summary.helping:  # most people: this meets all 30,000 at each reload
        return None
    ask = next((mark for mark in reversed(summary.helping) if mark[1]), None)
    if ask is None:
        return None
    answered = any(entry[3] and entry[0] >= ask[0] for entry in summary.entries)
    return None if answered else ask


def introduction_to_check(summary: ContactSummary, before: float) -> HelpRow | None:
    """Your latest introduction of them, made before ``before``, when nothing was said with them since."""
    if not summary.helping:
        return None
    entries = summary.entries
    intro = next((mark for mark in reversed(summary.helping) if mark[2]), None)
    if intro is None or intro[0] >= before or not entries or entries[-1][0] > intro[0]:
        return None
    return intro


def helping_queue(
    day: Day,
    contacts: Mapping[str, ContactSummary],
    config: Config,
    today: date,
    *,
    tz: tzinfo = UTC,
    unreadable: Mapping[str, str] | None = None,
    gives: Gives | None = None,
) -> list[QueueItem]:
    """The help-others queue of ``day`` seen on ``today`` (a past day shows only its plan); see the module."""
    items = planned_items(day, contacts, unreadable or {})
    if day.date < today:
        return items
    skip = {item.contact_id for item in items}.union(day.dismissed)
    items.extend(due_follow_ups(contacts, day.date, skip))
    skip.update(item.contact_id for item in items)
    # One pass over everyone: only people with helping touches or searching go further.
    marked = {sid: summary for sid, summary in contacts.items() if summary.helping and sid not in skip}
    seeking = {
        sid: summary
        for sid, summary in contacts.items()
        if (SEARCHING_MOTIVE in summary.motives or JOB_SEEKER_TAG in summary.tags) and sid not in skip
    }
    asks = sorted((ask, summary.id) for summary in marked.values() if (ask := open_ask(summary)))
    items.extend(_ask_item(contact_id, ask, day.date, tz) for ask, contact_id in asks)
    skip.update(contact_id for _, contact_id in asks)
    gives = gives or week_gives(contacts.values(), day.date, tz, config.helping.gives_per_week)
    room = max(gives.goal - gives.week, 1)
    before = day_bounds(day.date - timedelta(days=CHECK_AFTER_DAYS - 1), tz)[0]
    intros = sorted(
        (intro[0], summary.id)
        for summary in marked.values()
        if summary.id not in skip and (intro := introduction_to_check(summary, before)) and not landed_last(summary)
    )
    for _, contact_id in intros[:room]:
        items.append(_introduced_item(contacts[contact_id], contacts, day.date, tz))
        skip.add(contact_id)
    room -= min(len(intros), room)
    seekers = sorted(
        (summary.last_ts or 0.0, summary.name.casefold(), summary.id)
        for summary in due_for_touch(seeking, config, day.date, tz, skip)
        if searching(summary)
    )
    items.extend(_searching_item(contacts[contact_id], day.date, tz) for _, _, contact_id in seekers[:room])
    return items


def _day_of(ts: float, tz: tzinfo) -> date:
    return datetime.fromtimestamp(ts, tz).date()


def _ask_item(contact_id: str, ask: HelpRow, day: date, tz: tzinfo) -> QueueItem:
    text = shown_line(ask[1])
    quoted = text if len(text) <= QUOTED else text[: QUOTED - 1] + "…"
    reason = f"asked you “{quoted}” {since(_day_of(ask[0], tz), day)}"
    return QueueItem(contact_id, ASKED, reason, rank_reason=reason)


def _introduced_item(
    summary: ContactSummary, contacts: Mapping[str, ContactSummary], day: date, tz: tzinfo
) -> QueueItem:
    intro = next(mark for mark in reversed(summary.helping) if mark[2])
    names = [contacts[name].name if name in contacts else name for name in intro[2]]
    whom = shown_line(names[0]) + (f" and {len(names) - 1} more" if len(names) > 1 else "")
    reason = f"you introduced them to {whom} {since(_day_of(intro[0], tz), day)}: ask how it went"
    return QueueItem(summary.id, INTRODUCED, reason, rank_reason=reason)


def _searching_item(summary: ContactSummary, day: date, tz: tzinfo) -> QueueItem:
    why = "searching" if SEARCHING_MOTIVE in summary.motives else "job seeker"
    last = summary.last_ts
    reason = f"{why}, never contacted" if last is None else f"{why}, out of touch {span(_day_of(last, tz), day)}"
    return QueueItem(summary.id, SEARCHING, reason, rank_reason=reason)
