"""A day's figures, taken from the data and never typed by hand.

The journal shows them beside the reflection and the review lists them per day. They
come from what the store already holds in memory, so nothing here reads a file:

- the day's call plan (:class:`DaySummary`, or the :class:`Day` itself when the caller
  has it open): calls planned and made, and the outcome of each;
- every contact's history (``ContactSummary.entries``): what was given and asked that
  day, where what they gained was recorded, and who was touched, gathered by
  :class:`TouchLedger` in one pass over all contacts for a range of days, never a pass per day;
- the timer sessions of the day and of its neighbours, so a session that runs across
  midnight counts on each side (:func:`networkday.domain.timer.totals_for_day`);
- the companies' opportunities, for those moved that day (read by the caller: company
  files are few, and a day's figures never need the contact files).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from typing import Any

from networkday.domain.companies import Company
from networkday.domain.day import Day
from networkday.domain.pipeline import Moved, moved_by_day
from networkday.domain.summary import ContactSummary, DaySummary
from networkday.domain.timer import Totals, day_bounds, totals_for_day
from networkday.domain.vocab import OUTCOMES, REACHED


@dataclass(frozen=True, slots=True)
class Goals:
    """The targets the figures are measured against (``[goals]`` in config.toml)."""

    networking_share: float | None = 0.85
    calls_per_day: int = 5
    #: In the help-others mode, ``[goals] gives_per_week``: the figures lead with the gives.
    gives_per_week: int | None = None


@dataclass(slots=True)
class DayTouches:
    """One day's part of everyone's history."""

    gave: int = 0
    asked: int = 0
    #: touches that recorded what the other person gained: they were glad you called
    glad: int = 0
    #: contact id -> (first touch of the day in POSIX seconds, the day's last outcome or "")
    people: dict[str, tuple[float, str]] = field(default_factory=dict)

    def touch(self, contact_id: str, ts: float, outcome: str) -> None:
        first, last = self.people.get(contact_id, (ts, ""))
        self.people[contact_id] = (first, outcome or last)


class TouchLedger:
    """Every contact's history for the days ``first`` to ``last``, aggregated per local day.

    Built in one pass: for each contact a binary search finds the first entry in the
    range (entries are sorted), and each entry found is placed in its day by a binary
    search over the local midnights. The cost grows with the number of contacts plus the
    entries inside the range, whatever the length of everyone's history.
    """

    def __init__(self, first: date, last: date, days: dict[int, DayTouches]) -> None:
        self.first = first
        self.last = last
        self._days = days

    @classmethod
    def build(cls, contacts: Iterable[ContactSummary], first: date, last: date, tz: tzinfo) -> TouchLedger:
        count = (last - first).days + 1
        midnights = [day_bounds(first + timedelta(days=i), tz)[0] for i in range(count)]
        low, high = midnights[0], day_bounds(last, tz)[1]
        base = first.toordinal()
        days: dict[int, DayTouches] = {}
        for contact in contacts:
            entries = contact.entries
            if not entries or entries[-1][0] < low or entries[0][0] >= high:
                continue
            for index in range(bisect_left(entries, (low,)), len(entries)):
                ts, _channel, outcome, gave, asked, gained = entries[index]
                if ts >= high:
                    break
                ordinal = base + bisect_right(midnights, ts) - 1
                touches = days.get(ordinal)
                if touches is None:
                    touches = days[ordinal] = DayTouches()
                touches.gave += gave
                touches.asked += asked
                touches.glad += gained
                touches.touch(contact.id, ts, outcome)
        return cls(first, last, days)

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last

    def on(self, day: date) -> DayTouches:
        """The day's touches; raises ValueError for a day outside the ledger's range."""
        if not self.covers(day):
            raise ValueError(f"{day} is outside the ledger ({self.first} to {self.last})")
        return self._days.get(day.toordinal()) or DayTouches()


@dataclass(frozen=True, slots=True)
class Person:
    """Someone touched that day; ``outcome`` is the day's last one ("" for a note only)."""

    id: str
    name: str
    outcome: str = ""

    @property
    def reached(self) -> bool:
        return self.outcome in REACHED


@dataclass(frozen=True, slots=True)
class DayFigures:
    """What the day's data says; times in seconds, the share None before any tracking."""

    date: date
    planned: int = 0
    made: int = 0
    #: (outcome, count) in the order of vocab.OUTCOMES, only outcomes that occurred
    outcomes: tuple[tuple[str, int], ...] = ()
    gave: int = 0
    asked: int = 0
    #: calls where you recorded what they gained ("glad you called")
    glad: int = 0
    networking: float = 0.0
    other: float = 0.0
    goals: Goals = Goals()
    #: people touched that day, in the order of their first touch
    people: tuple[Person, ...] = ()
    rating: int | None = None
    #: opportunities with a step dated that day, in the order they first moved
    moves: tuple[Moved, ...] = ()

    def count(self, outcome: str) -> int:
        return dict(self.outcomes).get(outcome, 0)

    @property
    def will(self) -> int:
        return self.count("will")

    @property
    def wont(self) -> int:
        return self.count("wont")

    @property
    def time(self) -> Totals:
        return Totals(self.networking, self.other)

    @property
    def share(self) -> float | None:
        return self.time.share

    @property
    def share_met(self) -> bool | None:
        """None when nothing was tracked: no time is not the same as too little."""
        return self.time.meets(self.goals.networking_share)

    @property
    def active(self) -> bool:
        """Anything happened: a call planned or made, a touch, or time tracked."""
        return bool(self.planned or self.made or self.people or self.networking or self.other)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types for ``--json``; keys are stable for scripts."""
        return {
            "date": self.date.isoformat(),
            "planned": self.planned,
            "made": self.made,
            "calls_goal": self.goals.calls_per_day,
            "outcomes": dict(self.outcomes),
            "will": self.will,
            "wont": self.wont,
            "gave": self.gave,
            "asked": self.asked,
            "glad": self.glad,
            "networking_seconds": round(self.networking),
            "other_seconds": round(self.other),
            "share": None if self.share is None else round(self.share, 4),
            "share_goal": self.goals.networking_share,
            "share_met": self.share_met,
            "rating": self.rating,
            "people": [{"id": p.id, "name": p.name, "outcome": p.outcome} for p in self.people],
            "moves": [
                {"id": m.ref, "company": m.company, "role": m.role, "stages": list(m.stages)} for m in self.moves
            ],
        }


@dataclass(frozen=True)
class Facts:
    """Everything a day's figures are taken from, gathered once for a range of days.

    ``days`` and ``contacts`` are the store's summaries (``store.days``, ``store.contacts``);
    ``now`` (POSIX seconds) ends a running timer session; ``moves`` come from the companies.
    """

    days: Mapping[int, DaySummary]
    contacts: Mapping[str, ContactSummary]
    ledger: TouchLedger
    goals: Goals
    tz: tzinfo
    now: float
    #: the opportunities moved on each day of the range (see ``gather``)
    moves: Mapping[date, tuple[Moved, ...]] = field(default_factory=dict)

    @classmethod
    def gather(
        cls,
        days: Mapping[int, DaySummary],
        contacts: Mapping[str, ContactSummary],
        goals: Goals,
        tz: tzinfo,
        now: float,
        first: date,
        last: date,
        companies: Iterable[Company] = (),
    ) -> Facts:
        """Facts for the days ``first`` to ``last``: one pass over every contact's history."""
        ledger = TouchLedger.build(contacts.values(), first, last, tz)
        return cls(days, contacts, ledger, goals, tz, now, moved_by_day(companies, first, last, tz))

    def figures(self, day: date, record: Day | None = None) -> DayFigures:
        """The figures of ``day``; pass the open ``record`` to count unsaved-to-index state.

        With the record, its calls and sessions are used instead of the index's summary,
        and anyone whose call is marked made there joins the people even without a
        history entry (a day file edited by hand).
        """
        summary = DaySummary.of(record) if record is not None else self.days.get(day.toordinal())
        sessions = list(summary.sessions) if summary else []
        for offset in (-1, 1):
            neighbour = self.days.get(day.toordinal() + offset)
            if neighbour:
                sessions.extend(neighbour.sessions)
        time = totals_for_day(sessions, day, self.tz, self.now)
        touches = self.ledger.on(day)
        people = dict(touches.people)
        if record is not None:
            for call in record.calls:
                if call.made and call.contact not in people:
                    people[call.contact] = (call.at.timestamp() if call.at else float("inf"), call.outcome or "")
        ordered = sorted(people.items(), key=lambda item: (item[1][0], item[0]))
        counts = dict(summary.outcomes) if summary else {}
        return DayFigures(
            date=day,
            planned=summary.planned if summary else 0,
            made=summary.made if summary else 0,
            outcomes=tuple((o, counts[o]) for o in OUTCOMES if counts.get(o)),
            gave=touches.gave,
            asked=touches.asked,
            glad=touches.glad,
            networking=time.networking,
            other=time.other,
            goals=self.goals,
            people=tuple(Person(cid, self._name(cid), outcome) for cid, (_, outcome) in ordered),
            rating=summary.rating if summary else None,
            moves=self.moves.get(day, ()),
        )

    def _name(self, contact_id: str) -> str:
        contact = self.contacts.get(contact_id)
        return contact.name if contact else contact_id
