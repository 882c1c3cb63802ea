"""Touch ids: kept through a rewrite, amended by id with three-way clashes, one touch once in a merge."""

from __future__ import annotations

from datetime import UTC, date, datetime

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Day
from networkday.domain.merge import merge_logs
from networkday.domain.touch import KEEP, TouchDetails, amend_touch, apply_touch, mark_call
from networkday.exporters.table import history_csv

AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def ada(*entries: LogEntry, follow_up: date | None = None) -> Contact:
    return Contact(id="ada", name="Ada", log=list(entries), follow_up=follow_up)


def test_ids_survive_a_rewrite_of_contact_and_day() -> None:
    contact = ada()
    entry = LogEntry(at=AT, channel="phone", outcome="talked")
    apply_touch(contact, entry)
    day = Day(date=AT.date())
    mark_call(day, entry, "ada")
    again = Contact.from_dict("ada", contact.to_dict())
    assert again.log[0].id == entry.id != ""
    assert Day.from_dict(day.to_dict()).calls[0].touch == entry.id


def test_the_prompt_amends_its_own_touch_not_another_in_the_same_second() -> None:
    mine = LogEntry(at=AT, channel="phone", outcome="talked", id="mine")
    theirs = LogEntry(at=AT, channel="phone", outcome="talked", note="from-cli", id="theirs")
    contact = ada(mine, theirs)
    assert amend_touch(contact, "mine", TouchDetails(), TouchDetails(note="from the prompt")) == []
    assert [(e.id, e.note) for e in contact.log] == [("mine", "from the prompt"), ("theirs", "from-cli")]


def test_a_hand_edit_of_the_same_field_meanwhile_is_a_clash_and_nothing_is_overwritten() -> None:
    contact = ada(LogEntry(at=AT, channel="phone", outcome="talked", note="typed in the editor", id="t"))
    contact.follow_up = date(2026, 12, 9)
    base = TouchDetails(follow_up=None)
    typed = TouchDetails(note="typed in the prompt", gave="an intro", follow_up=date(2026, 12, 1))
    assert amend_touch(contact, "t", base, typed) == ["note", "follow_up"]
    assert contact.log[0].note == "typed in the editor"
    assert contact.follow_up == date(2026, 12, 9)


def test_no_clash_when_the_file_changed_another_field_or_made_the_same_change() -> None:
    contact = ada(LogEntry(at=AT, channel="phone", outcome="talked", note="same", asked="x", id="t"))
    typed = TouchDetails(note="same", gave="an intro", follow_up=KEEP)
    assert amend_touch(contact, "t", TouchDetails(), typed) == []
    assert (contact.log[0].note, contact.log[0].gave, contact.log[0].asked) == ("same", "an intro", "x")


def test_a_touch_removed_meanwhile_is_reported() -> None:
    assert amend_touch(ada(), "gone", TouchDetails(), TouchDetails(note="n")) == ["touch"]


def test_merging_keeps_two_touches_with_their_own_ids_and_joins_one_touch_seen_twice() -> None:
    one = LogEntry(at=AT, channel="phone", outcome="talked", id="a")
    twin = LogEntry(at=AT, channel="phone", outcome="talked", id="b")
    amended = LogEntry(at=AT, channel="phone", outcome="talked", note="later words", id="a")
    merged, _ = merge_logs([one], [twin, amended])
    assert [(e.id, e.note) for e in merged] == [("a", "later words"), ("b", "")]
    legacy = LogEntry(at=AT, channel="phone", outcome="talked")
    assert [e.id for e in merge_logs([one], [legacy])[0]] == ["a"]


def test_joining_one_touch_keeps_both_different_notes() -> None:
    first = LogEntry(at=AT, note="from here", id="a")
    second = LogEntry(at=AT, note="from there", id="a")
    (joined,), _ = merge_logs([first], [second])
    assert joined.note == "from here\nfrom there"


def test_the_history_export_names_each_touch() -> None:
    rows = history_csv([ada(LogEntry(at=AT, channel="phone", outcome="talked", id="9f3c02ab"))]).decode().splitlines()
    assert rows[0].endswith(",note,touch")
    assert rows[1].endswith(",9f3c02ab")
