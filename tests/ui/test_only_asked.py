"""Today flags a person only asked of, and its detail pane says what to offer before the call."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from rich.console import Console
from textual.widgets import Static

from networkday.domain.contact import Contact, LogEntry
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.help import HelpScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.conftest import NOW
from tests.ui.conftest import TODAY


@pytest.fixture
def asked_store(store: Store) -> Store:
    asked = LogEntry(at=NOW - timedelta(days=20), channel="email", outcome="talked", asked="an intro to Acme")
    store.add_contact(Contact(id="", name="Nia Asked", motives=["curiosity"], log=[asked], follow_up=TODAY))
    given = LogEntry(at=NOW - timedelta(days=20), channel="email", outcome="talked", asked="a tip", gave="my notes")
    store.add_contact(Contact(id="", name="Gus Given", log=[given], follow_up=TODAY))
    return store


def name_cell(listing: QueueList, contact_id: str) -> str:
    index = next(i for i, (item, _) in enumerate(listing.rows) if item.contact_id == contact_id)
    return listing.cells(index)[1]


async def test_a_person_only_asked_of_is_flagged_and_the_pane_says_what_to_offer(asked_store: Store) -> None:
    app = create_app(asked_store)
    async with app.run_test(size=(120, 30)) as pilot:
        listing = app.screen.query_one(QueueList)
        assert name_cell(listing, "nia-asked") == "Nia Asked ↩"
        assert name_cell(listing, "gus-given") == "Gus Given"
        listing.select("nia-asked")
        await pilot.pause()
        pane = str(app.screen.query_one("#row-detail", Static).render()).splitlines()
        assert pane[2].startswith("↩ Offer first: only asked of so far (1 ask, nothing given): offer something first")
        assert "curiosity: Bring an interesting question" in pane[2]
        listing.select("gus-given")
        await pilot.pause()
        pane = str(app.screen.query_one("#row-detail", Static).render()).splitlines()
        assert pane[2] == "Offer first: you last asked “a tip” (05 Nov 2026) · you last gave “my notes” (05 Nov 2026)"


async def test_a_give_logged_takes_the_flag_away(asked_store: Store) -> None:
    app = create_app(asked_store)
    async with app.run_test(size=(120, 30)) as pilot:
        listing = app.screen.query_one(QueueList)
        listing.select("nia-asked")
        await pilot.press("t", *"an article on robots", "enter")
        await pilot.pause()
        assert name_cell(listing, "nia-asked") == "Nia Asked"


async def test_the_key_help_explains_the_mark(asked_store: Store) -> None:
    app = create_app(asked_store)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-keys", Static).content)
        lines = [line.strip() for line in console.export_text().splitlines()]
    assert "↩ (<)  only asked of so far, never given anything: offer something first" in lines
