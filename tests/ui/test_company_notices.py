"""The Companies screen's notices say what the files hold, with each typed name on one line."""

from __future__ import annotations

from textual.widgets import Input

from networkday.services.companies import add_opportunity
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.choice import TextModal
from networkday.ui.screens.companies import CompaniesScreen
from tests.ui.screens import go_to, text_of
from tests.ui.test_companies import company_file, select, world


def last_notice(app: NetworkdayApp) -> str:
    return [n.message for n in app._notifications][-1]


async def test_a_move_dated_before_a_later_step_says_the_stage_kept(store: Store):
    app = create_app(world(store))
    add_opportunity(store, "acme", "Staff engineer", stage="interview")
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("M", "enter")  # offer, the next stage
        await pilot.press("enter", *["backspace"] * 10, *"2026-11-20", "enter")  # no note, a day before the interview
        await pilot.pause()
        (item,) = company_file(store, "acme")["opportunity"]
        assert item["stage"] == "interview"
        kept = "Staff engineer at Acme: still interview; the offer step is dated before a later step."
        assert last_notice(app) == kept


async def test_a_move_today_says_the_new_stage(store: Store):
    app = create_app(world(store))
    add_opportunity(store, "acme", "Staff engineer", stage="interview")
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("M", "enter", "enter", "enter")
        await pilot.pause()
        assert company_file(store, "acme")["opportunity"][0]["stage"] == "offer"
        assert last_notice(app) == "Staff engineer at Acme: offer."


async def test_a_taken_name_reopens_the_prompt_with_it_and_the_reason(store: Store):
    app = create_app(world(store))
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await pilot.press("a", *"ACME", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextModal)
        assert app.screen.query_one("#text-value", Input).value == "ACME"
        reason = text_of(app, "#text-error")
        assert reason.startswith("Not saved: ")
        assert "acme" in reason.casefold()
        await pilot.press("end", *" Robotics", "enter")
        await pilot.pause()
        assert company_file(store, "acme-robotics") == {"format": 1, "name": "ACME Robotics"}
        assert last_notice(app) == "Added ACME Robotics."


async def test_a_name_with_a_newline_is_one_line_in_the_notice(store: Store):
    app = create_app(world(store))
    add_opportunity(store, "acme", "Staff\nengineer", stage="interview")
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("M", "enter", "enter", "enter")
        await pilot.pause()
        assert "\n" not in last_notice(app)
