"""Hand-written [[conflict]] entries of any shape: each shows on one line, and settles one entry or says why."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from networkday.domain.conflict_settle import SettleError, conflicts_of, ours, settle, shown
from networkday.domain.contact import Contact
from networkday.domain.errors import RecordError

TEXT = st.lists(
    st.sampled_from(["a", "[", "]", ".", "\x1b", "\n", "log", "title", "conflict", "0", "\u202e"]), max_size=5
).map("".join)
LEAF = st.one_of(
    TEXT,
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.just(datetime(2026, 1, 1, tzinfo=UTC)),
    st.just(date(2026, 1, 1)),
    st.just(time(9, 30)),
)
VALUE = st.recursive(
    LEAF, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8
)
FIELD = st.one_of(
    st.sampled_from(
        [
            "title",
            "log",
            "conflict",
            "name",
            "log[aaaa0001].note",
            "log[zz].note",
            "name.first",
            "tags",
            "",
            "format",
            "log[aaaa0001]",
        ]
    ),
    TEXT,
    st.integers(),
)
ENTRY = st.fixed_dictionaries(
    {}, optional={"field": FIELD, "value": VALUE, "from": VALUE, "at": VALUE, "removed": VALUE}
)


@settings(max_examples=200)
@given(st.lists(st.one_of(ENTRY, VALUE), max_size=4))
def test_any_entries_show_on_one_line_and_settle_one_entry_or_say_why(entries: list[Any]) -> None:
    touch = {"at": datetime(2026, 11, 20, 9, tzinfo=UTC), "id": "aaaa0001", "channel": "phone", "note": "mine"}
    table = {"format": 1, "name": "Ada", "title": "Engineer", "tags": ["a"], "log": [touch], "conflict": entries}
    found = conflicts_of(table)
    assert len(found) == sum(isinstance(entry, dict) for entry in entries)
    for conflict in found:
        for text in (shown(conflict.theirs), shown(ours(table, conflict.field)), conflict.source):
            assert not {"\n", "\x1b", "\u202e"} & set(text)
        for take in (False, True):
            try:
                result = settle(table, conflict, take=take)
            except SettleError:
                assert take, "keeping needs nothing but the entry"
                continue
            assert len(conflicts_of(result)) == len(found) - 1
            if not take:
                assert {k: v for k, v in result.items() if k != "conflict"} == {
                    k: v for k, v in table.items() if k != "conflict"
                }
            with contextlib.suppress(RecordError):  # a value the record cannot hold: the store refuses it
                Contact.from_dict("ada", result)
