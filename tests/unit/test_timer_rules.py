"""The timer's rules, on plain POSIX seconds and an injected clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pendulum
import pytest

from networkday.clock import FixedClock
from networkday.domain.timer import (
    NETWORKING,
    OTHER,
    TimerError,
    Totals,
    check_session,
    day_bounds,
    parse_at,
    period_days,
    report_rows,
    should_ask_idle,
    status_line,
    timer_state,
    totals_for_day,
    utf8_locale,
)

BERLIN = pendulum.timezone("Europe/Berlin")
HOUR = 3600.0


def at(text: str, tz=BERLIN) -> float:
    """A local wall time in ``tz`` as POSIX seconds."""
    return datetime.fromisoformat(text).replace(tzinfo=tz).timestamp()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(pendulum.datetime(2026, 6, 10, 15, 0, tz="Europe/Berlin"))


def test_totals_count_closed_and_running_sessions(clock: FixedClock) -> None:
    rows = [
        (NETWORKING, at("2026-06-10T09:00"), at("2026-06-10T11:00")),
        (OTHER, at("2026-06-10T11:00"), at("2026-06-10T11:30")),
        (NETWORKING, at("2026-06-10T14:00"), None),
    ]
    totals = totals_for_day(rows, clock.today(), clock.tz, clock.now().timestamp())
    assert totals == Totals(networking=3 * HOUR, other=0.5 * HOUR)
    assert totals.share == pytest.approx(3 / 3.5)
    assert totals.meets(0.85) is True
    assert totals.meets(0.9) is False


def test_an_untracked_day_has_no_share_and_is_not_judged() -> None:
    assert Totals().share is None
    assert Totals().meets(0.85) is None


def test_a_session_across_midnight_is_split_at_local_midnight(clock: FixedClock) -> None:
    rows = [(NETWORKING, at("2026-06-09T23:00"), at("2026-06-10T01:30"))]
    now = clock.now().timestamp()
    assert totals_for_day(rows, date(2026, 6, 9), BERLIN, now).networking == HOUR
    assert totals_for_day(rows, date(2026, 6, 10), BERLIN, now).networking == 1.5 * HOUR


def test_a_running_session_from_yesterday_counts_today_from_midnight(clock: FixedClock) -> None:
    rows = [(OTHER, at("2026-06-09T22:00"), None)]
    state = timer_state(rows, clock.today(), clock.tz, clock.now().timestamp(), 0.85)
    assert state.today.other == 15 * HOUR
    assert state.elapsed == 17 * HOUR
    assert state.kind == OTHER


def test_spring_forward_day_has_23_hours_and_counts_real_time() -> None:
    day = date(2026, 3, 29)
    low, high = day_bounds(day, BERLIN)
    assert high - low == 23 * HOUR
    # 01:00 to 04:00 on the wall clock is two real hours: 02:00 never happened.
    rows = [(NETWORKING, at("2026-03-29T01:00"), at("2026-03-29T04:00"))]
    assert totals_for_day(rows, day, BERLIN, high).networking == 2 * HOUR
    whole = [(OTHER, low - HOUR, high + HOUR)]
    assert totals_for_day(whole, day, BERLIN, high + HOUR).other == 23 * HOUR


def test_fall_back_day_has_25_hours_and_counts_the_repeated_hour() -> None:
    day = date(2026, 10, 25)
    low, high = day_bounds(day, BERLIN)
    assert high - low == 25 * HOUR
    start = at("2026-10-25T01:30")
    end = datetime(2026, 10, 25, 3, 30, tzinfo=BERLIN).timestamp()
    rows = [(NETWORKING, start, end)]
    assert totals_for_day(rows, day, BERLIN, high).networking == 3 * HOUR
    whole = [(NETWORKING, low, high)]
    assert totals_for_day(whole, day, BERLIN, high).networking == 25 * HOUR


def test_a_zone_change_keeps_instants_not_wall_times() -> None:
    """Sessions written in New York and read in Berlin are the same stretches of time."""
    new_york = pendulum.timezone("America/New_York")
    rows = [(NETWORKING, at("2026-06-10T20:00", new_york), at("2026-06-10T21:00", new_york))]
    # 20:00 in New York is 02:00 the next day in Berlin.
    assert totals_for_day(rows, date(2026, 6, 11), BERLIN, at("2026-06-12T00:00")).networking == HOUR
    assert totals_for_day(rows, date(2026, 6, 10), BERLIN, at("2026-06-12T00:00")).networking == 0


class TestCheckSession:
    others = [
        (NETWORKING, at("2026-06-10T09:00"), at("2026-06-10T10:30")),
        (OTHER, at("2026-06-09T23:00"), at("2026-06-10T00:30")),
    ]
    now = at("2026-06-10T15:00")

    def test_a_session_in_a_free_stretch_is_accepted(self) -> None:
        check_session(NETWORKING, at("2026-06-10T10:30"), at("2026-06-10T12:00"), self.others, self.now, BERLIN)

    def test_an_overlap_is_refused_naming_the_other_session(self) -> None:
        with pytest.raises(TimerError, match="overlaps the networking session from 2026-06-10 09:00 to 10:30"):
            check_session(OTHER, at("2026-06-10T10:00"), at("2026-06-10T11:00"), self.others, self.now, BERLIN)

    def test_an_overlap_with_yesterdays_session_is_refused(self) -> None:
        with pytest.raises(TimerError, match="from 2026-06-09 23:00 to 2026-06-10 00:30"):
            check_session(NETWORKING, at("2026-06-10T00:00"), at("2026-06-10T01:00"), self.others, self.now, BERLIN)

    def test_a_session_that_ends_before_it_starts_is_refused(self) -> None:
        with pytest.raises(TimerError, match="must come after the start"):
            check_session(NETWORKING, at("2026-06-10T12:00"), at("2026-06-10T11:00"), self.others, self.now, BERLIN)

    def test_a_session_in_the_future_is_refused(self) -> None:
        with pytest.raises(TimerError, match="end 2026-06-10 16:00 is in the future"):
            check_session(NETWORKING, at("2026-06-10T14:00"), at("2026-06-10T16:00"), self.others, self.now, BERLIN)
        with pytest.raises(TimerError, match="start 2026-06-10 16:00 is in the future"):
            check_session(NETWORKING, at("2026-06-10T16:00"), None, self.others, self.now, BERLIN)

    def test_a_second_running_session_is_refused(self) -> None:
        running = [*self.others, (OTHER, at("2026-06-10T13:00"), None)]
        with pytest.raises(TimerError, match="the other session running since 2026-06-10 13:00 is still running"):
            check_session(NETWORKING, at("2026-06-10T14:00"), None, running, self.now, BERLIN)

    def test_a_closed_session_after_a_running_ones_start_overlaps_it(self) -> None:
        running = [(OTHER, at("2026-06-10T13:00"), None)]
        with pytest.raises(TimerError, match="overlaps the other session running since"):
            check_session(NETWORKING, at("2026-06-10T13:30"), at("2026-06-10T14:00"), running, self.now, BERLIN)

    def test_an_unknown_kind_is_refused(self) -> None:
        with pytest.raises(TimerError, match="unknown kind 'lunch'"):
            check_session("lunch", at("2026-06-10T12:00"), at("2026-06-10T13:00"), [], self.now, BERLIN)


class TestIdleGap:
    start = at("2026-06-10T09:00")

    def test_a_gap_longer_than_idle_hours_asks(self) -> None:
        assert should_ask_idle(at("2026-06-10T10:00"), self.start, at("2026-06-10T14:01"), 4)

    def test_a_gap_of_exactly_idle_hours_does_not_ask(self) -> None:
        assert not should_ask_idle(at("2026-06-10T10:00"), self.start, at("2026-06-10T14:00"), 4)

    def test_a_session_started_after_the_last_sighting_counts_as_seen(self) -> None:
        """Started from the shell at 09:00 while the app last saw activity yesterday."""
        assert not should_ask_idle(at("2026-06-09T18:00"), self.start, at("2026-06-10T12:00"), 4)
        assert should_ask_idle(None, self.start, at("2026-06-10T13:30"), 4)

    def test_zero_idle_hours_never_asks(self) -> None:
        assert not should_ask_idle(at("2026-06-01T10:00"), self.start, at("2026-06-10T14:00"), 0)


class TestStatusLine:
    now = at("2026-06-10T15:00")
    base = [
        (NETWORKING, at("2026-06-10T09:00"), at("2026-06-10T12:00")),
        (OTHER, at("2026-06-10T12:00"), at("2026-06-10T13:00")),
    ]

    def line(self, rows, *, ascii: bool = False, goal: float = 0.85) -> str:
        return status_line(timer_state(rows, date(2026, 6, 10), BERLIN, self.now, goal), ascii=ascii)

    def test_networking_running_above_goal(self) -> None:
        rows = [*self.base, (NETWORKING, at("2026-06-10T14:18"), None)]
        # 3h42m of 4h42m networking is 78.7%: shown as 78%, never rounded up towards the goal.
        assert self.line(rows, goal=0.75) == "NET 0:42 · 78% of 75%"

    def test_below_goal_is_said_in_words(self) -> None:
        rows = [*self.base, (NETWORKING, at("2026-06-10T14:18"), None)]
        assert self.line(rows) == "NET 0:42 · 78% of 85% · below goal"

    def test_other_running(self) -> None:
        rows = [*self.base, (OTHER, at("2026-06-10T14:50"), None)]
        assert self.line(rows, goal=0.7) == "OTHER 0:10 · 72% of 70%"

    def test_stopped(self) -> None:
        assert self.line(self.base, goal=0.7) == "STOPPED · 75% of 70%"

    def test_nothing_tracked_yet_is_not_below_goal(self) -> None:
        assert self.line([]) == "STOPPED · --% of 85%"

    def test_ascii_fallback(self) -> None:
        rows = [*self.base, (NETWORKING, at("2026-06-10T14:18"), None)]
        assert self.line(rows, ascii=True) == "NET 0:42 - 78% of 85% - below goal"

    def test_a_fractional_goal_is_shown_as_is(self) -> None:
        assert self.line(self.base, goal=0.855).endswith("75% of 85.5% · below goal")

    @pytest.mark.parametrize(
        ("environ", "expected"),
        [
            ({"LANG": "en_GB.UTF-8"}, True),
            ({"LANG": "de_DE.utf8"}, True),
            ({"LANG": "en_GB.UTF-8", "LC_ALL": "C"}, False),
            ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, True),
            ({"LANG": "POSIX"}, False),
            ({}, False),
        ],
    )
    def test_utf8_locale(self, environ: dict[str, str], expected: bool) -> None:
        assert utf8_locale(environ) is expected


class TestParseAt:
    now = datetime(2026, 6, 10, 15, 0, tzinfo=BERLIN)

    def test_a_clock_time_is_today_in_local_time(self) -> None:
        assert parse_at("09:30", self.now).at == datetime(2026, 6, 10, 9, 30, tzinfo=BERLIN)
        assert parse_at(" 9:05 ", self.now).at == datetime(2026, 6, 10, 9, 5, tzinfo=BERLIN)

    def test_an_iso_time_without_offset_is_local(self) -> None:
        assert parse_at("2026-06-09T22:15", self.now).at == datetime(2026, 6, 9, 22, 15, tzinfo=BERLIN)

    def test_an_iso_time_with_offset_lands_on_the_local_day(self) -> None:
        parsed = parse_at("2026-06-09T23:30+00:00", self.now).at
        assert parsed.date() == date(2026, 6, 10)
        assert parsed.timestamp() == datetime(2026, 6, 9, 23, 30, tzinfo=UTC).timestamp()

    def test_a_date_and_time_in_the_future_is_refused(self) -> None:
        with pytest.raises(TimerError, match="is in the future"):
            parse_at("2026-06-11T08:00", self.now)

    def test_a_clock_time_still_ahead_today_is_yesterdays(self) -> None:
        taken = parse_at("15:01", self.now)
        assert taken.at == datetime(2026, 6, 9, 15, 1, tzinfo=BERLIN)
        assert taken.note == "15:01 has not come yet today: took yesterday's, Tue 9 Jun"
        assert parse_at("15:00", self.now).at == self.now  # now itself has come

    @pytest.mark.parametrize("text", ["25:00", "9.30", "soon", "2026-06-10", ""])
    def test_what_is_not_a_time_is_refused(self, text: str) -> None:
        with pytest.raises(TimerError, match="is not a time"):
            parse_at(text, self.now)


class TestReport:
    def test_a_week_runs_monday_to_today(self) -> None:
        days = period_days(date(2026, 6, 10), "week", today=date(2026, 6, 10))
        assert days == [date(2026, 6, 8), date(2026, 6, 9), date(2026, 6, 10)]

    def test_a_past_week_and_month_are_whole(self) -> None:
        assert len(period_days(date(2026, 6, 3), "week", today=date(2026, 6, 10))) == 7
        december = period_days(date(2025, 12, 24), "month", today=date(2026, 6, 10))
        assert (december[0], december[-1], len(december)) == (date(2025, 12, 1), date(2025, 12, 31), 31)

    def test_an_unknown_period_is_refused(self) -> None:
        with pytest.raises(ValueError, match="unknown period"):
            period_days(date(2026, 6, 10), "year", today=date(2026, 6, 10))

    def test_rows_per_day_with_share_and_goal(self) -> None:
        rows = [
            (NETWORKING, at("2026-06-08T09:00"), at("2026-06-08T17:00")),
            (OTHER, at("2026-06-09T09:00"), at("2026-06-09T10:00")),
            (NETWORKING, at("2026-06-09T23:00"), at("2026-06-10T01:00")),
        ]
        days = [date(2026, 6, 8), date(2026, 6, 9), date(2026, 6, 10), date(2026, 6, 11)]
        report = report_rows(rows, days, BERLIN, at("2026-06-11T12:00"), 0.85)
        assert [(r.totals.networking / HOUR, r.totals.other / HOUR) for r in report] == [
            (8, 0),
            (1, 1),
            (1, 0),
            (0, 0),
        ]
        assert [r.meets for r in report] == [True, False, True, None]
        assert report[1].share == 0.5
        assert timedelta(seconds=report[0].totals.total) == timedelta(hours=8)
