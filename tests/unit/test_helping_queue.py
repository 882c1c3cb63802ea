"""The help-others queue on fixed data: whom it suggests, in what order, and the words that say why."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pendulum

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call, Day
from networkday.domain.day_score import Gives
from networkday.domain.helping import (
    ASKED,
    INTRODUCED,
    SEARCHING,
    helping_queue,
    landed_last,
    open_ask,
    searching,
    week_gives,
)
from networkday.domain.helping_settings import HelpingSettings
from networkday.domain.queue import FOLLOW_UP, PLANNED
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

BERLIN = pendulum.timezone("Europe/Berlin")
#: A Wednesday: its week began on Monday 23 November.
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=BERLIN)


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def person(name: str, *touches: LogEntry, **fields) -> ContactSummary:
    contact_id = name.lower().replace(" ", "-")
    return ContactSummary.of(Contact(id=contact_id, name=name, log=list(touches), **fields))


def network(*people: ContactSummary) -> dict[str, ContactSummary]:
    return {summary.id: summary for summary in people}


def queue(contacts: dict[str, ContactSummary], day: Day | None = None, gives_per_week: int = 3, today: date = TODAY):
    config = Config(helping=HelpingSettings(gives_per_week=gives_per_week))
    return helping_queue(day or Day(date=today), contacts, config, today, tz=BERLIN)


def test_an_empty_network_suggests_nobody():
    assert queue({}) == []


def test_nobody_searching_asking_or_introduced_suggests_nobody():
    contacts = network(
        person("Ada Lovelace"),
        person("Alan Kay", LogEntry(at=ago(200), outcome="will", gave="a book")),
        person("Grace Hopper", hiring_manager=True, company="Navy Labs"),
    )
    assert queue(contacts) == []


def test_an_unanswered_ask_comes_first_with_its_words_and_always_shows():
    contacts = network(
        person("Sam Lee", LogEntry(at=ago(3), they_asked="a referral at Acme", outcome="talked")),
        person("Jo Park", motives=["searching"]),
    )
    items = queue(contacts, gives_per_week=0)
    assert next((item.contact_id, item.kind) for item in items) == ("sam-lee", ASKED)
    assert items[0].reason == "asked you “a referral at Acme” 3 days ago"
    assert items[0].rank_reason == items[0].reason


def test_a_give_with_or_after_the_ask_answers_it():
    answered_later = person(
        "Sam Lee",
        LogEntry(at=ago(5), they_asked="feedback on my CV"),
        LogEntry(at=ago(1), gave="notes on the CV"),
    )
    answered_at_once = person("Jo Park", LogEntry(at=ago(5), they_asked="an intro", gave="an intro to Dana"))
    assert open_ask(answered_later) is None
    assert open_ask(answered_at_once) is None
    assert queue(network(answered_later, answered_at_once)) == []


def test_a_week_old_introduction_with_no_touch_since_asks_how_it_went():
    dana = person("Dana Okafor")
    sam = person("Sam Lee", LogEntry(at=ago(12), gave="an introduction", introduced=["dana-okafor", "Bo Chen"]))
    items = queue(network(dana, sam))
    assert [(item.contact_id, item.kind) for item in items] == [("sam-lee", INTRODUCED)]
    assert items[0].reason == "you introduced them to Dana Okafor and 1 more 12 days ago: ask how it went"


def test_a_recent_introduction_or_one_followed_by_a_touch_waits():
    fresh = person("Sam Lee", LogEntry(at=ago(2), introduced=["Bo Chen"]))
    followed = person("Jo Park", LogEntry(at=ago(20), introduced=["Bo Chen"]), LogEntry(at=ago(3), outcome="talked"))
    assert queue(network(fresh, followed)) == []


def test_searching_people_are_suggested_by_motive_or_tag_longest_out_of_touch_first():
    contacts = network(
        person("Ann Motive", LogEntry(at=ago(40), outcome="talked"), motives=["searching"]),
        person("Bea Tag", LogEntry(at=ago(90), outcome="talked"), tags=["job-seeker"]),
        person("Cy New", tags=["job-seeker"]),
    )
    items = queue(contacts)
    assert [item.contact_id for item in items] == ["cy-new", "bea-tag", "ann-motive"]
    assert {item.kind for item in items} == {SEARCHING}
    assert [item.reason for item in items] == [
        "job seeker, never contacted",
        "job seeker, out of touch 2 months",
        "searching, out of touch 40 days",
    ]


def test_a_searching_person_touched_within_their_cadence_is_not_suggested():
    recent = person("Ann Recent", LogEntry(at=ago(2), outcome="talked"), motives=["searching"])
    assert queue(network(recent)) == []


def test_someone_whose_latest_touch_says_they_landed_is_not_searching_any_more():
    landed = person(
        "Ann Landed", LogEntry(at=ago(60), landed="Staff engineer at Acme", outcome="talked"), motives=["searching"]
    )
    again = person(
        "Bo Again",
        LogEntry(at=ago(90), landed="a contract"),
        LogEntry(at=ago(45), outcome="talked"),
        tags=["job-seeker"],
    )
    assert landed_last(landed)
    assert not searching(landed)
    assert not landed_last(again)
    assert searching(again)
    assert [item.contact_id for item in queue(network(landed, again))] == ["bo-again"]


def test_the_rest_fills_the_gives_left_this_week_and_always_offers_one():
    seekers = [person(f"Seeker {n}", motives=["searching"]) for n in range(5)]
    giver = person("Given To", LogEntry(at=ago(1), gave="a lead"), LogEntry(at=ago(0.5), gave="an article"))
    contacts = network(*seekers, giver)
    assert len(queue(contacts, gives_per_week=4)) == 2  # four a week, two given since Monday
    assert len(queue(contacts, gives_per_week=2)) == 1  # met: one more all the same
    assert len(queue(contacts, gives_per_week=10)) == 5  # as many as there are


def test_commitments_come_first_and_are_not_suggested_twice():
    contacts = network(
        person("Ann Planned", motives=["searching"]),
        person("Bo Due", motives=["searching"], follow_up=TODAY),
        person("Cy Dismissed", motives=["searching"]),
    )
    day = Day(date=TODAY, calls=[Call("ann-planned")], dismissed=["cy-dismissed"])
    items = queue(contacts, day)
    assert [(item.contact_id, item.kind) for item in items] == [("ann-planned", PLANNED), ("bo-due", FOLLOW_UP)]


def test_a_past_day_shows_only_its_plan():
    contacts = network(person("Ann Seeker", motives=["searching"]))
    day = Day(date=TODAY - timedelta(days=1), calls=[Call("ann-seeker")])
    assert [item.kind for item in queue(contacts, day)] == [PLANNED]


def test_odd_records_never_break_the_queue():
    """An introduction to nobody named, blank asks, a landed with no other touch, unknown ids, control characters."""
    contacts = network(
        person("Blank Ask", LogEntry(at=ago(3), they_asked="   ")),
        person("Ghost Intro", LogEntry(at=ago(30), introduced=["no-such-person"])),
        person("Only Landed", LogEntry(at=ago(30), landed="a job"), motives=["searching"]),
        person("Bell", LogEntry(at=ago(3), they_asked="help\x1b[31m\x07 now"), tags=["job-seeker"]),
    )
    items = {item.contact_id: item for item in queue(contacts, gives_per_week=5)}
    assert "blank-ask" not in items
    assert "only-landed" not in items
    assert items["ghost-intro"].reason.startswith("you introduced them to no-such-person 30 days ago")
    assert "\x1b" not in items["bell"].reason
    assert "\x07" not in items["bell"].reason


def test_week_gives_count_touches_that_gave_since_monday_in_the_local_zone():
    monday_early = datetime(2026, 11, 23, 0, 30, tzinfo=BERLIN)  # Sunday evening in UTC
    sunday_late = datetime(2026, 11, 22, 23, 30, tzinfo=BERLIN)
    contacts = network(
        person("Ann", LogEntry(at=monday_early, gave="a lead"), LogEntry(at=sunday_late, gave="a book")),
        person("Bo", LogEntry(at=ago(0.1), gave="an intro"), LogEntry(at=ago(0.2), asked="a favour")),
    )
    assert week_gives(contacts.values(), TODAY, BERLIN, 3) == Gives(2, 3)
    assert not Gives(2, 3).met
    assert Gives(3, 3).met
    assert not Gives(5, 0).met
