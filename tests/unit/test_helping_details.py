"""The prompt's helping details and what they gained: whom you introduced read from names, and a three-way save."""

from __future__ import annotations

from datetime import UTC, date, datetime

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.introduced import introduced_from
from networkday.domain.search import SearchIndex
from networkday.domain.summary import ContactSummary
from networkday.domain.touch import TouchDetails, amend_touch

AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def network(*names: tuple[str, str]) -> dict[str, ContactSummary]:
    return {cid: ContactSummary.of(Contact(id=cid, name=name)) for cid, name in names}


PEOPLE = network(
    ("jose-alvarez", "José Álvarez"), ("ann-lee", "Ann Lee"), ("ann-lee-2", "Ann Lee"), ("ellen", "Ellen O'Connor")
)
NAMED = SearchIndex(PEOPLE.values()).named


def introduced(text: str) -> tuple[str, ...]:
    return introduced_from(text, PEOPLE, NAMED)


def test_an_id_stays_and_a_name_only_one_person_has_becomes_their_id() -> None:
    assert introduced("ann-lee, jose alvarez") == ("ann-lee", "jose-alvarez")  # case and accents aside
    assert introduced("ellen o connor") == ("ellen",)  # and punctuation, as the search


def test_a_shared_name_a_stranger_or_part_of_a_name_is_kept_as_typed() -> None:
    assert introduced("Ann Lee; Niklaus  Wirth") == ("Ann Lee", "Niklaus Wirth")
    assert introduced("José") == ("José",)


def test_empty_parts_repeats_and_control_characters_go() -> None:
    assert introduced(" , José Álvarez,, jose-alvarez ,\x1b[31mBob") == ("jose-alvarez", "[31mBob")
    assert introduced("") == ()


def entry(**fields: object) -> LogEntry:
    return LogEntry(at=AT, channel="phone", outcome="talked", id="t", **fields)  # type: ignore[arg-type]


def test_the_helping_fields_and_the_gain_are_added_to_the_touch() -> None:
    contact = Contact(id="ada", name="Ada", log=[entry()])
    typed = TouchDetails(gained="a lead", they_asked="a reference", introduced=("ann-lee",), landed="a PM role")
    assert amend_touch(contact, "t", TouchDetails.of(contact, contact.log[0]), typed) == []
    touch = contact.log[0]
    assert (touch.gained, touch.they_asked, touch.introduced, touch.landed) == (
        "a lead",
        "a reference",
        ["ann-lee"],
        "a PM role",
    )
    assert Contact.from_dict("ada", contact.to_dict()).log[0].introduced == ["ann-lee"]


def test_a_helping_field_changed_on_disk_meanwhile_is_a_clash_and_kept() -> None:
    contact = Contact(id="ada", name="Ada", log=[entry(introduced=["bob"], landed="from the editor")])
    base = TouchDetails(follow_up=None)
    typed = TouchDetails(introduced=("ann-lee",), landed="typed", they_asked="a reference", follow_up=None)
    assert amend_touch(contact, "t", base, typed) == ["landed", "introduced"]
    assert (contact.log[0].introduced, contact.log[0].landed) == (["bob"], "from the editor")
    assert contact.log[0].they_asked == "a reference"  # a field only the prompt changed still lands


def test_the_same_introduction_on_disk_is_no_clash() -> None:
    contact = Contact(id="ada", name="Ada", log=[entry(introduced=["ann-lee"])])
    assert amend_touch(contact, "t", TouchDetails(), TouchDetails(introduced=("ann-lee",))) == []


def test_a_drafts_base_keeps_every_field_and_an_old_one_reads_as_empty() -> None:
    details = TouchDetails(
        gave="g", gained="x", they_asked="y", introduced=("ann-lee", "Bob"), landed="z", follow_up=date(2026, 12, 1)
    )
    assert TouchDetails.from_table(details.table()) == details
    old = {"gave": "g", "asked": "", "note": ""}  # a draft kept before these fields existed
    assert TouchDetails.from_table(old) == TouchDetails(gave="g", follow_up=None)
    assert TouchDetails.from_table({"introduced": "not a list"}).introduced == ()
    assert details.shown("introduced") == "ann-lee, Bob"


def test_a_calls_end_puts_every_field_on_its_new_touch() -> None:
    touch = LogEntry(at=AT)
    TouchDetails(gave="g", asked="a", gained="x", they_asked="y", introduced=("ann-lee",), landed="z").put_on(touch)
    assert (touch.gave, touch.asked, touch.gained, touch.they_asked, touch.introduced, touch.landed) == (
        "g",
        "a",
        "x",
        "y",
        ["ann-lee"],
        "z",
    )
