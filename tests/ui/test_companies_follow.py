"""Company files changed outside the app show without a key: on the Companies list, a company's
screen, Today's rows and the problems view; ``m`` and ``M`` act on the file as it is now."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.widgets import Input, OptionList

from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.services.companies import add_company, add_opportunity, move_opportunity
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.choice import ChoiceModal, TextModal
from networkday.ui.modals.problems import ProblemsScreen
from networkday.ui.screens.companies import CompaniesScreen
from networkday.ui.screens.company import CompanyScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.conftest import NOW
from tests.ui.screens import go_to, text_of
from tests.ui.test_companies import company_file, names, select, world

WITHIN = 2.0


async def shown_within(pilot, seen: Callable[[], bool]) -> None:
    start = time.monotonic()
    while not seen():
        assert time.monotonic() - start < WITHIN, "the screen did not follow the files in time"
        await pilot.pause(0.05)


async def at_acme(app: NetworkdayApp, pilot) -> None:
    await go_to(app, pilot, "4", CompaniesScreen)
    await select(app, pilot, "Acme")


def problems_text(app: NetworkdayApp) -> str:
    lines = [str(label.render()) for label in app.screen.query(".dialog-text")]
    for listing in app.screen.query("#problems-list").results(OptionList):
        lines += [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    return "\n".join(lines)


async def test_the_list_and_a_company_follow_files_changed_elsewhere(store: Store):
    app = create_app(world(store))
    add_opportunity(store, "acme", "Staff engineer", stage="applied")
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        add_company(store, "Zeta Labs")  # as `networkday company add` in another shell
        await shown_within(pilot, lambda: "Zeta Labs" in names(app))
        await select(app, pilot, "Acme")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompanyScreen)
        move_opportunity(store, "acme/staff-engineer", "interview")
        await shown_within(pilot, lambda: "interview" in str(app.screen.query_one("#company-story").render()))
        Store.open(store.root, store.clock).add_contact(Contact(id="", name="Ann Acme", company="Acme"))  # elsewhere
        await shown_within(pilot, lambda: "Ann Acme" in str(app.screen.query_one("#company-story").render()))
        move_opportunity(store, "acme/staff-engineer", "offer")
        await pilot.press("escape")
        await pilot.pause()
        assert "offer" in text_of(app, "#companies-detail")


async def test_m_moves_from_the_stage_in_the_file_now(store: Store):
    app = create_app(world(store))
    add_opportunity(store, "acme", "Staff engineer", stage="applied")
    async with app.run_test(size=(120, 30)) as pilot:
        await at_acme(app, pilot)
        move_opportunity(store, "acme/staff-engineer", "interview")  # no time to show it
        await pilot.press("m", "enter", "enter")
        await pilot.pause()
        assert company_file(store, "acme")["opportunity"][0]["stage"] == "offer"


async def test_a_move_refused_as_closed_meanwhile_keeps_the_note(store: Store):
    app = create_app(world(store))
    add_opportunity(store, "acme", "Staff engineer", stage="applied")
    async with app.run_test(size=(120, 30)) as pilot:
        await at_acme(app, pilot)
        await pilot.press("m", *"Went well", "enter")
        move_opportunity(store, "acme/staff-engineer", "declined")  # while the day is asked
        await pilot.press("enter")
        await pilot.pause()
        assert company_file(store, "acme")["opportunity"][0]["stage"] == "declined"
        messages = [note.message for note in app._notifications]
        assert any("declined" in message and "\n" not in message for message in messages), messages
        assert isinstance(app.screen, ChoiceModal)  # a stage by hand, the note kept
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextModal)
        assert app.screen.query_one(Input).value == "Went well"


async def test_m_refuses_a_closed_opportunity(store: Store):
    app = create_app(world(store))
    add_opportunity(store, "acme", "Staff engineer", stage="applied")
    async with app.run_test(size=(120, 30)) as pilot:
        await at_acme(app, pilot)
        move_opportunity(store, "acme/staff-engineer", "accepted")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, CompaniesScreen)
        assert company_file(store, "acme")["opportunity"][0]["stage"] == "accepted"
        assert any("closed" in note.message for note in app._notifications)


async def test_shift_m_asks_which_of_two_and_reopens_a_closed_one(store: Store):
    app = create_app(world(store))
    add_opportunity(store, "acme", "Staff engineer", stage="applied")
    add_opportunity(store, "acme", "Designer", stage="applied")
    move_opportunity(store, "acme/designer", "declined")
    async with app.run_test(size=(120, 30)) as pilot:
        await at_acme(app, pilot)
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceModal)  # open first, the closed one below
        await pilot.press("j", "enter")  # the designer role, declined
        await pilot.press("home", "enter", "enter", "enter")  # to lead, no note, today
        await pilot.pause()
        stages = {item["id"]: item["stage"] for item in company_file(store, "acme")["opportunity"]}
        assert stages == {"staff-engineer": "applied", "designer": "lead"}


async def test_the_problems_view_lists_broken_company_files_from_the_start_and_follows_them(store: Store):
    app = create_app(world(store))
    broken = store.root / "companies" / "b1.toml"
    broken.write_text("name = \n", "utf-8")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0.8)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        await shown_within(pilot, lambda: "b1.toml" in problems_text(app))
        broken.write_text('name = "B one"\n', "utf-8")
        (store.root / "companies" / "b20.toml").write_text("name = \n", "utf-8")
        await shown_within(pilot, lambda: "b20.toml" in problems_text(app) and "b1.toml" not in problems_text(app))


async def test_today_names_the_opportunity_as_the_company_file_is_now(store: Store):
    store.add_contact(Contact(id="", name="Dana Lee", company="ACME Inc."))
    store.update_day(NOW.date(), lambda day: day.calls.append(Call("dana-lee", channel="phone")))
    add_company(store, "Acme")
    app = create_app(store)
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(QueueList)
        assert listing.serving("dana-lee") is None
        add_opportunity(store, "acme", "Staff engineer", stage="applied")
        await shown_within(pilot, lambda: listing.serving("dana-lee") == ("Staff engineer", "applied"))
        move_opportunity(store, "acme/staff-engineer", "declined")
        await shown_within(pilot, lambda: listing.serving("dana-lee") is None)
