"""A clock time typed alone is the last time the clocks showed it: yesterday when it is still ahead today."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from networkday.domain.timer import TimerError, parse_at
from networkday.domain.wall_time import last_clock_time
from networkday.zone import read_zone

NEW_YORK = read_zone("America/New_York")


def _utc(*fields: int) -> float:
    return datetime(*fields, tzinfo=UTC).timestamp()


def test_a_time_still_ahead_this_morning_is_yesterday_evening() -> None:
    now = datetime(2026, 12, 5, 9, 0, tzinfo=NEW_YORK)
    taken = parse_at("17:30", now)
    assert taken.at == datetime(2026, 12, 4, 17, 30, tzinfo=NEW_YORK)
    assert taken.note == "17:30 has not come yet today: took yesterday's, Fri 4 Dec"


def test_a_time_that_has_come_today_is_todays_without_a_note() -> None:
    now = datetime(2026, 12, 5, 9, 0, tzinfo=NEW_YORK)
    assert parse_at("08:59", now).at == datetime(2026, 12, 5, 8, 59, tzinfo=NEW_YORK)
    assert parse_at("08:59", now).note is None


def test_new_years_morning_reaches_back_into_the_old_year() -> None:
    now = datetime(2027, 1, 1, 0, 30, tzinfo=NEW_YORK)
    assert parse_at("23:59", now).at == datetime(2026, 12, 31, 23, 59, tzinfo=NEW_YORK)


def test_the_morning_after_the_clocks_went_forward_yesterday_keeps_its_own_offset() -> None:
    now = datetime(2026, 3, 9, 9, 0, tzinfo=NEW_YORK)  # EDT since 2026-03-08 03:00
    assert parse_at("17:30", now).at.timestamp() == _utc(2026, 3, 8, 21, 30)  # 17:30 EDT
    assert parse_at("01:30", now).at.timestamp() == _utc(2026, 3, 9, 5, 30)  # today, EDT


def test_before_the_gap_a_skipped_time_is_yesterdays() -> None:
    now = datetime(2026, 3, 8, 1, 0, tzinfo=NEW_YORK)  # the clocks jump at 02:00 tonight
    taken = parse_at("02:30", now)
    assert taken.at.timestamp() == _utc(2026, 3, 7, 7, 30)  # 02:30 EST on Saturday
    assert taken.note is not None
    assert "yesterday's, Sat 7 Mar" in taken.note


def test_after_the_gap_a_skipped_time_is_refused() -> None:
    now = datetime(2026, 3, 8, 12, 0, tzinfo=NEW_YORK)
    with pytest.raises(TimerError, match="02:30 does not exist on 2026-03-08"):
        parse_at("02:30", now)


def test_the_night_the_clocks_went_back_the_evening_before_is_in_summer_time() -> None:
    now = datetime(2026, 11, 2, 8, 0, tzinfo=NEW_YORK)  # EST since 2026-11-01 02:00 EDT
    assert parse_at("20:00", now).at.timestamp() == _utc(2026, 11, 2, 1, 0)  # 20:00 EST on Sunday
    first_pass = datetime(2026, 11, 1, 5, 10, tzinfo=UTC).astimezone(NEW_YORK)  # 01:10 EDT
    taken = last_clock_time(time(1, 30), first_pass)  # neither 01:30 has come yet today
    assert taken.at.timestamp() == _utc(2026, 10, 31, 5, 30)  # Saturday 01:30 EDT


def test_a_clock_time_is_never_in_the_future() -> None:
    now = datetime(2026, 6, 10, 15, 0, tzinfo=NEW_YORK)
    for hour in range(24):
        for minute in (0, 1, 59):
            taken = last_clock_time(time(hour, minute), now)
            assert 0 <= now.timestamp() - taken.at.timestamp() < 24 * 3600
