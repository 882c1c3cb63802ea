"""What each call outcome sets next: the one place the follow-through rules live.

A call never ends a relationship. No answer and a left message keep the person in play
with a retry a few days on; won't help closes the follow-up but sets the next touch by
the person's cadence; scheduled plans the call on the day agreed; talked and will help
ask for the next step. The app's prompt and ``networkday log`` apply these same rules
(``services.actions.log_touch``), and the prompt says in words which one applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from networkday.domain.dates import LAST_DAY, in_range, parse_when
from networkday.domain.fields import TableReader
from networkday.domain.touch import KEEP, FollowUp
from networkday.domain.wording import outcome_text

#: Outcomes that ask when the next call is (a date and an optional time).
ASKS_WHEN = frozenset({"scheduled"})
#: Outcomes that ask for the next step (a follow-up date, what next).
ASKS_NEXT = frozenset({"talked", "will"})
#: Outcomes where you did not reach them: nothing was said, so the prompt asks no gain.
NOT_REACHED = frozenset({"no-answer", "left-message"})


@dataclass(frozen=True)
class RetryDays:
    """``[queue] retry_days``: days until the next try after each outcome that did not reach a yes.

    ``wont`` is the next touch after a no for a person with no cadence at all (none of
    their own, none by tag, no default): a no is never the end.
    """

    no_answer: int = 2
    message: int = 3
    wont: int = 90

    @classmethod
    def from_reader(cls, queue: TableReader | None) -> RetryDays:
        """The table's values, each from 1 to 3650 days; a key left out keeps its default."""
        table = queue.table("retry_days") if queue is not None else None
        if table is None:
            return cls()
        values = {
            name: value
            for name in ("no_answer", "message", "wont")
            if (value := table.opt_int(name, minimum=1, maximum=3650)) is not None
        }
        return cls(**values)

    def after(self, outcome: str) -> int | None:
        """The retry in days after ``outcome``; None for outcomes that are not retried."""
        return {"no-answer": self.no_answer, "left-message": self.message}.get(outcome)


@dataclass(frozen=True)
class Schedule:
    """When a scheduled call is: a day and, when agreed, a time of day (wall-clock)."""

    day: date
    at: time | None = None

    def text(self) -> str:
        return f"{day_text(self.day)} at {self.at:%H:%M}" if self.at else day_text(self.day)


def day_text(day: date) -> str:
    """``Mon 7 Dec``: a day near enough to need no year."""
    return f"{day:%a} {day.day} {day:%b}"


def next_follow_up(
    outcome: str | None,
    on: date,
    *,
    current: date | None,
    cadence: int | None,
    retry: RetryDays,
) -> FollowUp:
    """The follow-up that ``outcome`` leaves, for a touch ``on`` a day; KEEP: the touch's usual rule.

    - no answer, left a message: a retry ``retry`` days on; a follow-up already set
      for a later day that comes sooner than the retry is kept (it is the sooner try);
    - won't help: the follow-up is closed and the next touch is set by the person's
      ``cadence`` (``retry.wont`` days when they have none);
    - anything else (talked, will help, scheduled, a note): KEEP, so a follow-up that
      was due is done (the prompt asks for the next step or the day agreed).
    """
    days = retry.after(outcome or "")
    if days is not None:
        again = min(on + timedelta(days=days), LAST_DAY)
        return current if current is not None and on < current < again else again
    if outcome == "wont":
        return min(on + timedelta(days=cadence or retry.wont), LAST_DAY)  # a date every file can hold
    return KEEP


def rule_text(outcome: str | None, follow_up: date | None, *, cadence: int | None) -> str:
    """The rule that applied, in plain words, for the prompt: what happens next and when."""
    label = outcome_text(outcome, none="noted").capitalize()
    when = day_text(follow_up) if follow_up else ""
    if outcome in ("no-answer", "left-message") and when:
        return f"{label} — we'll try again {when}."
    if outcome == "wont" and when:
        by = f"by their cadence of {cadence} days" if cadence else "they have no cadence"
        return f"{label} — so what, next! Follow-up closed; next touch {when} ({by})."
    if outcome in ASKS_WHEN:
        return f"{label} — when is it? Enter plans the call on that day and sets the follow-up."
    if outcome in ASKS_NEXT:
        after = f" (follow-up {when})" if when else ""
        return f"{label} — what is the next step? Give it a date below{after}."
    return f"{label} — follow-up {when}." if when else f"{label}."


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
#: A UTC offset or ``Z`` ending an ISO time.
_OFFSET = re.compile(r"(Z|[+-]\d{2}(:?\d{2})?)$", re.IGNORECASE)


def parse_schedule(text: str, now: datetime) -> Schedule:
    """``2026-12-09 10:00``, ``2026-12-09``, ``tomorrow 14:30``, ``+3 9:15``, or any ISO date-time.

    The day takes what every date field takes (``dates.parse_when``); a last word such as
    ``10:00`` is the time. Anything else goes to pendulum's ISO 8601 parser (imported
    here only: it is off every start). ``now`` is aware, in the user's zone: the words
    are read against its day, an instant written with an offset is taken to its zone,
    and a call is planned from now on, so a past day or a time already past today is
    refused. Raises ValueError with a message fit to show.
    """
    when = _read_schedule(text, now)
    if when.day < now.date():
        raise ValueError(f"{when.day.isoformat()} is past; a scheduled call is planned from now on")
    if when.day == now.date() and when.at is not None and when.at < now.time().replace(second=0, microsecond=0):
        raise ValueError(f"{when.at:%H:%M} today is past; a scheduled call is planned from now on")
    return when


def _read_schedule(text: str, now: datetime) -> Schedule:
    today = now.date()
    words = text.split()
    clock = _CLOCK.match(words[-1]) if len(words) > 1 else None
    try:
        if clock is not None:
            hour, minute = int(clock.group(1)), int(clock.group(2))
            if hour > 23 or minute > 59:
                raise ValueError(f"{words[-1]!r} is not a time of day (use HH:MM, 00:00 to 23:59)")
            return Schedule(parse_when(" ".join(words[:-1]), today), time(hour, minute))
        return Schedule(parse_when(text, today))
    except ValueError as error:
        if clock is not None:
            raise
        parsed = _iso(text, now)
        if parsed is not None:
            return parsed
        raise ValueError(f"{error}; a time may follow: 2026-12-09 10:00") from None


def _iso(text: str, now: datetime) -> Schedule | None:
    """An ISO 8601 form pendulum reads (``2026-12-09T10:00``, ``20261209T1000``, ``2026-W50``,
    a time alone for today): without an offset, the wall-clock day and time written; with
    one (or ``Z``), that instant in ``now``'s zone, so ``10:00+05:00`` is 06:00 in Paris."""
    import pendulum

    try:
        parsed = pendulum.parse(text.strip(), exact=True, tz=None)
    except ValueError:  # pendulum's ParserError is one
        return None
    if isinstance(parsed, pendulum.DateTime):
        instant = parsed.astimezone(now.tzinfo) if parsed.tzinfo is not None else parsed
        day, at = date(instant.year, instant.month, instant.day), time(instant.hour, instant.minute)
    elif isinstance(parsed, pendulum.Date):
        day, at = date(parsed.year, parsed.month, parsed.day), None
    elif isinstance(parsed, pendulum.Time):
        if _OFFSET.search(text.strip()):  # pendulum drops it: which day is meant is not known
            raise ValueError(f"{text.strip()!r}: a time with an offset needs its day, as in 2026-12-09T10:00+05:00")
        day, at = now.date(), time(parsed.hour, parsed.minute)
    else:
        return None
    return Schedule(day, at) if in_range(day) else None
