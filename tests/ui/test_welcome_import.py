"""The first start on an empty folder, the demo from there, and importing in the app."""

from __future__ import annotations

import shutil
from pathlib import Path

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.import_dialog import ImportDialog
from networkday.ui.modals.welcome import WelcomeScreen
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.fixture_files import fixture

LINKEDIN = fixture("linkedin/Connections.csv")


async def test_empty_folder_welcomes_and_offers_the_demo(store: Store):
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("d")
        assert isinstance(app.screen, TodayScreen)
        assert app.store is not store
        demo_root = app.store.root
        assert len(app.screen.query_one(QueueList).rows) >= 5
    assert not demo_root.exists()  # the temporary copy goes with the app
    assert list((store.root / "contacts").iterdir()) == []


async def test_escape_starts_empty_without_writing(store: Store):
    app = create_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
    assert list((store.root / "contacts").iterdir()) == []


async def test_import_linkedin_in_the_app(store: Store, tmp_path: Path):
    source = tmp_path / "Connections.csv"
    shutil.copy(LINKEDIN, source)
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, ImportDialog)
        await pilot.press("enter")  # linkedin is first
        await pilot.press(*str(source), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        log = "\n".join(app.screen.query_one("#import-log").lines)
        assert "rows read" in log
        assert "add " in log
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
    assert len(store.contacts) > 0


async def test_import_of_a_file_that_is_not_the_format_says_so(store: Store, tmp_path: Path):
    bogus = tmp_path / "notes.csv"
    bogus.write_text("hello,world\n1,2\n", "utf-8")
    store.update_day(store.clock.today(), lambda day: None)  # not empty: no welcome
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("I")
        await pilot.press("enter", *str(bogus), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        error = str(app.screen.query_one("#import-error").render())
        assert "notes.csv" in error
    assert store.contacts == {}


async def test_welcome_add_opens_the_contact_form_and_saves(store: Store):
    from networkday.ui.modals.contact_form import ContactForm

    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, ContactForm)
        await pilot.press(*"Jane Doe", "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
    assert store.contact("jane-doe").name == "Jane Doe"
