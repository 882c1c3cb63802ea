"""The call screen through Pilot: opened from Today and from a person, the note kept as typed, the end logged."""

from __future__ import annotations

import tomllib

from textual.widgets import Static

from networkday.clock import FixedClock
from networkday.services import timer
from networkday.storage.drafts import call_draft, load_drafts
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.call_end import CallEndPrompt, CallOutcome
from networkday.ui.screens.brief import BriefScreen
from networkday.ui.screens.call import CallScreen, elapsed_text
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.answer_area import AnswerArea
from tests.ui.conftest import TODAY


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_a_call_from_today_ends_with_outcome_and_gain_in_one_touch(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert timer.snapshot(small_store).kind != "networking"
        await pilot.press("C")  # Ada's planned video call is the first row
        assert isinstance(app.screen, CallScreen)
        assert "Call with Ada Lovelace · Analytical" in text_of(app, "#call-title")
        assert "What is hard for them right now?" in text_of(app, "#call-prompts")
        await pilot.pause()
        assert timer.snapshot(small_store).kind == "networking"  # starting a call switched the timer
        assert any("the timer now counts networking" in str(n.message) for n in app._notifications)
        await pilot.press(*"Building a compiler", "enter", *"Needs testers")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CallOutcome)
        await pilot.press("t")
        assert isinstance(app.screen, CallEndPrompt)
        await pilot.press(*"my test plan", "tab", *"an intro", "tab", *"a tester for Friday", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)

    ada = tomllib.loads(small_store.contact_path("ada-lovelace").read_text("utf-8"))
    touch = ada["log"][-1]
    assert touch["outcome"] == "talked"
    assert touch["channel"] == "video"  # the planned call's channel
    assert touch["note"] == "Building a compiler\nNeeds testers"
    assert (touch["gave"], touch["asked"], touch["gained"]) == ("my test plan", "an intro", "a tester for Friday")
    assert touch["id"]
    assert len(ada["log"]) == 1  # one touch, one write path
    day = tomllib.loads(small_store.day_path(TODAY).read_text("utf-8"))
    [call] = [c for c in day["call"] if c["contact"] == "ada-lovelace"]
    assert (call["outcome"], call["touch"]) == ("talked", touch["id"])
    assert load_drafts(small_store) == []  # the kept note went with the logged call


async def test_escape_keeps_the_note_and_the_next_call_brings_it_back(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("C", *"They admire Lamport")
        await pilot.pause(1.3)  # saved as typed, within a second
        draft = call_draft(small_store, "ada-lovelace")
        assert draft is not None
        assert draft.fields["note"] == "They admire Lamport"
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("C")
        assert app.screen.query_one(AnswerArea).text == "They admire Lamport"
        assert "Your unsaved call note from" in text_of(app, "#call-state")
        said = [str(n.message) for n in app._notifications]
        assert "The call note is kept: C on this person brings it back." in said
        assert "Your unsaved call note is back." in said
        assert not any("timer now counts" in text for text in said[1:])  # already networking: nothing said
        await pilot.press("ctrl+s", "escape")  # the outcome asked, then back to the call: nothing logged
        assert isinstance(app.screen, CallScreen)
    assert "log" not in tomllib.loads(small_store.contact_path("ada-lovelace").read_text("utf-8"))
    assert call_draft(small_store, "ada-lovelace") is not None


async def test_the_calls_clock_runs_on_the_apps_clock(small_store: Store, clock: FixedClock) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("C")
        assert "Call time 00:00" in text_of(app, "#call-clock")
        clock.advance(seconds=65)
        await pilot.pause(1.2)
        assert "Call time 01:05" in text_of(app, "#call-clock")
    assert elapsed_text(3725) == "1:02:05"


async def test_a_person_screen_opens_the_call_with_C(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("C")
        assert isinstance(app.screen, CallScreen)
        assert "Grace Hopper · Navy Labs" in text_of(app, "#call-title")
        await pilot.press("escape")
        assert isinstance(app.screen, ContactScreen)


async def test_the_brief_turns_into_the_call_with_the_planned_channel(small_store: Store) -> None:
    """Today → b (brief) → c (call) → end: one touch on the planned channel, and the brief shows it."""
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        await pilot.press(*"Asked about the compiler", "ctrl+s", "w")
        assert isinstance(app.screen, CallEndPrompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert "Asked about the compiler" in str(app.screen.query_one("#brief-text", Static).render())
    touch = tomllib.loads(small_store.contact_path("ada-lovelace").read_text("utf-8"))["log"][-1]
    assert (touch["channel"], touch["outcome"], touch["note"]) == ("video", "will", "Asked about the compiler")
