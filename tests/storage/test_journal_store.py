"""Saving the journal through the store: exact text, hand edits kept, conflicts refused."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from networkday.domain.day import Answer, Journal
from networkday.domain.errors import ConflictError
from networkday.services.journal import JournalDay, journal_days, journal_entries, save_journal, search_journal
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from tests.journal_world import MON, TUE, WED, world_store

HELP = "Who did I help today?"
NEXT = "What will I do first tomorrow?"


@pytest.fixture
def world(tmp_path: Path) -> Store:
    return world_store(tmp_path / "data")


def _edited(base: Journal, **answers: str) -> Journal:
    edited = copy.deepcopy(base)
    for prompt, text in answers.items():
        edited.set_answer(prompt, text)
    return edited


def _hand_edit(store: Store, day: date, old: str, new: str) -> None:
    """What a person does in their text editor: change the file's bytes, not through the store."""
    path = store.day_path(day)
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_an_edit_is_saved_and_the_journal_on_disk_returned(world: Store) -> None:
    base = world.day(WED).journal
    edited = copy.deepcopy(base)
    edited.set_answer(NEXT, "Call Erin.")
    edited.rating = 5
    saved = save_journal(world, WED, base, edited)
    assert saved == edited
    assert world.day(WED).journal == edited
    assert world.days[WED.toordinal()].rating == 5  # the index follows at once


def test_a_hand_edit_of_another_answer_survives_the_save(world: Store) -> None:
    base = world.day(WED).journal
    _hand_edit(world, WED, "Bob said no.", "Bob said no, kindly.")
    saved = save_journal(world, WED, base, _edited(base, **{HELP: "Jane and Carol."}))
    assert saved.answer(HELP) == "Jane and Carol."
    assert saved.answer("What was a no — so what, and who is next?") == "Bob said no, kindly. So what — next!"


def test_the_same_answer_changed_by_hand_is_refused_and_nothing_written(world: Store) -> None:
    base = world.day(WED).journal
    _hand_edit(world, WED, "Jane: an intro", "Jane (by hand): an intro")
    before = world.day_path(WED).read_bytes()
    with pytest.raises(ConflictError, match="Who did I help today") as caught:
        save_journal(world, WED, base, _edited(base, **{HELP: "typed in the app"}))
    assert caught.value.fields == (HELP,)
    assert world.day_path(WED).read_bytes() == before


def test_a_rating_changed_by_hand_and_in_the_app_is_refused(world: Store) -> None:
    base = world.day(WED).journal
    _hand_edit(world, WED, "rating = 4", "rating = 1")
    edited = copy.deepcopy(base)
    edited.rating = 5
    with pytest.raises(ConflictError) as caught:
        save_journal(world, WED, base, edited)
    assert caught.value.fields == ("rating",)


def test_the_same_change_made_twice_is_no_conflict(world: Store) -> None:
    base = world.day(WED).journal
    edited = _edited(base, **{HELP: "same words"})
    save_journal(world, WED, base, edited)  # another instance saved exactly this already
    assert save_journal(world, WED, base, edited).answer(HELP) == "same words"


def test_a_rating_untouched_in_the_app_keeps_the_hand_edit(world: Store) -> None:
    base = world.day(WED).journal
    _hand_edit(world, WED, "rating = 4", "rating = 2")
    saved = save_journal(world, WED, base, _edited(base, **{NEXT: "Rest."}))
    assert saved.rating == 2


def test_an_unchanged_edit_writes_nothing(world: Store) -> None:
    base = world.day(WED).journal
    stamp = world.day_path(WED).stat().st_mtime_ns
    assert save_journal(world, WED, base, copy.deepcopy(base)) == base
    assert world.day_path(WED).stat().st_mtime_ns == stamp


def test_a_new_day_gets_a_file_and_a_prompt_written_twice_stays_two_answers(world: Store) -> None:
    day = date(2026, 11, 26)
    saved = save_journal(world, day, Journal(), Journal(answers=[Answer(HELP, "one"), Answer(HELP, "two")]))
    assert saved.answers == [Answer(HELP, "one"), Answer(HELP, "two")]
    base = saved
    edited = copy.deepcopy(base)
    edited.answers[1].text = "two, edited"
    assert [a.text for a in save_journal(world, day, base, edited).answers] == ["one", "two, edited"]


def test_an_unreadable_day_file_is_never_replaced(world: Store) -> None:
    base = world.day(WED).journal
    world.day_path(WED).write_text("date = 2026-11-25\n[journal\n", "utf-8")
    with pytest.raises(StoreError, match="invalid TOML"):
        save_journal(world, WED, base, _edited(base, **{HELP: "x"}))
    assert world.day_path(WED).read_text("utf-8") == "date = 2026-11-25\n[journal\n"


def test_a_day_file_from_a_newer_version_is_read_only(world: Store) -> None:
    _hand_edit(world, WED, "format = 1", "format = 99")
    world.scan()
    base = world.day(WED).journal
    with pytest.raises(StoreError, match="read-only"):
        save_journal(world, WED, base, _edited(base, **{HELP: "x"}))


def test_journal_days_come_from_the_index_newest_first(world: Store) -> None:
    assert journal_days(world) == [
        JournalDay(WED, 4, "Jane: an intro to Sam."),
        JournalDay(TUE, 3, "Call Jane back."),
        JournalDay(MON, 2, "Nobody: a quiet day."),
    ]


def test_entries_skip_unreadable_files_and_filter_by_range(world: Store) -> None:
    assert [d.date for d in journal_entries(world)] == [MON, TUE, WED]
    assert [d.date for d in journal_entries(world, TUE, TUE)] == [TUE]
    world.day_path(TUE).write_bytes(b"\x00broken")
    assert [d.date for d in journal_entries(world)] == [MON, WED]


def test_search_journal_reads_the_day_files(world: Store) -> None:
    hits = search_journal(world, "CAFE CULTURE")
    assert [(h.date, h.prompt, h.snippet) for h in hits] == [(WED, HELP, "Carol: the article on café culture.")]
    assert [h.date for h in search_journal(world, "jane")] == [WED, TUE]
    assert search_journal(world, "nowhere") == []


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    texts=st.lists(st.text(), min_size=1, max_size=4),
    rating=st.one_of(st.none(), st.integers(1, 5)),
)
def test_any_text_round_trips_through_the_day_file(world: Store, texts: list[str], rating: int | None) -> None:
    day = date(2026, 12, 1)
    base = world.day(day).journal
    edited = Journal(rating=rating, answers=[Answer(f"Prompt {i}", text) for i, text in enumerate(texts)])
    save_journal(world, day, base, _merged_target(base, edited))
    on_disk = world.day(day).journal
    assert [on_disk.answer(f"Prompt {i}") for i in range(len(texts))] == texts
    assert on_disk.rating == rating


def _merged_target(base: Journal, wanted: Journal) -> Journal:
    """``base`` with ``wanted``'s rating and answers, as the editing screen would hand it over."""
    result = copy.deepcopy(base)
    result.rating = wanted.rating
    for answer in wanted.answers:
        result.set_answer(answer.prompt, answer.text)
    return result
