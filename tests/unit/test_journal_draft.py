"""The entry on screen against the day file: what is saved, what is taken from disk, what clashes."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.day import Answer, Journal
from networkday.domain.journal_draft import Draft, answer_keys

DAY = date(2026, 11, 25)
PROMPTS = ("Who did I help today?", "What will I do first tomorrow?")
HELP, FIRST = PROMPTS


def journal(*answers: tuple[str, str], rating: int | None = None) -> Journal:
    return Journal(rating=rating, answers=[Answer(prompt, text) for prompt, text in answers])


def test_sections_list_configured_prompts_then_other_answers_and_duplicates():
    base = journal((HELP, "a"), ("Old prompt", "b"), (HELP, "second by hand"))
    draft = Draft(DAY, base, PROMPTS)
    assert draft.sections() == [
        ((HELP, 0), "a"),
        ((FIRST, 0), ""),
        (("Old prompt", 0), "b"),
        ((HELP, 1), "second by hand"),
    ]


def test_an_untouched_draft_is_clean_and_an_empty_prompt_adds_no_answer():
    draft = Draft(DAY, journal((HELP, "a")), PROMPTS)
    draft.set_text((FIRST, 0), "")
    assert not draft.dirty
    draft.set_text((FIRST, 0), "call Jane")
    assert draft.dirty
    assert draft.edited().answers == [Answer(HELP, "a"), Answer(FIRST, "call Jane")]


def test_rebase_keeps_my_change_and_takes_a_hand_edit_of_another_answer():
    draft = Draft(DAY, journal((HELP, "a"), (FIRST, "b"), rating=3), PROMPTS)
    draft.set_text((HELP, 0), "mine")
    changed = draft.rebase(journal((HELP, "a"), (FIRST, "edited by hand"), rating=4))
    assert changed
    assert draft.texts == {(HELP, 0): "mine", (FIRST, 0): "edited by hand"}
    assert draft.rating == 4
    assert draft.edited().answers == [Answer(HELP, "mine"), Answer(FIRST, "edited by hand")]


def test_a_clash_goes_to_the_file_unless_i_prefer_mine():
    base = journal((HELP, "a"))
    theirs = journal((HELP, "theirs"))
    draft = Draft(DAY, base, PROMPTS)
    draft.set_text((HELP, 0), "mine")
    assert draft.clashes(theirs) == [(HELP, 0)]
    draft.rebase(theirs)
    assert draft.texts[(HELP, 0)] == "theirs"

    draft = Draft(DAY, base, PROMPTS)
    draft.set_text((HELP, 0), "mine")
    draft.rebase(theirs, prefer_mine=True)
    assert draft.texts[(HELP, 0)] == "mine"
    assert draft.base is theirs
    assert draft.dirty


def test_the_same_change_on_both_sides_is_no_clash():
    draft = Draft(DAY, journal((HELP, "a")), PROMPTS)
    draft.set_text((HELP, 0), "same")
    assert draft.clashes(journal((HELP, "same"))) == []


def test_keep_both_puts_my_clashing_text_beside_the_hand_edit():
    draft = Draft(DAY, journal((HELP, "a"), (FIRST, "b")), PROMPTS)
    draft.set_text((HELP, 0), "mine")
    draft.set_text((FIRST, 0), "b, and more")
    kept = draft.keep_both(journal((HELP, "theirs"), (FIRST, "b")), "kept")
    assert kept.answers == [Answer(HELP, "theirs"), Answer(FIRST, "b, and more"), Answer(f"{HELP} (kept)", "mine")]


def test_an_answer_deleted_on_disk_that_i_changed_comes_back():
    draft = Draft(DAY, journal(("Old prompt", "x")), PROMPTS)
    draft.set_text(("Old prompt", 0), "x and y")
    draft.rebase(journal(), prefer_mine=True)
    assert Answer("Old prompt", "x and y") in draft.edited().answers


def test_extra_keys_of_the_journal_are_kept():
    base = journal((HELP, "a"))
    base.extra = {"mood": "fine"}
    base.answers[0].extra = {"tag": "x"}
    draft = Draft(DAY, base, PROMPTS)
    draft.set_text((HELP, 0), "b")
    edited = draft.edited()
    assert edited.extra == {"mood": "fine"}
    assert edited.answers[0].extra == {"tag": "x"}
    assert base.answers[0].text == "a"


@given(st.text(), st.text())
def test_any_text_is_saved_exactly_as_typed(first: str, second: str):
    draft = Draft(DAY, journal((HELP, first)), PROMPTS)
    draft.set_text((FIRST, 0), second)
    keyed = answer_keys(draft.edited())
    assert keyed[(HELP, 0)].text == first
    assert keyed.get((FIRST, 0), Answer(FIRST, "")).text == second
