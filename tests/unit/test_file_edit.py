"""The three-way merge of a hand-edited contact file: fields, unknown keys and history."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.file_edit import apply_file_edit


def touch(day: int, note: str = "", touch_id: str = "") -> LogEntry:
    return LogEntry(
        at=datetime(2026, 11, day, 10, tzinfo=UTC), channel="phone", outcome="talked", note=note, id=touch_id
    )


def jane() -> Contact:
    return Contact(
        id="jane", name="Jane", title="CTO", log=[touch(1, "one", "a"), touch(2, "two", "b")], extra={"x": 1}
    )


def test_fields_only_the_edit_changed_are_taken_and_the_file_keeps_its_own() -> None:
    base, edited, current = jane(), jane(), jane()
    edited.title = "CEO"
    current.company = "Acme"
    assert apply_file_edit(current, base, edited) == []
    assert (current.title, current.company) == ("CEO", "Acme")


def test_unknown_keys_merge_one_by_one() -> None:
    base, edited, current = jane(), jane(), jane()
    edited.extra = {"y": 2}  # x removed, y added
    current.extra = {"x": 1, "z": 3}  # z added meanwhile
    assert apply_file_edit(current, base, edited) == []
    assert current.extra == {"y": 2, "z": 3}


def test_an_unknown_key_both_changed_differently_clashes() -> None:
    base, edited, current = jane(), jane(), jane()
    edited.extra = {"x": 2}
    current.extra = {"x": 3}
    assert apply_file_edit(current, base, edited) == ["x"]


def test_a_touch_fixed_in_the_edit_and_one_logged_meanwhile_are_both_kept() -> None:
    base, edited, current = jane(), jane(), jane()
    edited.log[0].note = "one, fixed"
    current.log.append(touch(3, "three", "c"))
    assert apply_file_edit(current, base, edited) == []
    assert [entry.note for entry in current.log] == ["one, fixed", "two", "three"]
    assert current.log[0].id == "a"


def test_a_touch_removed_in_the_edit_goes() -> None:
    base, edited, current = jane(), jane(), jane()
    del edited.log[1]
    assert apply_file_edit(current, base, edited) == []
    assert [entry.note for entry in current.log] == ["one"]


def test_a_touch_the_edit_changed_that_changed_meanwhile_too_clashes() -> None:
    base, edited, current = jane(), jane(), jane()
    edited.log[0].note = "mine"
    current.log[0].note = "theirs"
    before = copy.deepcopy(current.log)
    assert apply_file_edit(current, base, edited) == ["log"]
    assert current.log == before


def test_the_same_change_on_both_sides_is_no_clash_and_not_doubled() -> None:
    base, edited, current = jane(), jane(), jane()
    edited.log.append(touch(4, "four", "d"))
    current.log.append(touch(4, "four", "d"))
    edited.title = current.title = "CEO"
    assert apply_file_edit(current, base, edited) == []
    assert [entry.note for entry in current.log] == ["one", "two", "four"]
