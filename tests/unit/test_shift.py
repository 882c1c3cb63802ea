"""Shifting every date in a record: the demo's dates follow the current date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.shift import shift_dates

PLUS_ONE = timezone(timedelta(hours=1))


def test_dates_and_datetimes_move_and_keep_wall_time_and_offset() -> None:
    record = {"date": date(2026, 11, 25), "at": datetime(2026, 11, 25, 9, 30, tzinfo=PLUS_ONE)}
    shifted = shift_dates(record, 40)
    assert shifted["date"] == date(2027, 1, 4)
    assert shifted["at"] == datetime(2027, 1, 4, 9, 30, tzinfo=PLUS_ONE)
    assert shifted["at"].utcoffset() == timedelta(hours=1)


def test_nested_tables_and_arrays_of_tables_are_shifted() -> None:
    record = {
        "call": [{"contact": "a", "at": datetime(2026, 11, 24, 8, 0, tzinfo=UTC)}],
        "journal": {"answer": [{"prompt": "p", "when": date(2026, 11, 1)}]},
        "dates": [date(2026, 1, 1), date(2026, 1, 2)],
    }
    shifted = shift_dates(record, -3)
    assert shifted["call"][0]["at"] == datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    assert shifted["journal"]["answer"][0]["when"] == date(2026, 10, 29)
    assert shifted["dates"] == [date(2025, 12, 29), date(2025, 12, 30)]


def test_other_values_are_left_alone_and_the_input_is_not_changed() -> None:
    kept = {"name": "Zoë 2026-11-25", "n": 3, "share": 0.85, "flag": True, "alarm": time(9, 30)}
    record = {**kept, "d": date(2026, 1, 1)}
    shifted = shift_dates(record, 5)
    assert record == {**kept, "d": date(2026, 1, 1)}
    assert shifted == {**kept, "d": date(2026, 1, 6)}


def test_a_zero_shift_gives_an_equal_copy() -> None:
    record = {"date": date(2026, 11, 25), "call": [{"at": datetime(2026, 11, 25, 9, tzinfo=PLUS_ONE)}]}
    assert shift_dates(record, 0) == record


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)),
    days=st.integers(min_value=-3000, max_value=3000),
)
def test_shifting_back_undoes_a_shift(day: date, days: int) -> None:
    instant = datetime.combine(day, time(23, 59), tzinfo=PLUS_ONE)
    record = {"date": day, "log": [{"at": instant}]}
    assert shift_dates(shift_dates(record, days), -days) == record
    assert (shift_dates(record, days)["date"] - day).days == days
