"""What led where: the funnel from people reached to offers, and what lay behind each opportunity.

Pure functions over the contacts' summaries and the companies, so the review screen, the
journal and ``review --json`` count the same way. Times in summaries are POSIX seconds,
so a period is compared as two instants, not as dates per touch.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from networkday.domain.companies import Company, Opportunity, Step
from networkday.domain.referrals import chain_up
from networkday.domain.summary import ContactSummary
from networkday.domain.vocab import REACHED

#: The funnel's steps in order, as ``review --json`` names them.
FUNNEL_STEPS: tuple[str, ...] = ("reached", "will_help", "introductions", "opened", "interviews", "offers")
FUNNEL_LABELS: dict[str, str] = {
    "reached": "people reached",
    "will_help": "people who will help",
    "introductions": "introductions made",
    "opened": "opportunities opened",
    "interviews": "interviews",
    "offers": "offers",
}
#: Stages that count as an opportunity having come to something: attribution looks at these.
LANDED: tuple[str, ...] = ("interview", "offer", "accepted")


@dataclass(frozen=True, slots=True)
class Funnel:
    """Counts for each step of ``FUNNEL_STEPS`` over one period."""

    reached: int = 0
    will_help: int = 0
    introductions: int = 0
    opened: int = 0
    interviews: int = 0
    offers: int = 0

    def as_dict(self) -> dict[str, int]:
        return {step: getattr(self, step) for step in FUNNEL_STEPS}


def _bounds(start: date, end: date, tz: tzinfo) -> tuple[float, float]:
    """The period from ``start``'s midnight to the end of ``end``, in POSIX seconds."""
    first = datetime.combine(start, time(), tz).timestamp()
    last = datetime.combine(end + timedelta(days=1), time(), tz).timestamp()
    return first, last


def funnel(
    contacts: Mapping[str, ContactSummary], companies: Iterable[Company], start: date, end: date, tz: tzinfo
) -> Funnel:
    """The funnel from ``start`` to ``end``, both included.

    - reached: people with a touch in the period whose outcome says they were reached;
    - will_help: people who said they will help in the period;
    - introductions: people someone referred you to (``referred_by``) whose first touch is in the period;
    - opened: opportunities opened in the period (``opened``, else their first step's day);
    - interviews and offers: opportunities that moved to that stage in the period.
    """
    first, last = _bounds(start, end, tz)
    reached = will = introductions = 0
    for summary in contacts.values():
        entries = summary.entries  # oldest first: a binary search finds the period's touches
        if not entries or entries[-1][0] < first or entries[0][0] >= last:
            continue
        introductions += bool(summary.referred_by and first <= entries[0][0])
        touches = entries[bisect_left(entries, (first,)) : bisect_left(entries, (last,))]
        reached += any(entry[2] in REACHED for entry in touches)
        will += any(entry[2] == "will" for entry in touches)
    opened = interviews = offers = 0
    for company in companies:
        for opportunity in company.opportunities:
            day = opened_on(opportunity, tz)
            opened += day is not None and start <= day <= end
            interviews += _moved_to(opportunity, "interview", first, last)
            offers += _moved_to(opportunity, "offer", first, last)
    return Funnel(reached, will, introductions, opened, interviews, offers)


def moves_between(
    companies: Iterable[Company], first: date, last: date, tz: tzinfo
) -> list[tuple[Company, Opportunity, Step]]:
    """Every step dated from ``first`` to ``last`` (both included, in ``tz``), oldest first:
    the journal's "opportunities moved" for one day, the review's for a period."""
    start, end = _bounds(first, last, tz)
    moves = [
        (company, opportunity, step)
        for company in companies
        for opportunity in company.opportunities
        for step in opportunity.steps
        if start <= step.at.timestamp() < end
    ]
    return sorted(moves, key=lambda move: move[2].at)


def opened_on(opportunity: Opportunity, tz: tzinfo) -> date | None:
    """The day an opportunity opened: its ``opened``, else the day of its first step."""
    if opportunity.opened is not None:
        return opportunity.opened
    return min(step.at for step in opportunity.steps).astimezone(tz).date() if opportunity.steps else None


def _moved_to(opportunity: Opportunity, stage: str, first: float, last: float) -> bool:
    return any(step.stage == stage and first <= step.at.timestamp() < last for step in opportunity.steps)


@dataclass(frozen=True, slots=True)
class Moved:
    """One opportunity's moves on one day, oldest first: the journal's ``Acme Staff engineer → interview``."""

    ref: str
    company: str
    role: str
    stages: tuple[str, ...]

    def describe(self, arrow: str = " → ", text: Callable[[str], str] = str) -> str:
        """``text`` cleans the user's words (the company and the role) for where they are shown."""
        return f"{text(self.company)} {text(self.role)}{arrow}{arrow.join(self.stages)}"


def moved_on(companies: Iterable[Company], day: date, tz: tzinfo) -> tuple[Moved, ...]:
    """The opportunities that moved on ``day``, each once with all its moves that day, in the order they moved."""
    return moved_by_day(companies, day, day, tz).get(day, ())


def moved_by_day(companies: Iterable[Company], first: date, last: date, tz: tzinfo) -> dict[date, tuple[Moved, ...]]:
    """:func:`moved_on` for every day from ``first`` to ``last`` in one pass over the steps (a month's review)."""
    days: dict[date, dict[str, Moved]] = {}
    for company, opportunity, step in moves_between(companies, first, last, tz):
        moved = days.setdefault(step.at.astimezone(tz).date(), {})
        ref = f"{company.id}/{opportunity.id}"
        known = moved.get(ref)
        stages = (*known.stages, step.stage) if known else (step.stage,)
        moved[ref] = Moved(ref, company.name, opportunity.role, stages)
    return {day: tuple(moved.values()) for day, moved in days.items()}


def moves_line(moves: Sequence[Moved], arrow: str = " → ", text: Callable[[str], str] = str) -> str:
    """``2 opportunities moved: Acme Staff engineer → interview · Beta Designer → offer``."""
    count = f"{len(moves)} opportunit{'y' if len(moves) == 1 else 'ies'} moved"
    return f"{count}: " + " · ".join(move.describe(arrow, text) for move in moves)


@dataclass(frozen=True, slots=True)
class Behind:
    """One opportunity that came to something, and the people, channels and motives behind it.

    ``people`` is each ``via`` contact preceded by the referral chain that led to them, from
    the first person you knew down (``you → Maya → Dana``), each person once.
    """

    company: Company
    opportunity: Opportunity
    people: tuple[str, ...]
    channels: tuple[str, ...]
    motives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """For the whole search: what led to interviews and offers, and the share that came through people."""

    behind: tuple[Behind, ...] = ()
    by_channel: dict[str, int] = field(default_factory=dict)
    by_motive: dict[str, int] = field(default_factory=dict)
    through_people: int = 0
    cold: int = 0

    @property
    def share_through_people(self) -> float | None:
        """Opportunities with a ``via`` over all opportunities; None when there are none."""
        total = self.through_people + self.cold
        return self.through_people / total if total else None

    def as_dict(self) -> dict[str, object]:
        return {
            "by_channel": dict(self.by_channel),
            "by_motive": dict(self.by_motive),
            "through_people": self.through_people,
            "cold": self.cold,
            "share_through_people": self.share_through_people,
            "opportunities": [
                {
                    "id": f"{item.company.id}/{item.opportunity.id}",
                    "company": item.company.name,
                    "role": item.opportunity.role,
                    "stage": item.opportunity.stage,
                    "people": list(item.people),
                    "channels": list(item.channels),
                    "motives": list(item.motives),
                }
                for item in self.behind
            ],
        }


def chains_behind(contacts: Mapping[str, ContactSummary], via: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Each ``via`` contact's referral chain, from the first person you knew down to them."""
    return tuple((*reversed(chain_up(contacts, contact_id).ids), contact_id) for contact_id in via)


def chain_behind(contacts: Mapping[str, ContactSummary], via: Iterable[str]) -> tuple[str, ...]:
    """The people behind an opportunity: each ``via`` contact after its referrers, root first, each once."""
    return tuple(dict.fromkeys(person for chain in chains_behind(contacts, via) for person in chain))


def attribute(
    contacts: Mapping[str, ContactSummary], companies: Iterable[Company], motives: Mapping[str, Iterable[str]]
) -> Attribution:
    """Channels and motives behind every opportunity that reached interview, offer or accepted.

    A channel counts once per opportunity when any touch with a person behind it used it
    (up to the day it opened, when that is known); a motive counts once per opportunity
    when any of those people has it (``motives`` maps contact ids to their motives).
    """
    behind: list[Behind] = []
    by_channel: dict[str, int] = {}
    by_motive: dict[str, int] = {}
    through = cold = 0
    for company in companies:
        for opportunity in company.opportunities:
            through += not opportunity.cold
            cold += opportunity.cold
            if not any(opportunity.reached(stage) for stage in LANDED):
                continue
            people = chain_behind(contacts, opportunity.via)
            channels = _channels(contacts, people, opportunity.opened)
            wanted = tuple(dict.fromkeys(motive for person in people for motive in motives.get(person, ())))
            behind.append(Behind(company, opportunity, people, channels, wanted))
            for channel in channels:
                by_channel[channel] = by_channel.get(channel, 0) + 1
            for motive in wanted:
                by_motive[motive] = by_motive.get(motive, 0) + 1
    return Attribution(tuple(behind), _ranked(by_channel), _ranked(by_motive), through, cold)


def _channels(contacts: Mapping[str, ContactSummary], people: Iterable[str], opened: date | None) -> tuple[str, ...]:
    """The channels of the touches with ``people``, oldest first, each once.

    A touch counts up to the end of the day after ``opened``: a day's slack covers every
    zone, so the touch that opened it counts wherever it was logged.
    """
    until = datetime.combine(opened + timedelta(days=2), time()).timestamp() if opened else float("inf")
    touches = sorted(
        (entry[0], entry[1]) for person in people if person in contacts for entry in contacts[person].entries
    )
    return tuple(dict.fromkeys(channel for at, channel in touches if at < until))


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    """Most first, then by name: the order ``review`` prints them in."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def landed_by(opportunity: Opportunity, last: date, tz: tzinfo) -> bool:
    """Whether it had reached interview, offer or accepted by the end of ``last``.

    Its first dated step at one of those stages says when; a stage reached with no step
    for it (a hand-written file) counts from the day it opened, or always when that is unknown.
    """
    dated = [step.at.astimezone(tz).date() for step in opportunity.steps if step.stage in LANDED]
    if dated:
        return min(dated) <= last
    opened = opened_on(opportunity, tz)
    return any(opportunity.reached(stage) for stage in LANDED) and (opened is None or opened <= last)
