"""The journal screen driven by keys: writing, autosave, hand edits, rating, browsing and search."""

from __future__ import annotations

import time
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
import tomli_w

from networkday.domain.journal import Hit
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.choice import ChoiceModal
from networkday.ui.modals.journal_days import JournalDays, hit_row
from networkday.ui.screens.journal import JournalScreen
from networkday.ui.screens.journal_saving import DEBOUNCE
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.answer_area import AnswerArea
from networkday.ui.widgets.row_list import RowList
from tests.journal_world import MON, TUE, WED, world_store
from tests.ui.screens import go_to, text_of


@pytest.fixture
def world(tmp_path: Path) -> Store:
    return world_store(tmp_path / "data")


HELP = "Who did I help today?"
WILL = "Who will help, and how?"
NO = "What was a no — so what, and who is next?"
EXACT = "line one  \n\n  \"quoted\" and 'single' back\\slash \\n not a newline\nZoë 中文 🙂 café\t tab\n\ntrailing  "


def answers_on_disk(store: Store, day=WED) -> dict[str, str]:
    table = tomllib.loads(store.day_path(day).read_text("utf-8"))
    return {a["prompt"]: a["text"] for a in table.get("journal", {}).get("answer", [])}


def rating_on_disk(store: Store, day=WED) -> int | None:
    return tomllib.loads(store.day_path(day).read_text("utf-8")).get("journal", {}).get("rating")


def hand_edit(store: Store, day, prompt: str, text: str) -> None:
    """What a person does in their editor: rewrite one answer of the day file."""
    path = store.day_path(day)
    table = tomllib.loads(path.read_text("utf-8"))
    journal = table.setdefault("journal", {})
    answers = journal.setdefault("answer", [])
    for answer in answers:
        if answer["prompt"] == prompt:
            answer["text"] = text
            break
    else:
        answers.append({"prompt": prompt, "text": text})
    path.write_text(tomli_w.dumps(table), "utf-8")


def area(app: NetworkdayApp, prompt: str) -> AnswerArea:
    return next(a for a in app.screen.query(AnswerArea) if a.key[0] == prompt)


def listed(app: NetworkdayApp) -> list[str]:
    """The rows of the list of days (or of matches), each row's lines joined."""
    return ["\n".join(line.plain for line in row) for row in app.screen.query_one(RowList).rows]


async def typed(pilot, answer: AnswerArea, text: str, *, at_end: bool = False) -> None:
    """Text in one go, as a paste: the draft has it, and the save is still DEBOUNCE away."""
    if at_end:
        answer.move_cursor(answer.document.end)
    answer.insert(text)
    await pilot.pause()


async def open_journal(app: NetworkdayApp, pilot) -> JournalScreen:
    return await go_to(app, pilot, "3", JournalScreen)


async def test_today_opens_with_the_days_figures_and_people(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        figures = text_of(app, "#journal-figures")
        assert "Calls: 3 made of 4 planned (goal 5) · gave 2 · asked 1" in figures
        assert "some will 1 · some won't 1 · left a message 1" in figures
        assert "Networking: 5:00 of 6:00 tracked, 83% (goal 85%: below goal)" in figures
        people = screen.query_one("#journal-people")
        assert [option.id for option in people.options] == ["carol-zoe", "jane-doe", "bob-stone"]
        assert [a.key[0] for a in screen.query(AnswerArea)][:4] == list(world.config.prompts)
        assert area(app, HELP).text.startswith("Jane: an intro to Sam.")


async def test_an_answer_survives_switching_screens_and_is_in_the_day_file(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("e", "tab")
        assert app.focused is area(app, WILL)
        await pilot.press(*"Dan, with an intro", "enter", "enter", *"  and more ")
        await pilot.press("escape", "1")
        assert isinstance(app.screen, TodayScreen)
        assert answers_on_disk(world)[WILL] == "Dan, with an intro\n\n  and more "
        await pilot.press("3")
        assert area(app, WILL).text == "Dan, with an intro\n\n  and more "
    assert answers_on_disk(world)[HELP] == "Jane: an intro to Sam.\nCarol: the article on café culture."


async def test_text_is_saved_exactly_after_the_pause_without_leaving(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        area(app, WILL).insert(EXACT)
        await pilot.pause()
        assert WILL not in answers_on_disk(world)
        assert "not saved yet" in text_of(app, "#journal-state")
        await pilot.pause(DEBOUNCE + 0.4)
        assert answers_on_disk(world)[WILL] == EXACT
        assert "saved 21:00:00" in text_of(app, "#journal-state")


async def test_typing_on_and_on_is_saved_within_about_a_second(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("e", "tab")
        started = time.monotonic()
        while WILL not in answers_on_disk(world):
            assert time.monotonic() - started < 2.5, "nothing saved while typing on"
            await pilot.press("x")
            await pilot.pause(0.15)


async def test_quitting_right_after_typing_saves(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("e", "tab", *"last words")
    assert answers_on_disk(world)[WILL] == "last words"


async def test_a_hand_edit_of_the_same_answer_is_not_overwritten(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        await typed(pilot, area(app, NO), "Bob: mine. ")
        hand_edit(world, WED, NO, "Bob: edited by hand.")
        assert not screen.flush()
        problem = text_of(app, "#journal-problem")
        assert "Not saved" in problem
        assert NO in problem
        assert "R to use the file's text or W to keep yours" in problem
        assert answers_on_disk(world)[NO] == "Bob: edited by hand."
        assert area(app, NO).text.startswith("Bob: mine. ")
        await pilot.pause(DEBOUNCE + 0.3)
        assert answers_on_disk(world)[NO] == "Bob: edited by hand."
        await pilot.press("escape", "R")
        assert area(app, NO).text == "Bob: edited by hand."
        assert not screen.query_one("#journal-problem").display
    assert answers_on_disk(world)[NO] == "Bob: edited by hand."


async def test_keep_mine_overwrites_the_clashing_answer_only_when_asked(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        await typed(pilot, area(app, NO), " Mine.", at_end=True)
        hand_edit(world, WED, NO, "Theirs.")
        hand_edit(world, WED, HELP, "Another answer, edited by hand.")
        assert not screen.flush()
        await pilot.press("escape", "W")
        on_disk = answers_on_disk(world)
        assert on_disk[NO].endswith(" Mine.")
        assert on_disk[HELP] == "Another answer, edited by hand."
        assert area(app, HELP).text == "Another answer, edited by hand."


async def test_a_hand_edit_of_another_answer_shows_up_and_survives(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        hand_edit(world, WED, HELP, "Edited in vim.")
        await typed(pilot, area(app, WILL), "typed here")
        assert screen.flush()
        assert area(app, HELP).text == "Edited in vim."
        await pilot.press("escape", "1", "3")
    assert answers_on_disk(world) == {
        HELP: "Edited in vim.",
        NO: "Bob said no. So what — next!",
        WILL: "typed here",
    }


async def test_a_hand_edit_while_nothing_is_typed_is_shown_by_the_poll(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        hand_edit(world, WED, HELP, "Seen from outside.")
        screen._poll()
        assert area(app, HELP).text == "Seen from outside."


async def test_quitting_with_a_clash_keeps_both_texts(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        await typed(pilot, area(app, HELP), "Mine: ")
        hand_edit(world, WED, HELP, "Theirs.")
        assert not screen.flush()
    on_disk = answers_on_disk(world)
    assert on_disk[HELP] == "Theirs."
    kept = [text for prompt, text in on_disk.items() if prompt.startswith(f"{HELP} (kept from the app")]
    assert kept == ["Mine: Jane: an intro to Sam.\nCarol: the article on café culture."]


async def test_untouched_answers_keep_characters_a_text_area_would_change(world: Store):
    odd = "form\x0cfeed\u2028line sep\r\nand CRLF\nmixed"
    world.update_day(WED, lambda day: day.journal.set_answer(NO, odd))
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("e", "tab", *"something")
        assert app.screen.flush()
    assert answers_on_disk(world)[NO] == odd


async def test_markup_and_escapes_in_an_answer_are_shown_as_text(world: Store):
    world.update_day(WED, lambda day: day.journal.set_answer(NO, "[b]bold?[/b] \x1b[31mred\x1b]52;c;eA==\x07"))
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        answer = area(app, NO)
        drawn = "".join(segment.text for segment in answer.render_line(0))
        assert "[b]bold?[/b] [31mred]52;c;eA==" in drawn
        assert "\x1b" not in drawn
        assert "\x07" not in drawn
        assert answer.text == "[b]bold?[/b] \x1b[31mred\x1b]52;c;eA==\x07"


async def test_rating_by_plus_minus_and_by_choice(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("plus")
        assert rating_on_disk(world) == 5
        await pilot.press("plus")
        assert rating_on_disk(world) == 5
        await pilot.press("minus", "minus")
        assert rating_on_disk(world) == 3
        assert "★★★☆☆ 3/5" in text_of(app, "#journal-state")
        await pilot.press("r")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "down", "down", "enter")  # 5 4 [3] 2 1 none: from 3 down to "none"
        assert rating_on_disk(world) is None
        assert "not rated" in text_of(app, "#journal-state")
        await pilot.press("minus")
        assert rating_on_disk(world) == 3


async def test_rating_keys_do_nothing_while_typing(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("e", "end", "plus", "minus", "r", "3")
        assert isinstance(app.screen, JournalScreen)
        assert area(app, HELP).text.startswith("Jane: an intro to Sam.+-r3\n")
        assert rating_on_disk(world) == 4


async def test_browse_days_and_move_day_by_day(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        await pilot.press("b")
        assert isinstance(app.screen, JournalDays)
        rows = listed(app)
        assert rows == [
            "Wed 25 Nov 2026  4/5  Jane: an intro to Sam.",
            "Tue 24 Nov 2026  3/5  Call Jane back.",
            "Mon 23 Nov 2026  2/5  Nobody: a quiet day.",
        ]
        await pilot.press("j", "j", "k", "down", "enter")  # j and k as well as the arrows
        assert screen.day == MON
        assert area(app, HELP).text == "Nobody: a quiet day."
        await pilot.press("right_square_bracket")
        assert screen.day == TUE
        assert area(app, "What will I do first tomorrow?").text == "Call Jane back."
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.day == WED
        await pilot.press("left_square_bracket", "left_square_bracket", "g")
        assert screen.day == WED


async def test_search_runs_in_a_worker_and_opens_the_day(world: Store):
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.day == MON
        await pilot.press("slash", *"CAFE culture")
        await pilot.pause(0.4)
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, JournalDays)
        assert listed(app) == [f"Wed 25 Nov 2026 · {HELP}\n  Carol: the article on café culture."]
        assert "1 match(es)" in text_of(app, "#journal-found")
        await pilot.press("down", "enter")
        assert screen.day == WED


async def test_a_person_is_one_key_from_their_detail(world: Store):
    from networkday.ui.screens.contact import ContactScreen

    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("p", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert app.screen.contact_id == "jane-doe"


async def test_an_unreadable_day_file_is_shown_and_never_replaced(world: Store):
    path = world.day_path(TUE)
    path.write_text("this is = not [toml\n", "utf-8")
    app = create_app(world)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(app, pilot)
        await pilot.press("left_square_bracket")
        assert screen.day == TUE
        assert "fix it by hand" in text_of(app, "#journal-problem")
        assert not list(screen.query(AnswerArea))
        await pilot.press("plus", "e", *"typed")
        assert any("cannot be changed here" in n.message for n in app._notifications)
    assert path.read_text("utf-8") == "this is = not [toml\n"


async def test_a_long_list_of_days_pages_and_keeps_the_cursor_in_sight(world: Store):
    for back in range(1, 61):
        day = MON - timedelta(days=back)
        world.update_day(day, lambda record, back=back: record.journal.set_answer(HELP, f"Day {back} " + "word " * 30))
    app = create_app(world)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(app, pilot)
        await pilot.press("b")
        days = app.screen.query_one(RowList)
        assert len(days.rows) == 63
        await pilot.press("end")
        assert days.cursor == 62
        assert days.scroll_y <= 62 < days.scroll_y + days.size.height
        drawn = "".join(segment.text for segment in days.render_line(days.size.height - 1))
        assert drawn.rstrip().endswith("…")
        await pilot.press("home", "pagedown")
        assert 0 < days.cursor < 62
        await pilot.press("pageup")
        assert days.cursor == 0
        assert days.scroll_y == 0


def test_a_match_is_underlined_where_it_is_even_after_double_spaces():
    second = hit_row(Hit(WED, HELP, "a  b\t  [b]Café[/b] x", 10, 14))[1]
    underlined = [second.plain[span.start : span.end] for span in second.spans if "underline" in str(span.style)]
    assert underlined == ["Café"]
    assert second.plain == "  a  b\t  [b]Café[/b] x"


async def test_the_figures_say_which_opportunities_moved_that_day(tmp_path: Path):
    from tests.pipeline_world import pipeline_store

    app = create_app(pipeline_store(tmp_path / "data"))
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(app, pilot, "3", JournalScreen)
        figures = text_of(app, "#journal-figures")
        assert "2 opportunities moved: Acme Staff engineer → lead → interview · Beta Corp Designer → applied" in figures
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "moved" not in text_of(app, "#journal-figures")  # Tuesday: nothing moved
