"""The queue's order rules, one test per rule, on fixed dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call, Day
from networkday.domain.queue import CADENCE, FOLLOW_UP, PLANNED, SUGGESTED, build_queue, last_touch_text, streak
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

TODAY = date(2026, 11, 25)


def person(
    cid: str,
    *,
    follow_up: date | None = None,
    cadence: int | None = None,
    touched_days_ago: int | None = None,
    tags: tuple[str, ...] = (),
) -> ContactSummary:
    contact = Contact(id=cid, name=cid.title(), follow_up=follow_up, cadence_days=cadence, tags=list(tags))
    if touched_days_ago is not None:
        at = datetime(2026, 11, 25, 12, tzinfo=UTC) - timedelta(days=touched_days_ago)
        contact.log.append(LogEntry(at=at, channel="coffee", outcome="will"))
    return ContactSummary.of(contact)


def network(*people: ContactSummary) -> dict[str, ContactSummary]:
    return {p.id: p for p in people}


def ids(items) -> list[str]:
    return [item.contact_id for item in items]


def test_planned_calls_come_first_in_saved_order():
    contacts = network(person("ann"), person("bob", follow_up=TODAY), person("cat"))
    day = Day(TODAY, calls=[Call("cat"), Call("ann")])
    items = build_queue(day, contacts, Config(calls_per_day=0), TODAY)
    assert ids(items)[:2] == ["cat", "ann"]
    assert [item.kind for item in items[:2]] == [PLANNED, PLANNED]
    assert items[2].kind == FOLLOW_UP


def test_follow_ups_due_oldest_first_with_days_overdue():
    contacts = network(
        person("late", follow_up=TODAY - timedelta(days=4)),
        person("due", follow_up=TODAY),
        person("later", follow_up=TODAY + timedelta(days=1)),
        person("oldest", follow_up=TODAY - timedelta(days=9)),
    )
    items = build_queue(Day(TODAY), contacts, Config(calls_per_day=0), TODAY)
    assert ids(items) == ["oldest", "late", "due"]
    assert items[0].reason == "follow-up 9 days overdue"
    assert items[0].overdue_days == 9
    assert items[2].reason == "follow-up due"


def test_contacts_past_their_cadence_follow_the_follow_ups():
    contacts = network(
        person("fresh", cadence=30, touched_days_ago=10),
        person("stale", cadence=30, touched_days_ago=45),
        person("never", cadence=14),
        person("due", follow_up=TODAY),
    )
    items = build_queue(Day(TODAY), contacts, Config(calls_per_day=0), TODAY)
    assert ids(items) == ["due", "stale"]
    assert [item.kind for item in items] == [FOLLOW_UP, CADENCE]
    assert items[1].reason == "every 30 days; 45 since last touch"


def test_never_contacted_people_are_suggestions_not_cadence_rows():
    contacts = network(person("never", cadence=14), person("other"))
    items = build_queue(Day(TODAY), contacts, Config(calls_per_day=1, default_cadence_days=30), TODAY)
    assert [(item.contact_id, item.kind) for item in items] == [("never", SUGGESTED)]


def test_tag_cadence_from_config_applies():
    contacts = network(person("mentor", tags=("mentor",), touched_days_ago=20))
    config = Config(calls_per_day=0, tag_cadence={"mentor": 14})
    assert ids(build_queue(Day(TODAY), contacts, config, TODAY)) == ["mentor"]


def test_suggestions_fill_up_to_the_daily_goal_warm_paths_first():
    contacts = network(
        person("recent", touched_days_ago=2),
        person("old", touched_days_ago=200),
        person("warm", touched_days_ago=1),
        person("never"),
        person("planned"),
    )
    day = Day(TODAY, calls=[Call("planned")])
    items = build_queue(day, contacts, Config(calls_per_day=4), TODAY, warm={"warm": "can introduce you to X"})
    assert ids(items) == ["planned", "warm", "never", "old"]
    assert items[1].kind == SUGGESTED
    assert items[1].reason == "can introduce you to X"
    assert items[2].reason == "never contacted"


def test_no_suggestions_once_the_goal_is_reached():
    contacts = network(person("a"), person("b"), person("c"))
    day = Day(TODAY, calls=[Call("a"), Call("b")])
    assert ids(build_queue(day, contacts, Config(calls_per_day=2), TODAY)) == ["a", "b"]


def test_dismissed_people_and_people_touched_today_are_not_suggested():
    contacts = network(person("gone", follow_up=TODAY), person("today", touched_days_ago=0), person("next"))
    day = Day(TODAY, dismissed=["gone"])
    assert ids(build_queue(day, contacts, Config(calls_per_day=5), TODAY)) == ["next"]


def test_a_past_day_shows_only_what_was_planned():
    contacts = network(person("a", follow_up=TODAY - timedelta(days=3)), person("b"))
    yesterday = TODAY - timedelta(days=1)
    day = Day(yesterday, calls=[Call("b", outcome="will")])
    items = build_queue(day, contacts, Config(), TODAY)
    assert ids(items) == ["b"]
    assert items[0].made


def test_a_call_to_a_missing_contact_is_a_visible_problem():
    day = Day(TODAY, calls=[Call("ghost")])
    items = build_queue(day, {}, Config(calls_per_day=0), TODAY)
    assert items[0].problem == "no contact 'ghost' in the data folder"


def test_streak_counts_days_meeting_the_goal():
    t = TODAY.toordinal()
    made = {t - 1: 5, t - 2: 6, t - 3: 2, t - 4: 5}
    assert streak(made, 5, TODAY) == 2
    made[t] = 5
    assert streak(made, 5, TODAY) == 3
    assert streak(made, 0, TODAY) == 0


def test_last_touch_text():
    summary = person("a", touched_days_ago=12)
    now = datetime(2026, 11, 25, 8, tzinfo=UTC)  # earlier in the day than the touch: still 12 days
    assert last_touch_text(summary, now) == "12 days ago, coffee, will"
    assert last_touch_text(person("c", touched_days_ago=1), now) == "yesterday, coffee, will"
    assert last_touch_text(person("b"), now) == "never"
