"""A person added on both machines: one person when the merge is clean, else kept apart and flagged."""

from __future__ import annotations

from datetime import UTC, datetime

from networkday.domain.contact import Contact
from networkday.domain.merge import merge_into
from networkday.domain.sync_duplicates import FLAG, MARKER, flagged, merge_added_on_both, retarget_ours, split

AT = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def touch(touch_id: str) -> dict:
    return {"at": AT, "id": touch_id, "channel": "phone"}


def test_a_clean_add_on_both_sides_is_one_person_with_both_touches() -> None:
    ours = {"format": 1, "name": "Ada", "tags": ["a"], "log": [touch("aaaa0001")]}
    theirs = {"format": 1, "name": "Ada", "tags": ["b"], "company": "Acme", "log": [touch("bbbb0002")]}
    merged = merge_added_on_both(ours, theirs, "origin/main", AT)
    assert merged["tags"] == ["a", "b"]
    assert merged["company"] == "Acme"  # set on one side only: no value differs
    assert [entry["id"] for entry in merged["log"]] == ["aaaa0001", "bbbb0002"]
    assert MARKER not in merged
    assert "conflict" not in merged


def test_a_value_that_differs_folds_nothing_in_and_holds_theirs_whole() -> None:
    ours = {"format": 1, "name": "Ada", "title": "Engineer", "log": [touch("aaaa0001")]}
    theirs = {"format": 1, "name": "Ada", "title": "Poet", "tags": ["b"], "log": [touch("bbbb0002")]}
    merged = merge_added_on_both(ours, theirs, "origin/main", AT)
    assert {key: value for key, value in merged.items() if key != MARKER} == ours
    assert merged[MARKER] == theirs
    assert "conflict" not in merged


def test_the_split_keeps_theirs_under_the_id_and_moves_ours_each_flagged_with_the_others_id() -> None:
    ours = {"format": 1, "name": "Ada", "title": "Engineer"}
    theirs = {"format": 1, "name": "Ada", "title": "Poet"}
    pair = split({**ours, MARKER: theirs}, "ada", "ada-2")
    assert pair == ({**theirs, FLAG: "ada-2"}, {**ours, FLAG: "ada"})
    assert split(ours, "ada", "ada-2") is None  # no marker: nothing to split
    assert split({**ours, MARKER: "not a table"}, "ada", "ada-2") is None


def test_only_the_references_our_side_added_follow_the_moved_record() -> None:
    base = {"referred_by": "kim", "log": [{"id": "t1", "introduced": ["ada"]}], "call": [{"contact": "ada"}]}
    ours = {
        "referred_by": "ada",
        "log": [{"id": "t1", "introduced": ["ada"]}, {"id": "t2", "introduced": ["ada", "bo"]}],
        "call": [{"contact": "ada"}, {"contact": "ada", "at": "10:00"}, {"contact": "ada", "touch": "t9"}],
    }
    table = {**ours, "log": [*ours["log"], {"id": "t3", "introduced": ["ada"]}]}  # t3 came from theirs
    assert retarget_ours(table, base, ours, "ada", "ada-2")
    assert table["referred_by"] == "ada-2"
    assert [entry["introduced"] for entry in table["log"]] == [["ada"], ["ada-2", "bo"], ["ada"]]
    assert [call["contact"] for call in table["call"]] == ["ada", "ada-2", "ada"]  # made calls follow their touch
    assert not retarget_ours({"referred_by": "ada"}, {"referred_by": "ada"}, {"referred_by": "ada"}, "ada", "ada-2")
    assert not retarget_ours({"referred_by": "ada"}, None, None, "ada", "ada-2")  # theirs alone named it


def test_a_flag_is_a_non_empty_text_or_nothing() -> None:
    assert flagged({FLAG: "ada-2"}) == "ada-2"
    assert flagged({FLAG: ""}) is None
    assert flagged({FLAG: 3}) is None
    assert flagged({}) is None


def test_merging_the_flagged_pair_drops_the_flag_from_the_kept_record() -> None:
    keep = Contact(id="ada", name="Ada", title="Engineer", extra={FLAG: "ada-2"})
    gone = Contact(id="ada-2", name="Ada", title="Poet", extra={FLAG: "ada"})
    merge_into(keep, gone)
    assert FLAG not in keep.extra
    assert FLAG not in keep.notes  # not "likely_duplicate_of was ada" either
    assert "title was Poet" in keep.notes


def test_merging_with_a_third_record_keeps_the_flag() -> None:
    keep = Contact(id="ada", name="Ada", extra={FLAG: "ada-2"})
    merge_into(keep, Contact(id="ada-lovelace", name="Ada Lovelace"))
    assert keep.extra[FLAG] == "ada-2"
