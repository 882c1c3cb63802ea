"""Sync's three-way merge of one record file: fields, histories by identity, lists, journal texts, conflicts."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from networkday.domain.record_merge import RecordMerge, same
from networkday.storage.codec import dumps

AT = datetime(2026, 11, 25, 10, tzinfo=UTC)


def merged(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[dict[str, Any], list]:
    merge = RecordMerge("origin/main", AT)
    return merge.merge(copy.deepcopy(base), copy.deepcopy(ours), copy.deepcopy(theirs)), merge.conflicts


def touch(ident: str, note: str = "", hour: int = 9) -> dict[str, Any]:
    entry = {"at": datetime(2026, 11, 20, hour, tzinfo=UTC), "id": ident, "channel": "phone", "outcome": "talked"}
    return {**entry, "note": note} if note else entry


PERSON = {"format": 1, "name": "Ada Lovelace", "title": "Analyst", "tags": ["math"], "log": [touch("aaaa0001")]}


def test_a_field_changed_on_one_side_takes_that_side() -> None:
    ours = {**PERSON, "title": "Engine designer"}
    theirs = {**PERSON, "company": "Babbage & Co"}
    result, conflicts = merged(PERSON, ours, theirs)
    assert result["title"] == "Engine designer"
    assert result["company"] == "Babbage & Co"
    assert conflicts == []
    assert "conflict" not in result


def test_a_field_changed_on_both_sides_keeps_ours_and_records_theirs() -> None:
    result, _ = merged(PERSON, {**PERSON, "title": "Mine"}, {**PERSON, "title": "Theirs"})
    assert result["title"] == "Mine"
    assert result["conflict"] == [{"field": "title", "value": "Theirs", "from": "origin/main", "at": AT}]


def test_a_field_removed_on_one_side_and_changed_on_the_other_is_a_conflict_saying_so() -> None:
    ours = {key: value for key, value in PERSON.items() if key != "title"}
    result, _ = merged(PERSON, ours, {**PERSON, "title": "Theirs"})
    assert "title" not in result
    assert result["conflict"][0]["field"] == "title"
    assert result["conflict"][0]["value"] == "Theirs"
    result, _ = merged(PERSON, {**PERSON, "title": "Mine"}, ours)
    assert result["title"] == "Mine"
    assert result["conflict"][0] == {"field": "title", "removed": True, "from": "origin/main", "at": AT}


def test_touches_logged_on_both_sides_are_all_kept_once() -> None:
    ours = {**PERSON, "log": [*PERSON["log"], touch("bbbb0002", hour=10)]}
    theirs = {**PERSON, "log": [*PERSON["log"], touch("cccc0003", hour=11)]}
    result, conflicts = merged(PERSON, ours, theirs)
    assert [entry["id"] for entry in result["log"]] == ["aaaa0001", "bbbb0002", "cccc0003"]
    assert conflicts == []
    again, _ = merged(PERSON, result, theirs)  # a merge repeated adds nothing twice
    assert [entry["id"] for entry in again["log"]] == ["aaaa0001", "bbbb0002", "cccc0003"]


def test_one_touch_amended_on_both_sides_merges_field_by_field_and_names_the_touch() -> None:
    ours = {**PERSON, "log": [{**touch("aaaa0001"), "note": "mine"}]}
    theirs = {**PERSON, "log": [{**touch("aaaa0001"), "gave": "an intro", "note": "theirs"}]}
    result, _ = merged(PERSON, ours, theirs)
    assert result["log"] == [{**touch("aaaa0001"), "note": "mine", "gave": "an intro"}]
    assert result["conflict"][0]["field"] == "log[aaaa0001].note"
    assert result["conflict"][0]["value"] == "theirs"


def test_a_touch_removed_on_one_side_is_removed_unless_the_other_changed_it() -> None:
    two = {**PERSON, "log": [touch("aaaa0001"), touch("bbbb0002", hour=10)]}
    result, _ = merged(two, PERSON, two)
    assert [entry["id"] for entry in result["log"]] == ["aaaa0001"]
    changed = {**PERSON, "log": [touch("aaaa0001"), touch("bbbb0002", "said more", hour=10)]}
    result, _ = merged(two, PERSON, changed)
    assert [entry["id"] for entry in result["log"]] == ["aaaa0001", "bbbb0002"]


def test_touches_typed_without_ids_are_one_when_every_word_is_the_same() -> None:
    typed = {"at": datetime(2026, 11, 1, 9, tzinfo=UTC), "channel": "email", "note": "hi"}
    base = {"name": "Ada", "log": []}
    result, _ = merged(base, {**base, "log": [typed]}, {**base, "log": [dict(typed)]})
    assert result["log"] == [typed]


def test_lists_of_values_take_each_sides_additions_and_removals() -> None:
    base = {**PERSON, "tags": ["math", "poetry", "engines"]}
    ours = {**PERSON, "tags": ["math", "poetry", "engines", "mentor"]}
    theirs = {**PERSON, "tags": ["math", "engines", "alumni"]}
    result, conflicts = merged(base, ours, theirs)
    assert result["tags"] == ["math", "engines", "mentor", "alumni"]
    assert conflicts == []


DAY = {
    "format": 1,
    "date": date(2026, 11, 25),
    "call": [{"contact": "ada", "channel": "phone", "purpose": "intro"}],
    "time": [{"kind": "networking", "start": datetime(2026, 11, 25, 8, tzinfo=UTC)}],
}


def test_a_planned_call_made_on_both_sides_becomes_two_made_calls() -> None:
    made = {"contact": "ada", "channel": "phone", "purpose": "intro", "outcome": "talked", "at": AT}
    ours = {**DAY, "call": [{**made, "touch": "aaaa0001"}]}
    theirs = {**DAY, "call": [{**made, "outcome": "will", "touch": "bbbb0002"}]}
    result, conflicts = merged(DAY, ours, theirs)
    assert [call.get("touch") for call in result["call"]] == ["aaaa0001", "bbbb0002"]
    assert conflicts == []


def test_a_call_made_on_one_side_and_another_planned_on_the_other_keeps_both() -> None:
    made = {"contact": "ada", "channel": "phone", "purpose": "intro", "outcome": "talked", "at": AT, "touch": "a1"}
    ours = {**DAY, "call": [made]}
    theirs = {**DAY, "call": [*DAY["call"], {"contact": "bob", "channel": "email"}]}
    result, _ = merged(DAY, ours, theirs)
    assert result["call"] == [made, {"contact": "bob", "channel": "email"}]


def test_a_session_stopped_on_one_side_and_another_started_on_the_other() -> None:
    stopped = {**DAY, "time": [{**DAY["time"][0], "end": datetime(2026, 11, 25, 9, tzinfo=UTC)}]}
    other = {"kind": "other", "start": datetime(2026, 11, 25, 9, 30, tzinfo=UTC)}
    started = {**DAY, "time": [*DAY["time"], other]}
    result, conflicts = merged(DAY, stopped, started)
    assert result["time"] == [stopped["time"][0], other]
    assert conflicts == []


def answer(text: str) -> dict[str, Any]:
    return {"rating": 3, "answer": [{"prompt": "Who will help?", "text": text}]}


def test_a_journal_answer_written_on_both_sides_keeps_both_texts_marked() -> None:
    base = {**DAY, "journal": answer("Zoë")}
    result, conflicts = merged(base, {**DAY, "journal": answer("Zoë, Omar")}, {**DAY, "journal": answer("Min-jun")})
    text = result["journal"]["answer"][0]["text"]
    assert text == "Zoë, Omar\n\n(Also written on origin/main at the same time:)\nMin-jun"
    assert conflicts == []


def test_a_journal_answer_that_extends_the_other_is_taken_whole() -> None:
    base = {**DAY, "journal": answer("Zoë")}
    result, _ = merged(base, {**DAY, "journal": answer("Zoë, Omar")}, {**DAY, "journal": answer("Zoë, Omar, Min")})
    assert result["journal"]["answer"][0]["text"] == "Zoë, Omar, Min"


def test_opportunity_steps_are_united_and_a_stage_moved_on_both_sides_is_a_conflict() -> None:
    step = {"at": AT, "stage": "lead", "note": "forwarded"}
    base = {"name": "Kestrel", "opportunity": [{"id": "pm", "role": "PM", "stage": "lead", "step": [step]}]}
    applied = {"at": datetime(2026, 11, 26, tzinfo=UTC), "stage": "applied", "note": ""}
    interview = {"at": datetime(2026, 11, 27, tzinfo=UTC), "stage": "interview", "note": ""}
    ours = {"name": "Kestrel", "opportunity": [{**base["opportunity"][0], "stage": "applied", "step": [step, applied]}]}
    theirs = {
        "name": "Kestrel",
        "opportunity": [{**base["opportunity"][0], "stage": "interview", "step": [step, interview]}],
    }
    result, _ = merged(base, ours, theirs)
    assert result["opportunity"][0]["step"] == [step, applied, interview]
    assert result["conflict"][0]["field"] == "opportunity[pm].stage"


def test_a_conflict_already_recorded_is_not_recorded_again() -> None:
    once, _ = merged(PERSON, {**PERSON, "title": "Mine"}, {**PERSON, "title": "Theirs"})
    twice, conflicts = merged(PERSON, once, {**PERSON, "title": "Theirs"})
    assert len(twice["conflict"]) == 1
    assert len(conflicts) == 1  # found again, but the entry already says it


def test_values_of_other_types_are_different_values() -> None:
    assert not same(1, True)
    assert not same(1, 1.0)
    assert same(float("nan"), float("nan"))
    result, _ = merged({"n": 1}, {"n": True}, {"n": 1.0})
    assert result["n"] is True
    assert result["conflict"][0]["value"] == 1.0


SCALARS = st.one_of(
    st.text(max_size=8),
    st.integers(-5, 5),
    st.booleans(),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
)
ENTRIES = st.fixed_dictionaries(
    {"id": st.sampled_from(["a1", "b2", "c3", "d4"]), "note": st.text(max_size=6)},
    optional={"at": st.just(AT), "gave": st.text(max_size=4)},
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "name": st.text(max_size=6),
        "title": SCALARS,
        "tags": st.lists(st.text(max_size=4), max_size=4),
        "log": st.lists(ENTRIES, max_size=4),
        "journal": st.fixed_dictionaries(
            {},
            optional={
                "rating": st.integers(1, 5),
                "answer": st.lists(
                    st.fixed_dictionaries({"prompt": st.text(max_size=3), "text": st.text(max_size=6)}), max_size=2
                ),
            },
        ),
    },
)


@settings(max_examples=300, deadline=None)
@given(RECORDS, RECORDS, RECORDS)
def test_every_merge_writes_a_file_that_parses_and_keeps_every_touch(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> None:
    result, _ = merged(base, ours, theirs)
    assert tomli.loads(dumps(result).decode()) == result  # what is written reads back as it was
    was = {entry["id"] for entry in base.get("log", [])}
    for side in (ours, theirs):
        for entry in side.get("log", []):
            if entry["id"] not in was:  # added on a side: present in the result
                assert entry["id"] in {kept["id"] for kept in result.get("log", [])}


@settings(max_examples=200, deadline=None)
@given(RECORDS, RECORDS)
def test_a_side_that_did_not_change_gives_the_other_side_exactly(base: dict[str, Any], changed: dict[str, Any]) -> None:
    assert merged(base, base, changed)[0] == changed
    assert merged(base, changed, base)[0] == changed
    assert merged(base, changed, changed)[0] == changed


def test_dumps_of_a_conflict_holding_a_table_value_parses(tmp_path: Path) -> None:
    result, _ = merged({"x": {"a": 1}}, {"x": 2}, {"x": {"a": 3}})
    assert tomli.loads(dumps(result).decode())["conflict"][0]["value"] == {"a": 3}
