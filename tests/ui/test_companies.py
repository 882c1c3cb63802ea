"""The Companies screen (key 4): the rows, marking a target, adding and moving an opportunity, a company's chain."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList

from networkday.domain.contact import Contact, LogEntry
from networkday.services.companies import add_company, add_opportunity
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.screens.companies import CompaniesScreen
from networkday.ui.screens.company import CompanyScreen
from networkday.ui.widgets.company_list import CompanyList
from tests.conftest import NOW
from tests.ui.screens import go_to, text_of


def world(store: Store) -> Store:
    """Sam introduced you to Maya, who introduced you to Dana, Acme's hiring manager; Quarry is a target with nobody."""
    store.add_contact(
        Contact(
            id="sam",
            name="Sam Root",
            company="Elsewhere",
            log=[LogEntry(at=NOW - timedelta(days=30), channel="coffee")],
        )
    )
    store.add_contact(Contact(id="maya", name="Maya Chen", company="Beta Co", referred_by="sam-root"))
    store.add_contact(
        Contact(
            id="dana",
            name="Dana Lee",
            company="ACME Inc.",
            title="Eng manager",
            hiring_manager=True,
            referred_by="maya-chen",
        )
    )
    store.add_contact(Contact(id="bob", name="Bob Stone", company="acme"))
    (store.root / "config.toml").write_text('targets = ["Quarry"]\n', "utf-8")
    store.load_config()
    add_company(store, "Acme")
    return store


@pytest.fixture
def app(store: Store) -> NetworkdayApp:
    return create_app(world(store))


def company_file(store: Store, company_id: str) -> dict:
    return tomllib.loads(store.company_path(company_id).read_text("utf-8"))


def names(app: NetworkdayApp) -> list[str]:
    return [row.name for row in app.screen.query_one(CompanyList).rows]


async def select(app: NetworkdayApp, pilot, name: str) -> None:
    while app.screen.query_one(CompanyList).current().name != name:
        await pilot.press("j")


async def test_the_list_puts_targets_first_and_shows_the_path(app: NetworkdayApp, store: Store):
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        assert names(app) == ["Quarry", "Elsewhere", "Acme", "Beta Co"]
        await select(app, pilot, "Acme")
        detail = text_of(app, "#companies-detail")
        assert "Acme · 2 people · Dana Lee" in detail
        assert "you → Sam Root → Maya Chen → ★ Dana Lee · no open opportunity" in detail
        await pilot.press("j")
        assert "No company file yet: t or o creates it." in text_of(app, "#companies-detail")
        await pilot.press("home")
        assert "A target in config.toml, with no company file yet: t or o creates it." in text_of(
            app, "#companies-detail"
        )
        await pilot.press("t")
        assert company_file(store, "quarry") == {"format": 1, "name": "Quarry", "target": True}
        assert "Quarry · ◆ target · 0 people" in text_of(app, "#companies-detail")


async def test_t_marks_a_target_in_its_file_and_unmarks_it(app: NetworkdayApp, store: Store):
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("t")
        assert company_file(store, "acme")["target"] is True
        assert names(app)[:2] == ["Acme", "Quarry"] or names(app)[:2] == ["Quarry", "Acme"]
        assert app.screen.query_one(CompanyList).current().name == "Acme"
        await pilot.press("t")
        assert "target" not in company_file(store, "acme")


async def test_t_on_a_company_without_a_file_creates_it_as_a_target(app: NetworkdayApp, store: Store):
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Beta Co")
        await pilot.press("t")
        assert company_file(store, "beta-co") == {"format": 1, "name": "Beta Co", "target": True}


async def test_o_adds_an_opportunity_opened_by_someone_there(app: NetworkdayApp, store: Store):
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("o", *"Staff engineer", "enter")  # the role
        await pilot.press("j", "enter")  # the stage: applied, below lead
        await pilot.press(*"lee", "enter")  # who opened it: found by a word of the name among the people there
        await pilot.pause()
        (item,) = company_file(store, "acme")["opportunity"]
        assert (item["role"], item["stage"], item["via"]) == ("Staff engineer", "applied", ["dana-lee"])
        assert "1 applied" in text_of(app, "#companies-detail")


async def test_m_moves_to_the_next_stage_with_a_dated_note(app: NetworkdayApp, store: Store):
    add_opportunity(store, "acme", "Staff engineer", via=["dana-lee"], stage="applied")
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("m", *"First round", "enter")
        await pilot.press(*["backspace"] * 10, *"2026-12-02", "enter")
        await pilot.pause()
        (item,) = company_file(store, "acme")["opportunity"]
        assert item["stage"] == "interview"
        step = item["step"][-1]
        assert (step["stage"], step["note"], step["at"].date().isoformat()) == (
            "interview",
            "First round",
            "2026-12-02",
        )


async def test_shift_m_moves_to_any_stage_dated_today_by_default(app: NetworkdayApp, store: Store):
    add_opportunity(store, "acme", "Staff engineer")
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("M", "j", "j", "enter")  # from applied (the next stage, highlighted) down to offer
        await pilot.press("enter", "enter")  # no note, today
        await pilot.pause()
        (item,) = company_file(store, "acme")["opportunity"]
        assert (item["stage"], item["step"][-1]["at"].date()) == ("offer", NOW.date())


async def test_a_bad_day_is_refused_beside_the_field(app: NetworkdayApp, store: Store):
    add_opportunity(store, "acme", "Staff engineer")
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("m", "enter", "x", "enter")
        assert "is not a date" in text_of(app, "#text-error")
        await pilot.press("escape")
        assert company_file(store, "acme")["opportunity"][0]["stage"] == "lead"


async def test_enter_opens_the_company_with_its_people_and_the_chain_behind_each_opportunity(
    app: NetworkdayApp, store: Store
):
    add_opportunity(store, "acme", "Staff engineer", via=["dana-lee"])
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompanyScreen)
        story = text_of(app, "#company-story")
        lines = story.splitlines()
        assert lines[1].split() == ["★", "Dana", "Lee", "·", "Eng", "manager", "·", "hiring", "manager"]
        assert "Bob Stone · no chain to a hiring manager" in lines[2]
        assert "Behind it: you → Sam Root → Maya Chen → Dana Lee" in story
        assert "2026-11-25 lead" in story
        await pilot.press("m", "enter", "enter")
        await pilot.pause()
        assert "2026-11-25 applied" in text_of(app, "#company-story")
        await pilot.press("escape")
        assert isinstance(app.screen, CompaniesScreen)


async def test_a_new_company_is_added_and_selected(app: NetworkdayApp, store: Store):
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await pilot.press("a", *"Globex", "enter")
        await pilot.pause()
        assert company_file(store, "globex") == {"format": 1, "name": "Globex"}
        assert app.screen.query_one(CompanyList).current().name == "Globex"
        await pilot.press("a", *"ACME", "enter")
        await pilot.pause()
        assert not Path(store.company_path("acme-2")).exists()


async def test_the_pick_offers_only_the_people_there_and_a_cold_application(app: NetworkdayApp, store: Store):
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Acme")
        await pilot.press("o", *"Designer", "enter", "enter")
        await pilot.pause()
        results = app.screen.query_one("#pick-person-results", OptionList)
        labels = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert labels == ["nobody: a cold application", "Bob Stone", "Dana Lee · Eng manager"]
        await pilot.press(*"sam")  # Sam Root is in the network, not at Acme
        await pilot.pause()
        assert results.option_count == 0
        await pilot.press(*["backspace"] * 3, "enter")
        await pilot.pause()
        (item,) = company_file(store, "acme")["opportunity"]
        assert (item["role"], item["stage"], item.get("via")) == ("Designer", "lead", None)


async def test_unmarking_a_company_config_names_is_refused_and_says_why(app: NetworkdayApp, store: Store):
    add_company(store, "Quarry")
    async with app.run_test(size=(120, 30)) as pilot:
        await go_to(app, pilot, "4", CompaniesScreen)
        await select(app, pilot, "Quarry")
        await pilot.press("t")
        assert company_file(store, "quarry")["target"] is True
        await pilot.press("t")
        assert company_file(store, "quarry")["target"] is True
        messages = [n.message for n in app._notifications]
        assert "quarry stays a target" in messages[-1]
        assert app.screen.query_one(CompanyList).current().target
