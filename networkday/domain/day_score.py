"""The day's score counted in people: each person reached counts once, however many touches.

A day file holds one made call per touch (the check pairs each touch with its call), so
three touches to one person are three calls. The score, the streak, the review and
Today's rows count the person once, with how their day ended: the outcome of their last
made call.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from networkday.domain.day import Day


@dataclass(frozen=True)
class Score:
    """The day's header: people, not touches, are counted; a no is never dwelt on."""

    will: int
    wont: int
    made: int
    planned: int
    goal: int
    streak: int


def last_outcomes(day: Day) -> dict[str, str | None]:
    """Each person in the day's plan, in plan order, with the outcome of their last made call (None: not yet)."""
    people: dict[str, str | None] = {}
    for call in day.calls:
        if call.outcome is not None:
            people[call.contact] = call.outcome
        else:
            people.setdefault(call.contact, None)
    return people


def outcome_counts(people: Mapping[str, str | None]) -> dict[str, int]:
    """How many people's day ended in each outcome."""
    counts: dict[str, int] = {}
    for outcome in people.values():
        if outcome is not None:
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def score(
    day: Day, days_made: Mapping[int, int], goal: int, today: date, unknown: Collection[int] = frozenset()
) -> Score:
    """``days_made`` maps a date ordinal to the people reached that day (the store's day summaries);
    ``unknown`` holds the ordinals of days whose file cannot be read (see ``streak``)."""
    people = last_outcomes(day)
    counts = outcome_counts(people)
    return Score(
        will=counts.get("will", 0),
        wont=counts.get("wont", 0),
        made=sum(1 for outcome in people.values() if outcome is not None),
        planned=len(people),
        goal=goal,
        streak=streak(days_made, goal, today, unknown),
    )


def streak(days_made: Mapping[int, int], goal: int, today: date, unknown: Collection[int] = frozenset()) -> int:
    """Consecutive days that met the goal, ending today (or yesterday while today is open).

    A day in ``unknown`` (its file cannot be read) is passed over: what it held is not
    known, so it neither counts nor ends the streak.
    """
    if goal <= 0:
        return 0
    ordinal = today.toordinal()
    if ordinal not in unknown and days_made.get(ordinal, 0) < goal:
        ordinal -= 1
    count = 0
    while ordinal in unknown or days_made.get(ordinal, 0) >= goal:
        count += ordinal not in unknown
        ordinal -= 1
    return count
