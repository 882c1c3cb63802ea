"""The follow-through rules of each outcome, on fixed dates (``domain.outcome_rules``)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from networkday.domain.day import Call, Day
from networkday.domain.errors import RecordError
from networkday.domain.outcome_rules import RetryDays, Schedule, next_follow_up, parse_schedule, rule_text
from networkday.domain.plan import schedule
from networkday.domain.settings import Config
from networkday.domain.touch import KEEP

FRI = date(2026, 12, 4)
#: Friday 09:30 in Paris: what a scheduled call is read against.
FRI_NOW = datetime(2026, 12, 4, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))
RETRY = RetryDays()


def follow(outcome: str | None, on: date = FRI, current: date | None = None, cadence: int | None = None):
    return next_follow_up(outcome, on, current=current, cadence=cadence, retry=RETRY)


def test_no_answer_on_an_overdue_follow_up_moves_it_to_the_retry_date_twice() -> None:
    overdue = date(2026, 11, 30)
    first = follow("no-answer", FRI, current=overdue)
    assert first == date(2026, 12, 6)
    # Two days on, the retry comes round and again nobody answers: still a follow-up, two days on.
    assert follow("no-answer", first, current=first) == date(2026, 12, 8)


def test_a_left_message_retries_after_three_days_and_the_config_sets_both() -> None:
    assert follow("left-message") == date(2026, 12, 7)
    retry = Config.from_dict({"queue": {"retry_days": {"no_answer": 1, "message": 5}}}).retry
    assert next_follow_up("no-answer", FRI, current=None, cadence=None, retry=retry) == date(2026, 12, 5)
    assert next_follow_up("left-message", FRI, current=None, cadence=None, retry=retry) == date(2026, 12, 9)
    assert retry.wont == 90  # a key left out keeps its default


def test_a_bad_retry_is_named_by_its_key_path() -> None:
    with pytest.raises(RecordError) as caught:
        Config.from_dict({"queue": {"retry_days": {"message": 0}}})
    assert caught.value.key_path == ("queue", "retry_days", "message")


def test_a_retry_keeps_a_sooner_follow_up_already_set_for_a_later_day() -> None:
    assert follow("no-answer", current=date(2026, 12, 5)) == date(2026, 12, 5)
    assert follow("no-answer", current=date(2026, 12, 20)) == date(2026, 12, 6)


def test_wont_help_sets_the_next_touch_by_cadence_or_the_default_without_one() -> None:
    assert follow("wont", current=date(2026, 12, 1), cadence=30) == date(2027, 1, 3)
    assert follow("wont", current=date(2026, 12, 1), cadence=None) == date(2027, 3, 4)


@pytest.mark.parametrize("outcome", ["talked", "will", "scheduled", None])
def test_other_outcomes_leave_the_follow_up_to_the_touch_and_the_prompt(outcome: str | None) -> None:
    assert follow(outcome, current=date(2026, 12, 1)) is KEEP


def test_the_rule_in_words() -> None:
    assert rule_text("no-answer", date(2026, 12, 7), cadence=None) == "No answer — we'll try again Mon 7 Dec."
    assert "their cadence of 30 days" in rule_text("wont", date(2027, 1, 3), cadence=30)
    assert "Enter plans the call" in rule_text("scheduled", None, cadence=None)
    assert "next step" in rule_text("talked", None, cadence=None)


def test_schedule_with_and_without_a_time() -> None:
    assert parse_schedule("2026-12-09 10:00", FRI_NOW) == Schedule(date(2026, 12, 9), time(10, 0))
    assert parse_schedule("2026-12-09", FRI_NOW) == Schedule(date(2026, 12, 9))
    assert parse_schedule("tomorrow 9:15", FRI_NOW) == Schedule(date(2026, 12, 5), time(9, 15))
    assert parse_schedule("2026-12-10T14:30", FRI_NOW) == Schedule(date(2026, 12, 10), time(14, 30))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-12-01 10:00", "2026-12-01 is past; a scheduled call is planned from now on"),
        ("2026-12-03", "2026-12-03 is past; a scheduled call is planned from now on"),
        ("08:00", "08:00 today is past; a scheduled call is planned from now on"),
        ("today 9:29", "09:29 today is past; a scheduled call is planned from now on"),
        ("2026-12-04T09:00", "09:00 today is past; a scheduled call is planned from now on"),
    ],
)
def test_a_call_is_scheduled_from_now_on(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="is past; a scheduled call is planned from now on") as refused:
        parse_schedule(text, FRI_NOW)
    assert str(refused.value) == message


def test_the_rest_of_today_may_be_scheduled() -> None:
    assert parse_schedule("9:30", FRI_NOW) == Schedule(FRI, time(9, 30))
    assert parse_schedule("today 15:00", FRI_NOW) == Schedule(FRI, time(15, 0))
    assert parse_schedule("today", FRI_NOW) == Schedule(FRI)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("2026-12-09T10:00:00+05:00", Schedule(date(2026, 12, 9), time(6, 0))),
        ("2026-12-09T10:00Z", Schedule(date(2026, 12, 9), time(11, 0))),
        ("2026-12-09T01:30+05:00", Schedule(date(2026, 12, 8), time(21, 30))),  # the day before, in Paris
        ("2026-12-09T10:00", Schedule(date(2026, 12, 9), time(10, 0))),  # no offset: the wall clock written
    ],
)
def test_an_instant_with_an_offset_is_taken_to_the_users_zone(text: str, when: Schedule) -> None:
    assert parse_schedule(text, FRI_NOW) == when


def test_a_time_alone_with_an_offset_is_refused_not_read_as_local() -> None:
    with pytest.raises(ValueError, match="a time with an offset needs its day"):
        parse_schedule("16:00+05:00", FRI_NOW)
    assert Schedule(date(2026, 12, 9), time(10, 0)).text() == "Wed 9 Dec at 10:00"


@pytest.mark.parametrize("text", ["", "2026-12-32 10:00", "2026-12-09 24:00", "next tuesday", "10:00 2026-12-09"])
def test_a_bad_schedule_is_a_message(text: str) -> None:
    with pytest.raises(ValueError, match=r"not a (date|time of day)"):
        parse_schedule(text, FRI_NOW)


def test_scheduling_plans_a_new_call_beside_the_made_one_and_keeps_its_time() -> None:
    day = Day(date=FRI, calls=[Call(contact="ana", outcome="scheduled")])
    schedule(day, "ana", "video", "16:00")
    assert [(c.outcome, c.time) for c in day.calls] == [("scheduled", ""), (None, "16:00")]
    again = Day.from_dict({"date": FRI, "call": [call.to_dict() for call in day.calls]})
    assert again.calls[1].time == "16:00"


def test_a_call_time_that_is_not_a_time_of_day_is_named() -> None:
    with pytest.raises(RecordError) as caught:
        Day.from_dict({"date": FRI, "call": [{"contact": "ana", "time": "25:00"}]})
    assert caught.value.key_path == ("call", 0, "time")


def test_a_next_touch_past_the_last_date_a_file_holds_stops_there() -> None:
    assert follow("wont", on=date(2999, 12, 1), cadence=3650) == date(2999, 12, 31)
    assert follow("no-answer", on=date(2999, 12, 30)) == date(2999, 12, 31)
