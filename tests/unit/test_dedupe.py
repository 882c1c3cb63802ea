"""Recognising people an import brings in, and merging without overwriting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.dedupe import PeopleIndex, merge_record, name_key, profile_key, same_touch
from networkday.domain.incoming import Record

AT = datetime(2025, 12, 7, 12, tzinfo=UTC)
DAY = AT.date()


@pytest.mark.parametrize(
    "link",
    [
        "https://www.linkedin.com/in/jane-doe",
        "https://www.linkedin.com/in/Jane-Doe/",
        "http://uk.linkedin.com/in/jane-doe?trk=profile",
        "linkedin.com/in/jane-doe",
        "www.linkedin.com/in/jane-doe#about",
    ],
)
def test_spellings_of_one_profile_are_one_key(link):
    assert profile_key(link) == "linkedin.com/in/jane-doe"


@pytest.mark.parametrize(
    "link", ["https://www.ibm.com", "https://www.linkedin.com/company/ibm", "https://evil.com/linkedin.com/in/x", ""]
)
def test_links_that_are_not_profiles_identify_no_one(link):
    assert profile_key(link) is None


def test_name_keys_ignore_case_accents_and_punctuation_but_keep_every_script():
    assert name_key("Élodie  MARCHAND") == name_key("elodie marchand")
    assert name_key("Daniel O'Connor") == "daniel o connor"
    assert name_key("Sam 🚀 Okoye") == "sam okoye"
    assert name_key("李娜") == "李娜"
    assert name_key("李娜") != name_key("王芳")


def index_of(*people: tuple[str, str, str, list[str], list[str]]) -> PeopleIndex:
    index = PeopleIndex()
    for key, name, company, emails, links in people:
        index.add(key, name, company, emails, links)
    return index


def test_email_wins_over_everything_and_ignores_case():
    index = index_of(("ann", "Ann Lee", "Acme", ["Ann@Example.com"], []), ("bob", "Bob Ray", "Acme", [], []))
    assert index.match(Record(line=1, name="Bob Ray", company="Acme", email=["ann@example.COM"])) == "ann"


def test_then_the_same_profile_whatever_the_name():
    index = index_of(("ann", "Ann Lee", "Acme", [], ["https://www.linkedin.com/in/ann-lee"]))
    assert index.match(Record(line=1, name="Annie Lee-Smith", links=["http://linkedin.com/in/Ann-Lee/"])) == "ann"


def test_then_name_and_company_together_with_placeholders_as_no_company():
    index = index_of(("ann", "Ann Lee", "Acme, Inc.", [], []), ("chris", "Chris Mbeki", "", [], []))
    assert index.match(Record(line=1, name="ann LEE", company="Acme")) == "ann"
    assert index.match(Record(line=1, name="Ann Lee", company="Globex")) is None
    assert index.match(Record(line=1, name="Chris Mbeki", company="Self-employed")) == "chris"


def test_same_name_different_profiles_stay_apart_even_at_one_company():
    index = index_of(("j1", "Jordan Reese", "Northwind", [], ["https://www.linkedin.com/in/jordan-reese-1"]))
    other = Record(
        line=2, name="Jordan Reese", company="Northwind", links=["https://www.linkedin.com/in/jordan-reese-2"]
    )
    assert index.match(other) is None
    index.add("j2", other.name, other.company, [], other.links)
    assert index.likely("j1") == []  # told apart by their profiles: nothing to check


def test_same_name_elsewhere_with_nothing_to_tell_them_apart_is_a_likely_duplicate():
    index = index_of(("a1", "Ann Lee", "Acme", ["ann@acme.example"], []), ("a2", "Ann Lee", "Globex", [], []))
    assert index.likely("a1") == ["a2"]
    assert index.likely("a2") == ["a1"]


def test_find_resolves_emails_and_unique_names_only():
    index = index_of(
        ("ann", "Ann Lee", "Acme", ["ann@acme.example"], []),
        ("b1", "Bob Ray", "", [], []),
        ("b2", "Bob Ray", "Globex", [], []),
    )
    assert index.find("mailto:ANN@acme.example") == "ann"
    assert index.find("ann lee") == "ann"
    assert index.find("Bob Ray") is None  # two people: no guess
    assert index.find("nobody@example.com") is None


def connected(day: date = DAY, note: str = "Connected on LinkedIn") -> LogEntry:
    return LogEntry(at=datetime.combine(day, AT.timetz()), channel="message", note=note)


def test_merge_fills_only_empty_fields_and_never_overwrites():
    contact = Contact(id="ann", name="Ann Lee", company="Acme (my note)", notes="met at PyCon", cadence_days=30)
    record = Record(
        line=3,
        name="Ann LEE",
        company="Acme",
        title="CTO",
        notes="from the export",
        cadence_days=7,
        follow_up=date(2026, 1, 5),
        hiring_manager=True,
    )
    assert merge_record(contact, record)
    assert (contact.name, contact.company, contact.notes, contact.cadence_days) == (
        "Ann Lee",
        "Acme (my note)",
        "met at PyCon",
        30,
    )
    assert (contact.title, contact.follow_up, contact.hiring_manager) == ("CTO", date(2026, 1, 5), True)


def test_merge_unions_lists_without_repeats_in_other_spellings():
    contact = Contact(
        id="ann",
        name="Ann",
        email=["Ann@Acme.example"],
        phone=["+1 905-555-1234"],
        links=["https://www.linkedin.com/in/ann/"],
        tags=["Friends"],
    )
    record = Record(
        line=1,
        name="Ann",
        email=["ann@acme.example", "ann@home.example"],
        phone=["+1 (905) 555 1234", "905-666-1234"],
        links=["http://linkedin.com/in/ann", "https://ann.example"],
        tags=["friends", "PyCon"],
    )
    merge_record(contact, record)
    assert contact.email == ["Ann@Acme.example", "ann@home.example"]
    assert contact.phone == ["+1 905-555-1234", "905-666-1234"]
    assert contact.links == ["https://www.linkedin.com/in/ann/", "https://ann.example"]
    assert contact.tags == ["Friends", "PyCon"]


def test_history_entry_added_once_in_time_order_and_a_second_merge_changes_nothing():
    mine = LogEntry(at=AT + timedelta(days=30), channel="phone", outcome="talked", note="coffee next week")
    contact = Contact(id="ann", name="Ann", log=[mine])
    record = Record(line=1, name="Ann", log=[connected()])
    assert merge_record(contact, record)
    assert [entry.note for entry in contact.log] == ["Connected on LinkedIn", "coffee next week"]
    assert not merge_record(contact, record)
    assert not merge_record(contact, Record(line=1, name="Ann", log=[connected()]))
    assert len(contact.log) == 2


def test_the_same_day_from_another_time_zone_is_the_same_touch():
    here = connected()
    there = LogEntry(at=here.at.replace(tzinfo=timezone(timedelta(hours=-5))), channel="message", note=here.note)
    assert same_touch(here, there)
    assert not same_touch(here, connected(note="Met at the meetup"))
    assert not same_touch(here, connected(day=AT.date() + timedelta(days=1)))


def test_incoming_text_is_cleaned_once():
    record = Record(
        line=1,
        name="  Ann\x1b[31m  Lee\n",
        company="Acme\x07",
        email=["mailto:ann@acme.example", " ", "ANN@acme.example"],
        notes="line one\r\nline two\x00",
        motives=["curiosity", "bribes"],
    )
    assert record.name == "Ann[31m Lee"
    assert record.company == "Acme"
    assert record.email == ["ann@acme.example"]
    assert record.notes == "line one\nline two"
    assert record.motives == ["curiosity"]


def test_a_record_without_a_name_takes_its_email_and_without_either_is_refused():
    assert Record(line=1, name="", email=["ann@acme.example"]).name == "ann@acme.example"
    assert Record(line=1, name=" ").problem() == "no name and no email address"
    assert "longer than" in Record(line=1, name="x" * 500).problem()


def test_a_namesake_without_a_profile_may_be_anyone_with_the_name():
    index = index_of(
        ("p1", "Sam Kim", "Acme", [], ["https://www.linkedin.com/in/sam-1"]),
        ("p2", "Sam Kim", "Globex", [], ["https://www.linkedin.com/in/sam-2"]),
        ("bare", "Sam Kim", "Initech", [], []),
    )
    assert index.likely("bare") == ["p1", "p2"]
    assert index.likely("p1") == ["bare"]
    index.add("bare", "Sam Kim", "Initech", [], ["https://www.linkedin.com/in/sam-3"])  # now told apart too
    assert index.likely("p1") == []
    assert index.likely("bare") == []
