"""The day's score counted in people: each person reached counts once, however many touches.

A day file holds one made call per touch (the check pairs each touch with its call), so
three touches to one person are three calls. The score, the streak and the review count
the person once, with the outcome of their day (``day_outcomes``): a yes said today is
never lost to a later touch, and a no counts only when no yes came that day.
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


@dataclass(frozen=True)
class Gives:
    """The week's gives against ``gives_per_week``: the help-others mode's score (``domain.helping``)."""

    week: int
    goal: int

    @property
    def met(self) -> bool:
        return self.goal > 0 and self.week >= self.goal


#: Outcomes that stand for the whole day once said, strongest first: a person who said
#: they will help today counts in "some will" whatever came after; "some won't" only
#: when they did not also say will that day.
_STANDING = ("will", "wont")


def day_outcomes(day: Day) -> dict[str, str | None]:
    """Each person in the day's plan, in plan order, with the outcome of their day (None: not reached yet).

    That is will help when any of their touches that day said so, else won't help when
    one said that, else the outcome of their last made call. Each person reached has one,
    so the outcomes add up to "made": the people with a made call, once each.
    """
    said: dict[str, list[str]] = {}
    for call in day.calls:
        outcomes = said.setdefault(call.contact, [])
        if call.outcome is not None:
            outcomes.append(call.outcome)
    return {person: _day_outcome(outcomes) for person, outcomes in said.items()}


def _day_outcome(outcomes: list[str]) -> str | None:
    standing = next((outcome for outcome in _STANDING if outcome in outcomes), None)
    return standing or (outcomes[-1] if outcomes else None)


def outcome_counts(people: Mapping[str, str | None]) -> dict[str, int]:
    """How many people's day had each outcome (``day_outcomes``)."""
    counts: dict[str, int] = {}
    for outcome in people.values():
        if outcome is not None:
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def score(
    day: Day, days_made: Mapping[int, int], goal: int, today: date, unknown: Collection[int] = frozenset()
) -> Score:
    """The header of ``day``, counted in people (``day_outcomes``).

    "Made" is the people with a made call, once each, even when a call with them is
    still open later that day (their row shows that call as to do); "some will" is the
    people who said they will help in any touch that day; "some won't" those who said no
    and not also yes. ``days_made`` maps a date ordinal to the people reached that day
    (the store's day summaries); ``unknown`` holds the ordinals of days whose file cannot
    be read (see ``streak``).
    """
    people = day_outcomes(day)
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
