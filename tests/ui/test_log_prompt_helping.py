"""The in-app log prompts ask what they gained, and reach the helping touches: Today, a person, a call's end."""

from __future__ import annotations

import tomllib
from datetime import datetime

from textual.widgets import Input

from networkday.domain.mode import HELPING
from networkday.services.mode import switch_mode
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.call_end import CallEndPrompt
from networkday.ui.modals.choice import ChoiceModal
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.screens.call import CallScreen
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.today import TodayScreen
from tests.ui.test_contact_detail import open_person


def last_touch(store: Store, contact_id: str) -> dict:
    return tomllib.loads(store.contact_path(contact_id).read_text("utf-8"))["log"][-1]


def focused_id(app) -> str | None:
    return app.screen.focused.id if app.screen.focused else None


async def tab_order(pilot, app, stops: int) -> list[str | None]:
    """The fields Tab visits from the first, in order."""
    order = [focused_id(app)]
    for _ in range(stops):
        await pilot.press("tab")
        order.append(focused_id(app))
    return order


async def type_into(pilot, app, field: str, text: str) -> None:
    app.screen.query_one(f"#log-{field}", Input).focus()
    await pilot.pause()
    await pilot.press(*text)


async def test_todays_prompt_asks_what_they_gained_and_saves_it_on_the_touch(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")  # talked, on Ada's planned call
        assert isinstance(app.screen, LogPrompt)
        assert await tab_order(pilot, app, 4) == ["log-gave", "log-asked", "log-note", "log-gained", "log-follow-up"]
        await type_into(pilot, app, "gave", "my test plan")
        await type_into(pilot, app, "gained", "a tester for Friday")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    touch = last_touch(small_store, "ada-lovelace")
    assert (touch["outcome"], touch["gave"], touch["gained"]) == ("talked", "my test plan", "a tester for Friday")
    assert not {"they_asked", "introduced", "landed"} & set(touch)


async def test_no_answer_asks_no_gain(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, LogPrompt)
        assert not app.screen.query("#log-gained")
        assert await tab_order(pilot, app, 3) == ["log-gave", "log-asked", "log-note", "log-follow-up"]


async def test_in_a_job_search_the_helping_fields_wait_behind_ctrl_o_then_land_in_the_file(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        prompt = app.screen
        assert isinstance(prompt, LogPrompt)
        assert "ctrl+o helping" in str(prompt.query_one("#log-keys").render())
        assert not prompt.query_one("#log-more").display
        await pilot.press(*"an article")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert focused_id(app) == "log-they_asked"
        assert prompt.query_one("#log-they_asked", Input).region.height > 0  # in view at 80x24
        assert "ctrl+o" not in str(prompt.query_one("#log-keys").render())
        await pilot.press(*"a reference", "tab", *"grace hopper, Niklaus Wirth", "tab", *"a PM role at Navy Labs")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    touch = last_touch(small_store, "ada-lovelace")
    assert touch["gave"] == "an article"
    assert touch["they_asked"] == "a reference"
    assert touch["introduced"] == ["grace-hopper", "Niklaus Wirth"]  # a contact's name became their id
    assert touch["landed"] == "a PM role at Navy Labs"


async def test_in_helping_mode_the_helping_fields_come_right_after_the_give(small_store: Store):
    switch_mode(small_store, HELPING)
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        prompt = app.screen
        assert isinstance(prompt, LogPrompt)
        assert "ctrl+o" not in str(prompt.query_one("#log-keys").render())
        order = await tab_order(pilot, app, 7)
        assert order == [
            "log-gave",
            "log-they_asked",
            "log-introduced",
            "log-landed",
            "log-asked",
            "log-note",
            "log-gained",
            "log-follow-up",
        ]
        await type_into(pilot, app, "gained", "an hour of advice")
        await type_into(pilot, app, "introduced", "mary-jackson")
        await type_into(pilot, app, "they_asked", "a mock interview")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    touch = last_touch(small_store, "ada-lovelace")
    assert touch["they_asked"] == "a mock interview"
    assert touch["introduced"] == ["mary-jackson"]
    assert touch["gained"] == "an hour of advice"


async def test_a_persons_log_asks_the_same_and_writes_through_the_same_save(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_person(app, pilot, "mary-jackson")
        await pilot.press("l")
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "down", "down", "down", "enter", "enter")  # talked, by phone
        assert isinstance(app.screen, LogPrompt)
        await pilot.press("tab", "tab", "tab", *"a lead at Wind Tunnel", "ctrl+o", *"feedback on her CV", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
    touch = last_touch(small_store, "mary-jackson")
    assert (touch["outcome"], touch["gained"]) == ("talked", "a lead at Wind Tunnel")
    assert touch["they_asked"] == "feedback on her CV"


async def test_a_calls_end_reaches_the_helping_fields_too(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("C")
        assert isinstance(app.screen, CallScreen)
        await pilot.press(*"Building a compiler", "ctrl+s", "t")
        assert isinstance(app.screen, CallEndPrompt)
        await pilot.press(*"my test plan", "ctrl+o", *"a tester", "tab", *"Grace Hopper")
        await type_into(pilot, app, "gained", "glad of the plan")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    touch = last_touch(small_store, "ada-lovelace")
    assert touch["note"] == "Building a compiler"
    assert (touch["gave"], touch["they_asked"], touch["introduced"]) == ("my test plan", "a tester", ["grace-hopper"])
    assert touch["gained"] == "glad of the plan"


async def test_helping_text_kept_as_a_draft_comes_back_with_its_fields_shown(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        prompt = app.screen
        assert isinstance(prompt, LogPrompt)
        await pilot.press("ctrl+o", *"a reference")
        [draft] = prompt.keep_typed(datetime(2026, 11, 25, 10, 0), "by a signal")
        assert draft.fields == {"they_asked": "a reference"}
    again = LogPrompt("Ada Lovelace", "will help", outcome="will", values=draft.fields)
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(again)
        await pilot.pause()
        assert again.query_one("#log-more").display
        assert again.query_one("#log-they_asked", Input).value == "a reference"
        assert "ctrl+o" not in str(again.query_one("#log-keys").render())
