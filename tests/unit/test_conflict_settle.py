"""Settling a sync conflict: keep this machine's value or take the other's, top-level, nested or removed."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from networkday.domain.conflict_settle import ABSENT, SettleError, conflicts_of, count, locate, ours, settle, shown
from networkday.domain.record_merge import RecordMerge

AT = datetime(2026, 11, 25, 10, tzinfo=UTC)


def touch(ident: str, note: str) -> dict[str, Any]:
    return {"at": datetime(2026, 11, 20, 9, tzinfo=UTC), "id": ident, "channel": "phone", "note": note}


BASE: dict[str, Any] = {"format": 1, "name": "Ada", "title": "Analyst", "log": [touch("aaaa0001", "base")]}


def merged(ours_side: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """The table a sync's merge leaves: the conflicts as the merge driver writes them."""
    return RecordMerge("origin/main", AT).merge(copy.deepcopy(BASE), copy.deepcopy(ours_side), copy.deepcopy(theirs))


def test_keeping_a_top_level_field_drops_the_entry_and_leaves_the_value() -> None:
    table = merged({**BASE, "title": "Mine"}, {**BASE, "title": "Theirs"})
    [conflict] = conflicts_of(table)
    assert (conflict.field, conflict.theirs, conflict.origin) == ("title", "Theirs", "origin/main")
    assert ours(table, "title") == "Mine"
    kept = settle(table, conflict, take=False)
    assert kept["title"] == "Mine"
    assert "conflict" not in kept
    assert table["conflict"], "the table given is left as it was"


def test_taking_a_top_level_field_writes_the_other_value() -> None:
    table = merged({**BASE, "title": "Mine"}, {**BASE, "title": "Theirs"})
    taken = settle(table, conflicts_of(table)[0], take=True)
    assert taken["title"] == "Theirs"
    assert "conflict" not in taken


def test_taking_a_nested_touch_field_writes_it_into_that_touch_only() -> None:
    second = touch("bbbb0002", "other")
    base_two = {**BASE, "log": [*BASE["log"], second]}
    table = RecordMerge("origin/main", AT).merge(
        copy.deepcopy(base_two),
        {**base_two, "log": [touch("aaaa0001", "mine"), second]},
        {**base_two, "log": [touch("aaaa0001", "theirs"), second]},
    )
    [conflict] = conflicts_of(table)
    assert conflict.field == "log[aaaa0001].note"
    assert ours(table, conflict.field) == "mine"
    taken = settle(table, conflict, take=True)
    assert [entry["note"] for entry in taken["log"]] == ["theirs", "other"]
    assert settle(table, conflict, take=False)["log"][0]["note"] == "mine"


def test_taking_a_removal_removes_the_field_and_keeping_it_leaves_it() -> None:
    without = {key: value for key, value in BASE.items() if key != "title"}
    table = merged({**BASE, "title": "Mine"}, without)
    [conflict] = conflicts_of(table)
    assert conflict.removed
    assert conflict.theirs is ABSENT
    assert "title" not in settle(table, conflict, take=True)
    assert settle(table, conflict, take=False)["title"] == "Mine"


def test_a_field_removed_here_is_put_back_by_taking_the_other_value() -> None:
    without = {key: value for key, value in BASE.items() if key != "title"}
    table = merged(without, {**BASE, "title": "Theirs"})
    [conflict] = conflicts_of(table)
    assert ours(table, "title") is ABSENT
    assert settle(table, conflict, take=True)["title"] == "Theirs"


def test_only_the_settled_entry_goes_and_a_settled_one_is_not_settled_twice() -> None:
    table = merged({**BASE, "title": "Mine", "name": "Ada L"}, {**BASE, "title": "Theirs", "name": "Ada B"})
    assert count(table) == 2
    first, second = conflicts_of(table)
    once = settle(table, first, take=True)
    assert [c.field for c in conflicts_of(once)] == [second.field]
    with pytest.raises(SettleError, match="already settled"):
        settle(once, first, take=False)


def test_a_touch_deleted_since_cannot_take_but_can_keep() -> None:
    table = merged({**BASE, "log": [touch("aaaa0001", "mine")]}, {**BASE, "log": [touch("aaaa0001", "theirs")]})
    conflict = conflicts_of(table)[0]
    table["log"] = []
    with pytest.raises(SettleError, match="no longer in the record"):
        settle(table, conflict, take=True)
    assert "conflict" not in settle(table, conflict, take=False)


def test_a_key_holding_a_dot_is_found_whole() -> None:
    table = {"name": "Ada", "a.b": 1, "a": {"b": 2}}
    assert locate(table, "a.b") == (table, "a.b")
    assert locate(table, "a.c") == (table["a"], "c")
    assert locate(table, "log[x].note") is None


def test_values_show_as_one_plain_line() -> None:
    assert shown("Eng\nineer") == "'Eng\\nineer'"
    assert shown(AT) == "2026-11-25T10:00:00+00:00"
    assert shown(ABSENT) == "(removed)"
    assert shown(3) == "3"


def test_an_array_or_a_table_shows_as_toml_writes_it_inline() -> None:
    value = [1, {"at": datetime(2026, 1, 1, tzinfo=UTC), "two words": "x\x1b"}, []]
    assert shown(value) == "[1, {at = 2026-01-01T00:00:00+00:00, 'two words' = 'x\\x1b'}, []]"
