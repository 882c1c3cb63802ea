"""The day's score counts people: a second touch to the same person updates their row, it does not add one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from networkday.domain.day import Call, Day
from networkday.domain.day_score import day_outcomes, score, streak
from networkday.domain.summary import DaySummary

TODAY = date(2026, 11, 25)
AT = datetime(2026, 11, 25, 9, tzinfo=UTC)


def touches(contact: str, *outcomes: str) -> list[Call]:
    return [Call(contact, outcome=o, at=AT + timedelta(minutes=n)) for n, o in enumerate(outcomes)]


def test_three_touches_to_one_person_are_one_person_made():
    day = Day(TODAY, calls=touches("ann", "no-answer", "left-message", "will"))
    result = score(day, {}, 8, TODAY)
    assert (result.made, result.planned, result.will, result.wont) == (1, 1, 1, 0)
    summary = DaySummary.of(day)
    assert (summary.planned, summary.made, summary.outcomes) == (1, 1, (("will", 1),))


def test_a_yes_said_today_counts_whatever_came_after_and_a_no_only_without_one():
    calls = [*touches("ann", "wont", "will"), *touches("bob", "wont"), *touches("cat", "will", "wont"), Call("dan")]
    result = score(Day(TODAY, calls=calls), {}, 5, TODAY)
    assert (result.will, result.wont, result.made, result.planned) == (2, 1, 3, 4)


def test_will_then_a_left_message_stays_a_will_in_the_score_and_the_summary():
    day = Day(TODAY, calls=touches("ann", "will", "left-message"))
    assert (score(day, {}, 5, TODAY).will, DaySummary.of(day).outcomes) == (1, (("will", 1),))


def test_a_no_then_another_touch_still_counts_as_a_no():
    day = Day(TODAY, calls=[*touches("ann", "wont", "no-answer"), *touches("bob", "talked", "no-answer")])
    assert DaySummary.of(day).outcomes == (("no-answer", 1), ("wont", 1))


def test_each_person_in_plan_order_with_the_outcome_of_their_day():
    calls = [Call("bob"), *touches("ann", "talked"), *touches("bob", "no-answer"), Call("ann"), Call("cat")]
    assert day_outcomes(Day(TODAY, calls=calls)) == {"bob": "no-answer", "ann": "talked", "cat": None}


def test_the_streak_counts_days_whose_people_met_the_goal():
    t = TODAY.toordinal()
    made = {t - 1: 5, t - 2: 6, t - 3: 2, t - 4: 5}
    assert streak(made, 5, TODAY) == 2
    made[t] = 5
    assert streak(made, 5, TODAY) == 3
    assert streak(made, 0, TODAY) == 0
