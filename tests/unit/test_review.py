"""The week and month in review: totals, best and weakest day, the text table and the charts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.charts import columns, hbar, sparkline, use_ascii
from networkday.domain.figures import DayFigures
from networkday.domain.review import Period, Review, ReviewTotals, strength
from networkday.domain.review_text import review_lines
from networkday.services.figures import review
from networkday.storage.store import Store
from tests.journal_world import HOUR, MON, TUE, WED, world_store


@pytest.fixture
def world(tmp_path: Path) -> Store:
    return world_store(tmp_path / "data")


def test_week_review_totals_best_and_weakest(world: Store) -> None:
    week = review(world, "week", WED)
    assert (week.period.first, week.period.last) == (MON, date(2026, 11, 29))
    assert [f.date for f in week.days] == [MON, TUE, WED]  # the days to come have no figures yet
    t = week.totals
    assert (t.planned, t.made, t.will, t.wont, t.gave, t.asked) == (6, 5, 1, 1, 2, 2)
    assert (t.networking, t.other) == (8 * HOUR, 1 * HOUR)
    assert t.share == pytest.approx(8 / 9)
    assert t.mean_rating == 3.0
    assert t.active_days == 2
    assert week.best is not None
    assert week.weakest is not None
    assert (week.best.date, week.weakest.date) == (WED, TUE)  # 3 calls made beats 2


def test_month_review_and_json(world: Store) -> None:
    month = review(world, "month", TUE)
    assert month.period.label == "November 2026"
    assert len(month.days) == 25
    data = month.to_json()
    assert data["period"]["first"] == "2026-11-01"
    assert data["totals"]["made"] == 5
    assert (data["best"], data["weakest"]) == ("2026-11-25", "2026-11-24")
    assert data["days"][24]["gave"] == 2


def test_a_period_in_the_future_has_no_days(world: Store) -> None:
    later = review(world, "week", date(2026, 12, 9))
    assert later.days == ()
    assert later.best is None
    assert later.weakest is None
    assert later.totals == ReviewTotals()


def test_unknown_period_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown period"):
        Period.of("year", WED)


def test_period_labels_and_paging() -> None:
    week = Period.of("week", WED)
    assert week.label == "Week 48 of 2026, 2026-11-23 to 2026-11-29"
    assert week.shifted(-1) == Period.of("week", date(2026, 11, 16))
    month = Period.of("month", date(2026, 1, 31))
    assert month.shifted(-1) == Period("month", date(2025, 12, 1), date(2025, 12, 31))
    assert month.shifted(13).first == date(2027, 2, 1)


def _day(day: int, made: int, networking: float = 0.0, other: float = 0.0, will: int = 0) -> DayFigures:
    outcomes = (("will", will),) if will else ()
    when = date(2026, 11, 1) + timedelta(days=day - 1)
    return DayFigures(when, planned=made, made=made, outcomes=outcomes, networking=networking, other=other)


def test_best_ties_break_on_share_then_the_earlier_day() -> None:
    days = [_day(2, 3, 1, 1), _day(3, 3, 3, 1), _day(4, 3, 3, 1), _day(5, 1)]
    built = Review.build(Period.of("week", date(2026, 11, 2)), days)
    assert built.best is days[1]  # same calls as the 2nd, higher share; the 4th ties and is later
    assert built.weakest is days[3]


def test_one_active_day_is_never_both_best_and_weakest() -> None:
    days = [_day(2, 2), DayFigures(date(2026, 11, 3))]
    built = Review.build(Period.of("week", date(2026, 11, 2)), days)
    assert built.best is days[0]
    assert built.weakest is None


def test_equal_days_have_no_weakest() -> None:
    days = [_day(2, 2, 1), _day(3, 2, 1)]
    built = Review.build(Period.of("week", date(2026, 11, 2)), days)
    assert built.best is days[0]
    assert built.weakest is None


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 5), st.integers(0, 3)), min_size=1, max_size=31))
def test_best_ranks_at_least_every_active_day_and_totals_add_up(rows: list[tuple[int, int, int]]) -> None:
    days = [
        _day(i + 1, made, networking * HOUR, HOUR, will=min(will, made))
        for i, (made, networking, will) in enumerate(rows)
    ]
    built = Review.build(Period.of("month", date(2026, 12, 1)), days)
    assert built.totals.made == sum(made for made, _, _ in rows)
    assert built.totals.networking == sum(n for _, n, _ in rows) * HOUR
    assert built.best is not None
    assert all(strength(built.best) >= strength(f) for f in days)
    if built.weakest is not None:
        assert all(strength(built.weakest) <= strength(f) for f in days)
        assert strength(built.weakest) < strength(built.best)


def test_review_table_names_totals_best_and_weakest_in_words(world: Store) -> None:
    lines = review_lines(review(world, "week", WED))
    text = "\n".join(lines)
    assert lines[0] == "Week 48 of 2026, 2026-11-23 to 2026-11-29"
    assert lines[3].startswith("Mon 23 Nov    0/0")
    assert lines[2].startswith("Day         Calls Will Won't Gave Asked")  # the app's heading, not "Wont"
    assert "Wed 25 Nov    3/4    1     1    2     1" in text
    assert "83%" in lines[5]  # floor of 5/6: a share just under the goal never reads as meeting it
    total = next(line for line in lines if line.startswith("Total"))
    assert total.startswith("Total         5/6    1     1    2     2")
    assert total.endswith("88%    3.0")
    assert "Best day: Wed 25 Nov (2026-11-25): 3 calls made, 83% networking" in text
    assert "Weakest day: Tue 24 Nov (2026-11-24): 2 calls made, 100% networking" in text
    assert "Goal: 85% of tracked time networking (│ on the bar), 5 calls a day." in text
    assert max(len(line) for line in lines) <= 80


def test_review_table_ascii_has_only_ascii(world: Store) -> None:
    lines = review_lines(review(world, "week", WED), ascii=True)
    assert all(line.isascii() for line in lines)
    assert "Best day:" in lines[-2]


def test_sparkline_levels_blanks_and_ascii() -> None:
    assert sparkline([0, 4, 8, None]) == " ▄█ "
    assert sparkline([0, 4, 8, None], ascii=True) == " :# "
    assert sparkline([1, 100], maximum=100) == "▁█"  # a small value still shows
    assert sparkline([]) == ""


def test_hbar_marks_the_goal_over_the_bar() -> None:
    assert hbar(0.5, 1.0, 10, 0.85) == "█████░░░│░"
    assert hbar(1.0, 1.0, 10, 0.85) == "████████│█"
    assert hbar(0.5, 1.0, 10, 0.85, ascii=True) == "#####...|."
    assert hbar(None, 1.0, 4) == "░░░░"
    assert hbar(0.55, 1.0, 4) == "██▎░"  # eighths: 17.6 rounds to 18


def test_columns_draw_the_goal_line_where_bars_stop_short() -> None:
    rows = columns([1.0, 0.25, None], 1.0, 4, 0.75, width=2, gap=1)
    assert rows == ["██ ── ──", "██      ", "██      ", "██ ██   "]
    assert columns([0.5], 1.0, 2, ascii=True) == [" ", "#"]


def test_ascii_bars_never_look_like_the_goal_line() -> None:
    eighths = [step / 8 for step in range(1, 9)]
    [bars] = columns(eighths, 1.0, 1, ascii=True)
    assert bars == "..::++##"
    assert "-" not in bars
    [top, bottom] = columns([0.875, 0.25], 1.0, 2, 0.75, ascii=True)
    assert (top, bottom) == ("+-", "#:")  # the goal line shows only above the bar that stops short


def test_use_ascii_follows_the_output_encoding() -> None:
    assert use_ascii("utf-8") is False
    assert use_ascii("ascii") is True
    assert use_ascii("latin-1") is True
    assert use_ascii(None) is True
    assert use_ascii("no-such-codec") is True
