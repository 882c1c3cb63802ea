"""Which queue rows are due to be reminded, and their keys."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from networkday.domain.errors import RecordError
from networkday.domain.queue import CADENCE, FOLLOW_UP, PLANNED, QueueItem
from networkday.domain.reminders import agreed_instant, call_key, due_now, follow_up_key
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 25)
PEOPLE = {"ann": ContactSummary("ann", "Ann Lee", company="Acme")}


def rows() -> list[QueueItem]:
    return [
        QueueItem("bob", PLANNED, PLANNED, time="14:00", call_index=0),
        QueueItem("ann", PLANNED, PLANNED, channel="video", time="10:00", call_index=1),
        QueueItem("cleo", PLANNED, PLANNED, call_index=2),
        QueueItem("dan", PLANNED, PLANNED, time="09:00", call_index=3, outcome="talked"),
        QueueItem("eve", FOLLOW_UP, "follow-up 2 days overdue", overdue_days=2),
        QueueItem("fay", CADENCE, "due by cadence"),
    ]


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 25, hour, minute, tzinfo=BERLIN)


def test_timed_calls_come_first_by_time_then_the_day_long_ones() -> None:
    due = due_now(rows(), PEOPLE, TODAY, at(16), timedelta(), set())
    assert [item.contact_id for item in due] == ["ann", "bob", "cleo", "eve"]
    assert [item.title for item in due] == [
        "Video: Ann Lee (Acme) at 10:00",
        "Call bob at 14:00",
        "Call cleo",
        "Follow up: eve",
    ]
    assert due[-1].key == follow_up_key("eve", date(2026, 11, 23))


def test_a_timed_call_is_due_within_the_window_and_the_given_ones_are_left_out() -> None:
    early = due_now(rows(), PEOPLE, TODAY, at(9, 44), timedelta(minutes=15), set(), timed_only=True)
    assert early == []
    [ann] = due_now(rows(), PEOPLE, TODAY, at(9, 45), timedelta(minutes=15), set(), timed_only=True)
    assert ann.at == at(10)
    assert ann.key == call_key(TODAY, "ann", "10:00") == "call-2026-11-25-ann-1000"
    assert due_now(rows(), PEOPLE, TODAY, at(11), timedelta(), {ann.key}, timed_only=True) == []


def test_a_time_the_clocks_skip_is_the_instant_it_runs_into() -> None:
    spring = date(2026, 3, 29)  # 02:00 to 03:00 does not exist in Berlin
    assert agreed_instant(spring, "02:30", BERLIN) == datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)
    assert agreed_instant(spring, "01:30", BERLIN).utcoffset() == timedelta(hours=1)


def test_remind_alert_is_bell_by_default_and_an_unknown_one_is_refused_at_its_key() -> None:
    assert Config.from_dict({}).alert == "bell"
    assert Config.from_dict({"remind": {"alert": "osc777"}}).alert == "osc777"
    with pytest.raises(RecordError, match="unknown alert 'beep'") as raised:
        Config.from_dict({"remind": {"alert": "beep"}})
    assert raised.value.key_path == ("remind", "alert")
