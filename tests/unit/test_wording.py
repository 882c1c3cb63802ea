"""The one wording for times and outcomes, on fixed dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.vocab import OUTCOMES
from networkday.domain.wording import OUTCOME_SHORT, outcome_text, since, span, until, whole_months

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (0, "today"),
        (1, "yesterday"),
        (2, "2 days ago"),
        (5, "5 days ago"),
        (59, "59 days ago"),
        (60, "2 months ago"),  # 6 Oct to 5 Dec: one whole month and 29 days, never "1 month"
        (90, "2 months ago"),
        (91, "3 months ago"),  # 5 Sep to 5 Dec
        (92, "3 months ago"),
        (364, "11 months ago"),
        (365, "1 year ago"),
        (4640, "12 years ago"),
    ],
)
def test_the_past_in_days_then_months_then_years(days: int, said: str) -> None:
    assert since(TODAY - timedelta(days=days), TODAY) == said


@pytest.mark.parametrize(
    ("days", "said"),
    [(0, "today"), (1, "tomorrow"), (5, "in 5 days"), (70, "in 2 months"), (800, "in 2 years")],
)
def test_the_future(days: int, said: str) -> None:
    assert until(TODAY + timedelta(days=days), TODAY) == said


def test_each_reads_the_other_side_of_today_too() -> None:
    assert until(TODAY - timedelta(days=3), TODAY) == "3 days ago"
    assert since(TODAY + timedelta(days=1), TODAY) == "tomorrow"


def test_months_are_calendar_months() -> None:
    assert whole_months(date(2026, 1, 31), date(2026, 2, 28)) == 0
    assert whole_months(date(2026, 1, 31), date(2026, 3, 1)) == 1
    assert whole_months(date(2024, 2, 29), date(2025, 2, 28)) == 11
    assert span(date(2024, 2, 29), date(2026, 3, 1)) == "2 years"


@given(st.integers(min_value=0, max_value=40_000))
def test_never_a_raw_or_short_form(days: int) -> None:
    said = since(TODAY - timedelta(days=days), TODAY)
    assert re.fullmatch(
        r"today|yesterday|([2-9]|[1-5]\d) days ago|1 year ago|([2-9]|1[01]) months ago|([2-9]|[1-9]\d+) years ago",
        said,
    ), said


def test_outcomes_are_words() -> None:
    assert [outcome_text(outcome) for outcome in OUTCOMES] == [
        "will help",
        "won't help",
        "no answer",
        "left a message",
        "talked",
        "scheduled",
    ]
    assert outcome_text(None) == "no outcome"
    assert outcome_text("", none="noted") == "noted"
    assert set(OUTCOME_SHORT) == set(OUTCOMES)
    assert all(len(short) <= 8 for short in OUTCOME_SHORT.values())
