"""The whole loop of the Today screen, driven by keys through Pilot."""

from __future__ import annotations

import tomllib

from textual.geometry import Region

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.ui.conftest import TODAY, day_after


def read(path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def rows(app) -> list[str]:
    table = app.screen.query_one(QueueList)
    return [item.contact_id for item, _ in table.rows]


async def test_queue_shows_planned_then_due_then_suggestions(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)):
        assert isinstance(app.screen, TodayScreen)
        assert rows(app)[:2] == ["ada-lovelace", "grace-hopper"]
        assert len(rows(app)) == 4  # Linus was touched 12 days ago: not due yet, so not suggested


async def test_log_will_wont_no_answer_on_three_rows(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, LogPrompt)
        await pilot.press(*"shared a lead", "tab", *"intro to CTO", "enter")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("x")
        await pilot.press("escape")
        await pilot.press("n")
        await pilot.press("escape")
        await pilot.pause()

    day = read(small_store.day_path(TODAY))
    outcomes = {call["contact"]: call.get("outcome") for call in day["call"]}
    assert outcomes["ada-lovelace"] == "will"
    assert outcomes["grace-hopper"] == "wont"
    made = [call for call in day["call"] if call.get("outcome")]
    assert [c["outcome"] for c in made] == ["will", "wont", "no-answer"]
    ada = read(small_store.contact_path("ada-lovelace"))
    assert ada["log"][-1]["outcome"] == "will"
    assert ada["log"][-1]["gave"] == "shared a lead"
    assert ada["log"][-1]["asked"] == "intro to CTO"
    assert ada["log"][-1]["channel"] == "video"
    grace = read(small_store.contact_path("grace-hopper"))
    assert grace["log"][-1]["outcome"] == "wont"
    # The due follow-up is closed by the no, and the next touch set: no cadence, so the default 90 days.
    assert grace["follow_up"] == day_after(90)


async def test_cursor_moves_to_next_call_not_made(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "w", "escape")
        table = app.screen.query_one(QueueList)
        assert table.current().contact_id == rows(app)[2]
        await pilot.press("up", "up", "t", "escape")
        assert table.current().contact_id == rows(app)[2]


async def test_wont_shows_so_what_next_without_a_dismiss_key(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        messages = [n.message for n in app._notifications]
        assert "So what — next!" in messages
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_give_first_prompt_when_nothing_given_yet(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        labels = [str(label.render()) for label in app.screen.query("Label")]
        assert labels.index("What did you offer?") < labels.index("What did you ask?")


async def test_give_first_prompt_after_a_give_already_exists(small_store: Store):
    """Linus was given an article before: the prompt still asks what you offered first, and Tab goes there first."""
    small_store.update_contact("linus-pauling", lambda contact: setattr(contact, "follow_up", TODAY))
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(QueueList).select("linus-pauling")
        assert app.screen.query_one(QueueList).current().contact_id == "linus-pauling"
        await pilot.press("t")
        assert isinstance(app.screen, LogPrompt)
        labels = [str(label.render()) for label in app.screen.query("Label")]
        assert labels.index("What did you offer?") < labels.index("What did you ask?")
        await pilot.press(*"a lead", "tab", *"a name", "enter")
    entry = read(small_store.contact_path("linus-pauling"))["log"][-1]
    assert (entry["gave"], entry["asked"]) == ("a lead", "a name")


async def test_follow_up_from_the_prompt(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "tab", "tab", "tab", "tab", *"+1w", "enter")
    assert read(small_store.contact_path("ada-lovelace"))["follow_up"] == day_after(7)


async def test_remove_accept_reorder_and_channel_are_saved(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "y")  # plan the due follow-up
        await pilot.press("K")  # move it above Ada
        await pilot.press("c")
        await pilot.press("down", "enter")  # second channel: email
        await pilot.press("end", "d")  # dismiss the last suggestion
    day = read(small_store.day_path(TODAY))
    assert [c["contact"] for c in day["call"]] == ["grace-hopper", "ada-lovelace"]
    assert day["call"][0]["channel"] == "email"
    assert len(day["dismissed"]) == 1


async def test_postpone_moves_the_call_to_tomorrow(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p", "enter")
        assert "ada-lovelace" not in rows(app)
        await pilot.press("right_square_bracket")
        assert rows(app)[0] == "ada-lovelace"
    tomorrow = read(small_store.day_path(day_after(1)))
    assert tomorrow["call"][0] == {"contact": "ada-lovelace", "channel": "video", "purpose": "intro"}
    assert read(small_store.contact_path("ada-lovelace"))["follow_up"] == day_after(1)


async def test_a_day_file_naming_a_missing_contact_shows_a_problem_row(small_store: Store):
    from networkday.domain.day import Call

    small_store.update_day(TODAY, lambda day: day.calls.append(Call("nobody")))
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(QueueList)
        table.select("nobody")
        assert table.current().problem == "no contact 'nobody' in the data folder"
        await pilot.press("w")
        assert isinstance(app.screen, TodayScreen)
    assert read(small_store.day_path(TODAY))["call"][1] == {"contact": "nobody", "channel": "phone"}


async def test_markup_in_names_is_shown_literally(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(QueueList)
        strips = table.render_lines(Region(0, 0, *table.outer_size))
        lines = ["".join(segment.text for segment in strip) for strip in strips]
        assert any("Zoë [b]Markup[/b]" in line for line in lines)
        assert any("[@click=app.qu…" in line for line in lines)  # cut to its column, not acted on
        assert app.is_running


async def test_a_step_toward_a_hiring_manager_is_marked(small_store: Store):
    from networkday.domain.contact import Contact

    (small_store.root / "config.toml").write_text('targets = ["Navy Labs"]\n', "utf-8")
    small_store.load_config()
    small_store.update_contact("grace-hopper", lambda c: setattr(c, "referred_by", "ada-lovelace"))
    small_store.add_contact(Contact(id="", name="Carl Sagan", company="Navy Labs"))
    app = create_app(small_store)
    async with app.run_test(size=(120, 30)) as pilot:
        table = app.screen.query_one(QueueList)
        cells = {item.contact_id: table.cells(index) for index, (item, _) in enumerate(table.rows)}
        assert cells["ada-lovelace"][1] == "→ Ada Lovelace"
        assert cells["grace-hopper"][1] == "★ Grace Hopper"
        table.select("ada-lovelace")
        await pilot.pause()
        assert "→ a step toward Grace Hopper" in str(app.screen.query_one("#row-detail").render())
