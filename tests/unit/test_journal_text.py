"""Journal text: sections, Markdown, search, and the $EDITOR layout's exact round trip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from networkday.domain.day import Answer, Journal
from networkday.domain.figures import DayFigures, Goals, Person
from networkday.domain.journal import export_markdown, figure_lines, render_markdown, search, sections
from networkday.domain.journal_edit import (
    KEEP_RATING,
    EditedEntry,
    EntryTextError,
    apply_edit,
    escape_prompt,
    parse_editor_text,
    to_editor_text,
    unescape_prompt,
)
from networkday.domain.pipeline import Moved
from networkday.domain.settings import DEFAULT_PROMPTS

DAY = date(2026, 11, 25)
HELP, WILL, NO, FIRST = DEFAULT_PROMPTS

# Text people type, plus everything that could break a layout: heading look-alikes,
# backslashes, CR, form feeds, Unicode line separators, trailing spaces and blank lines.
fragments = st.sampled_from(
    ["\n", "\r", "\\", "#", "## ", " ", "\t", "\u2028", "\x0c", "<!--", "-->", "Rating: 3", "é"]
)
tricky = st.lists(st.one_of(st.characters(codec="utf-8"), fragments), max_size=40).map("".join)
journals = st.builds(
    Journal,
    rating=st.one_of(st.none(), st.integers(1, 5)),
    answers=st.lists(st.builds(Answer, prompt=st.one_of(st.sampled_from(DEFAULT_PROMPTS), tricky), text=tricky)),
)


def test_sections_put_configured_prompts_first_then_every_other_answer() -> None:
    journal = Journal(answers=[Answer("Old prompt", "kept"), Answer(WILL, "Jane"), Answer(WILL, "twice")])
    assert [(p, a.text if a else None) for p, a in sections(journal, DEFAULT_PROMPTS)] == [
        (HELP, None),
        (WILL, "Jane"),
        (NO, None),
        (FIRST, None),
        ("Old prompt", "kept"),
        (WILL, "twice"),
    ]


FIGURES = DayFigures(
    DAY,
    planned=4,
    made=3,
    outcomes=(("will", 1), ("wont", 1)),
    gave=2,
    asked=1,
    networking=5 * 3600,
    other=3600,
    goals=Goals(0.85, 5),
    people=(Person("jane-doe", "Jane\x1b[31m Doe", "will"),),
    rating=4,
)


def test_markdown_has_the_rating_figures_and_answers_under_prompt_headings() -> None:
    journal = Journal(rating=4, answers=[Answer(HELP, "Jane.\n## not a heading\n\nBob \\o/ "), Answer(NO, "  ")])
    text = render_markdown(DAY, journal, DEFAULT_PROMPTS, FIGURES)
    assert text.splitlines()[:4] == ["# 2026-11-25 Wednesday", "", "Rating: 4/5", ""]
    assert "- Calls: 3 made of 4 planned (goal 5)" in text
    assert "- Outcomes: will help 1, won't help 1" in text
    assert "- Gave 2, asked 1" in text
    assert "- Networking: 5:00 of 6:00, 83% (goal 85%)" in text
    assert "- People: Jane\\[31m Doe (jane-doe)" in text  # the escape character never reaches a terminal
    assert f"## {HELP}\n\nJane.\n\\#\\# not a heading\n\nBob \\o/ \n" in text
    assert NO not in text  # a blank answer is left out


def test_markdown_of_an_empty_entry_says_so() -> None:
    text = render_markdown(DAY, Journal(), DEFAULT_PROMPTS)
    assert "Rating: none" in text
    assert "_No reflection written._" in text


def test_export_is_oldest_first_nests_entries_and_skips_empty_days() -> None:
    entries = [
        (date(2026, 11, 25), Journal(rating=4, answers=[Answer(HELP, "later")]), None),
        (date(2026, 11, 23), Journal(answers=[Answer(HELP, "earlier")]), None),
        (date(2026, 11, 24), Journal(), None),
    ]
    text = export_markdown(entries, DEFAULT_PROMPTS)
    assert text.startswith("# Journal\n")
    assert text.index("## 2026-11-23 Monday") < text.index("## 2026-11-25 Wednesday")
    assert "2026-11-24" not in text
    assert f"### {HELP}\n\nearlier" in text
    assert export_markdown([], DEFAULT_PROMPTS) == "# Journal\n\n_No entries yet._\n"


ENTRIES = [
    (date(2026, 11, 24), Journal(answers=[Answer(HELP, "Met Zoë at the CAFÉ.\nThen lunch.")])),
    (date(2026, 11, 25), Journal(answers=[Answer(NO, "Another café, another no."), Answer(FIRST, "Straße")])),
]


def test_search_ignores_case_and_accents_and_returns_newest_first() -> None:
    hits = search(ENTRIES, "cafe")
    assert [(h.date, h.prompt) for h in hits] == [(date(2026, 11, 25), NO), (date(2026, 11, 24), HELP)]
    assert hits[1].snippet == "Met Zoë at the CAFÉ."
    assert hits[1].snippet[hits[1].start : hits[1].end] == "CAFÉ"
    zoe = search(ENTRIES, "ZOE")[0]
    assert zoe.snippet[zoe.start : zoe.end] == "Zoë"


def test_search_needs_every_word_in_the_same_answer() -> None:
    assert [h.date for h in search(ENTRIES, "café lunch")] == [date(2026, 11, 24)]
    assert search(ENTRIES, "café Straße") == []
    assert search(ENTRIES, "  ") == []
    assert search(ENTRIES, "\u0301") == []  # a query that folds to nothing finds nothing
    assert len(search(ENTRIES, "café", limit=1)) == 1


def test_search_maps_folded_matches_back_to_the_original_text() -> None:
    hit = search(ENTRIES, "strasse")[0]
    assert hit.snippet[hit.start : hit.end] == "Straße"
    decomposed = [(DAY, Journal(answers=[Answer(HELP, "a\u0301 Zoe\u0308 came, ﬁne")]))]
    assert [h.snippet[h.start : h.end] for h in search(decomposed, "zoe")] == ["Zoe\u0308"]
    assert [h.snippet[h.start : h.end] for h in search(decomposed, "FINE")] == ["ﬁne"]


def test_snippet_is_one_line_cut_around_the_match_with_controls_as_spaces() -> None:
    text = "x" * 200 + " needle\there" + "y" * 200 + "\nnext line"
    hit = search([(DAY, Journal(answers=[Answer(HELP, text)]))], "needle")[0]
    assert hit.snippet.startswith("…")
    assert hit.snippet.endswith("…")
    assert len(hit.snippet) == 82
    assert hit.snippet[hit.start : hit.end] == "needle"
    assert "needle here" in hit.snippet
    assert "next" not in hit.snippet


EDITOR_TEXT = f"""# Journal 2026-11-25 Wednesday
<!-- any
comment -->
> Calls: 3 made

Rating: 4 / 5

## {HELP}
Jane.

\\## literal heading
\\\\## two backslashes

## {WILL}
## A new prompt
typed here
"""


def test_editor_text_is_read_by_headings_with_one_separator_line_dropped() -> None:
    edited = parse_editor_text(EDITOR_TEXT)
    assert edited.rating == 4
    assert edited.answers == (
        (HELP, "Jane.\n\n## literal heading\n\\## two backslashes"),
        (WILL, ""),
        ("A new prompt", "typed here"),
    )


def test_editor_layout_writes_the_figures_rating_and_every_prompt() -> None:
    text = to_editor_text(DAY, Journal(rating=None, answers=[Answer(WILL, "Jane")]), DEFAULT_PROMPTS, FIGURES)
    lines = text.split("\n")
    assert lines[0] == "# Journal 2026-11-25 Wednesday"
    assert "> Calls: 3 made of 4 planned (goal 5)" in lines
    assert "Rating:" in lines
    assert [line for line in lines if line.startswith("## ")] == [f"## {p}" for p in DEFAULT_PROMPTS]
    assert f"## {WILL}\nJane\n\n## {NO}" in text


@pytest.mark.parametrize(
    ("line", "rating"),
    [("Rating:", None), ("rating:   ", None), ("Rating: 5", 5), ("RATING: 1/5", 1), ("  Rating: 3  ", 3)],
)
def test_rating_line_forms(line: str, rating: int | None) -> None:
    assert parse_editor_text(f"{line}\n## p\n").rating == rating


def test_a_removed_rating_line_keeps_the_rating() -> None:
    assert parse_editor_text("## p\nx\n").rating is KEEP_RATING


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# title\nRating: 6\n## p\n", 2, "the rating must be 1 to 5"),
        ("Rating: four\n", 1, "not 'four'"),
        ("# title\n\nstray words\n## p\n", 3, "belongs to no answer"),
        ("no headings at all", 1, "belongs to no answer"),
    ],
)
def test_unreadable_edits_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(EntryTextError, match=message) as caught:
        parse_editor_text(text)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"line {line}: ")


def test_apply_edit_keeps_extras_adds_typed_prompts_and_empties_removed_headings() -> None:
    base = Journal(
        rating=2,
        answers=[Answer(HELP, "old", extra={"mood": "ok"}), Answer("Gone", "was here")],
        extra={"custom": 1},
    )
    result = apply_edit(base, EditedEntry(KEEP_RATING, ((HELP, "new"), (WILL, ""), (NO, "typed"))))
    assert result.rating == 2
    assert result.extra == {"custom": 1}
    assert result.answers == [Answer(HELP, "new", extra={"mood": "ok"}), Answer("Gone", ""), Answer(NO, "typed")]
    assert base.answers[0].text == "old"  # the base is not touched


@given(journals)
@example(Journal(answers=[Answer("", "")]))
@example(Journal(answers=[Answer(HELP, "\n"), Answer(HELP, "## x\n\\## y\n")]))
@example(Journal(answers=[Answer("a\\nb\nc\r", "trailing   \n\n")]))
def test_editor_layout_round_trips_any_journal_exactly(journal: Journal) -> None:
    text = to_editor_text(DAY, journal, DEFAULT_PROMPTS)
    assert apply_edit(journal, parse_editor_text(text)) == journal


@given(journals, st.lists(tricky, min_size=len(DEFAULT_PROMPTS), max_size=len(DEFAULT_PROMPTS)))
def test_text_typed_in_the_editor_is_read_back_exactly(journal: Journal, typed: list[str]) -> None:
    wanted = Journal(answers=[Answer(p, t) for p, t in zip(DEFAULT_PROMPTS, typed, strict=True)])
    edited = parse_editor_text(to_editor_text(DAY, wanted, DEFAULT_PROMPTS))
    result = apply_edit(journal, edited)
    for prompt, text in zip(DEFAULT_PROMPTS, typed, strict=True):
        assert result.answer(prompt) == text


@given(tricky)
def test_prompt_escapes_round_trip(prompt: str) -> None:
    escaped = escape_prompt(prompt)
    assert "\n" not in escaped
    assert "\r" not in escaped
    assert unescape_prompt(escaped) == prompt


def test_the_opportunities_moved_that_day_close_the_figures_only_when_there_are_some() -> None:
    assert not any("moved" in line for line in figure_lines(FIGURES))
    moved = replace(FIGURES, moves=(Moved("acme/staff", "[Acme]", "Staff\x1b[31m engineer", ("lead", "interview")),))
    assert figure_lines(moved)[-1] == "1 opportunity moved: \\[Acme\\] Staff\\[31m engineer → lead → interview"
