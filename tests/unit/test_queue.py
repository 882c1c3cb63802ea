"""The queue's rules, one test per rule, on fixed dates: commitments always, the rest ranked up to the goal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call, Day
from networkday.domain.queue import CADENCE, FOLLOW_UP, PLANNED, SUGGESTED, build_queue, last_touch_text
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

TODAY = date(2026, 11, 25)
NOON = datetime(2026, 11, 25, 12, tzinfo=UTC)


def person(
    cid: str,
    *,
    follow_up: date | None = None,
    cadence: int | None = None,
    touched_days_ago: int | None = None,
    outcome: str = "talked",
    tags: tuple[str, ...] = (),
    company: str = "",
    hiring_manager: bool = False,
    referred_by: str | None = None,
    connected: date | None = None,
) -> ContactSummary:
    contact = Contact(
        id=cid,
        name=cid.title(),
        follow_up=follow_up,
        cadence_days=cadence,
        tags=list(tags),
        company=company,
        hiring_manager=hiring_manager,
        referred_by=referred_by,
        connected=connected,
    )
    if touched_days_ago is not None:
        contact.log.append(LogEntry(at=NOON - timedelta(days=touched_days_ago), channel="coffee", outcome=outcome))
    return ContactSummary.of(contact)


def network(*people: ContactSummary) -> dict[str, ContactSummary]:
    return {p.id: p for p in people}


def queue(day: Day, contacts: dict[str, ContactSummary], config: Config, today: date = TODAY):
    return build_queue(day, contacts, config, today, is_target=config.is_target)


def ids(items) -> list[str]:
    return [item.contact_id for item in items]


def test_planned_calls_come_first_in_saved_order():
    contacts = network(person("ann"), person("bob", follow_up=TODAY), person("cat"))
    day = Day(TODAY, calls=[Call("cat"), Call("ann")])
    items = queue(day, contacts, Config(calls_per_day=0))
    assert ids(items) == ["cat", "ann", "bob"]
    assert [item.kind for item in items] == [PLANNED, PLANNED, FOLLOW_UP]
    assert [item.rank_reason for item in items] == ["planned", "planned", "follow-up due"]


def test_a_person_touched_three_times_is_one_row_with_their_last_outcome():
    contacts = network(person("ann"), person("bob"))
    at = NOON - timedelta(hours=3)
    calls = [
        Call("ann", outcome="no-answer", at=at),
        Call("bob", purpose="ask about Acme"),
        Call("ann", outcome="left-message", at=at + timedelta(hours=1)),
        Call("ann", outcome="will", at=at + timedelta(hours=2)),
    ]
    items = queue(Day(TODAY, calls=calls), contacts, Config(calls_per_day=0))
    assert ids(items) == ["ann", "bob"]
    assert items[0].outcome == "will"
    assert items[0].call_index == 3
    assert not items[1].made


def test_a_call_scheduled_later_the_same_day_keeps_the_row_open_with_its_time():
    """Still to do, so never shown as done; one row; the next touch marks that call (index 1)."""
    contacts = network(person("ann"))
    calls = [
        Call("ann", outcome="scheduled", at=NOON, time="10:00"),
        Call("ann", purpose="scheduled", time="15:00"),
    ]
    [item] = queue(Day(TODAY, calls=calls), contacts, Config(calls_per_day=0))
    assert (item.made, item.time, item.call_index, item.purpose) == (False, "15:00", 1, "scheduled")


def test_an_open_call_without_a_time_does_not_take_the_made_calls_time():
    contacts = network(person("ann"))
    calls = [Call("ann", outcome="scheduled", at=NOON, time="10:00"), Call("ann")]
    [item] = queue(Day(TODAY, calls=calls), contacts, Config(calls_per_day=0))
    assert (item.made, item.time, item.call_index) == (False, "", 1)


def test_follow_ups_due_oldest_first_with_days_overdue():
    contacts = network(
        person("late", follow_up=TODAY - timedelta(days=4)),
        person("due", follow_up=TODAY),
        person("later", follow_up=TODAY + timedelta(days=1)),
        person("oldest", follow_up=TODAY - timedelta(days=9)),
    )
    items = queue(Day(TODAY), contacts, Config(calls_per_day=0))
    assert ids(items) == ["oldest", "late", "due"]
    assert items[0].reason == "follow-up 9 days overdue"
    assert items[0].overdue_days == 9
    assert items[2].reason == "follow-up due"


def test_commitments_beyond_the_goal_all_show_and_nothing_is_added():
    contacts = network(
        *(person(f"p{n}") for n in range(3)),
        person("due1", follow_up=TODAY),
        person("due2", follow_up=TODAY - timedelta(days=1)),
        person("hm", company="Acme", hiring_manager=True),
    )
    day = Day(TODAY, calls=[Call("p0"), Call("p1"), Call("p2")])
    items = queue(day, contacts, Config(calls_per_day=2, targets=("Acme",)))
    assert ids(items) == ["p0", "p1", "p2", "due2", "due1"]


def test_the_rest_of_the_day_is_filled_up_to_the_goal_and_no_further():
    contacts = network(person("planned"), *(person(f"never{n}") for n in range(20)))
    items = queue(Day(TODAY, calls=[Call("planned")]), contacts, Config(calls_per_day=5))
    assert len(items) == 5
    assert ids(items) == ["planned", "never0", "never1", "never10", "never11"]  # name order among equals


def test_every_tier_in_order_with_its_reason():
    contacts = network(
        person("stale", touched_days_ago=100),
        person("never"),
        person("helper", touched_days_ago=40, outcome="will"),
        person("maya", touched_days_ago=60),
        person("newt", referred_by="maya"),
        person("insider", company="Acme", touched_days_ago=50),
        person("root", touched_days_ago=70),
        person("ref", referred_by="root", touched_days_ago=70),
        person("dana", company="Acme", hiring_manager=True, referred_by="ref", touched_days_ago=45),
        person("other-hm", company="Initech", hiring_manager=True, touched_days_ago=300),
    )
    items = queue(Day(TODAY), contacts, Config(calls_per_day=20, targets=("Acme",)))
    assert [(item.contact_id, item.rank_reason) for item in items] == [
        ("dana", "hiring manager at Acme (target)"),
        ("ref", "one step from Dana, hiring manager at Acme"),
        ("root", "2 steps from Dana, hiring manager at Acme"),
        ("insider", "works at Acme (target)"),
        ("newt", "referred by Maya, never contacted"),
        ("helper", "said they'd help"),
        ("other-hm", "out of touch 9 months"),
        ("stale", "out of touch 3 months"),
        ("maya", "out of touch 2 months"),
        ("never", "never contacted"),
    ]
    assert all(item.reason == item.rank_reason for item in items)


def test_within_a_tier_the_longest_out_of_touch_comes_first_then_names():
    contacts = network(
        person("zed", company="Acme", hiring_manager=True, touched_days_ago=90),
        person("amy", company="Acme", hiring_manager=True, touched_days_ago=40),
        person("bea", company="Acme", hiring_manager=True, touched_days_ago=90),
        person("cy", company="Acme", hiring_manager=True),
    )
    items = queue(Day(TODAY), contacts, Config(calls_per_day=4, targets=("Acme",)))
    assert ids(items) == ["cy", "bea", "zed", "amy"]


def test_the_target_test_is_a_parameter_of_the_ranking():
    contacts = network(person("plain", touched_days_ago=400), person("pat", company="Pied Piper", touched_days_ago=40))
    config = Config(calls_per_day=1)
    assert ids(queue(Day(TODAY), contacts, config)) == ["plain"]
    items = build_queue(Day(TODAY), contacts, config, TODAY, is_target=lambda company: company == "Pied Piper")
    assert [(item.contact_id, item.rank_reason) for item in items] == [("pat", "works at Pied Piper (target)")]


def test_only_people_due_for_a_touch_fill_the_day():
    contacts = network(
        person("fresh", cadence=30, touched_days_ago=10),
        person("stale", cadence=30, touched_days_ago=45),
        person("recent", touched_days_ago=20),  # no cadence anywhere: due again after 30 days
        person("old", touched_days_ago=31),
        person("mentor", tags=("mentor",), touched_days_ago=20),
        person("booked", touched_days_ago=400, follow_up=TODAY + timedelta(days=3)),
        person("today", touched_days_ago=0),
    )
    config = Config(calls_per_day=10, tag_cadence={"mentor": 14})
    assert sorted(ids(queue(Day(TODAY), contacts, config))) == ["mentor", "old", "stale"]


def test_the_default_cadence_decides_who_is_due_when_set():
    contacts = network(person("a", touched_days_ago=40), person("b", touched_days_ago=100))
    assert ids(queue(Day(TODAY), contacts, Config(calls_per_day=5, default_cadence_days=90))) == ["b"]


def test_past_a_cadence_the_user_set_a_row_is_a_keep_in_touch_row_else_a_suggestion():
    contacts = network(person("kept", cadence=30, touched_days_ago=45), person("quiet", touched_days_ago=45))
    items = queue(Day(TODAY), contacts, Config(calls_per_day=5))
    assert {item.contact_id: item.kind for item in items} == {"kept": CADENCE, "quiet": SUGGESTED}


def test_dismissed_and_planned_people_are_not_ranked_again():
    contacts = network(person("gone", follow_up=TODAY), person("x", touched_days_ago=50), person("next"))
    day = Day(TODAY, calls=[Call("x")], dismissed=["gone"])
    assert ids(queue(day, contacts, Config(calls_per_day=5))) == ["x", "next"]


def test_an_imported_connection_is_never_contacted_however_old_the_connection():
    contacts = network(
        person("linked", connected=date(2014, 3, 7)),
        person("talked", touched_days_ago=45),
    )
    items = queue(Day(TODAY), contacts, Config(calls_per_day=5))
    assert [(item.contact_id, item.rank_reason) for item in items] == [
        ("talked", "out of touch 45 days"),
        ("linked", "never contacted"),
    ]
    assert last_touch_text(contacts["linked"], NOON) == "never"


def test_a_past_day_shows_only_what_was_planned():
    contacts = network(person("a", follow_up=TODAY - timedelta(days=3)), person("b"))
    yesterday = TODAY - timedelta(days=1)
    day = Day(yesterday, calls=[Call("b", outcome="will")])
    items = queue(day, contacts, Config())
    assert ids(items) == ["b"]
    assert items[0].made


def test_a_call_to_a_missing_contact_is_a_visible_problem():
    day = Day(TODAY, calls=[Call("ghost")])
    items = queue(day, {}, Config(calls_per_day=0))
    assert items[0].problem == "no contact 'ghost' in the data folder"


def test_last_touch_text():
    summary = person("a", touched_days_ago=12, outcome="will")
    now = datetime(2026, 11, 25, 8, tzinfo=UTC)  # earlier in the day than the touch: still 12 days
    assert last_touch_text(summary, now) == "12 days ago, coffee, will help"
    assert last_touch_text(person("c", touched_days_ago=1, outcome="wont"), now) == "yesterday, coffee, won't help"
    assert last_touch_text(person("b"), now) == "never"
    assert last_touch_text(person("d", touched_days_ago=4640, outcome="left-message"), now) == (
        "12 years ago, coffee, left a message"
    )
