"""A day with two calls to the same person (no answer, then a talk) shows them once, as they ended."""

from __future__ import annotations

from datetime import timedelta

from networkday.domain.contact import Contact, LogEntry
from networkday.services.actions import log_touch
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.conftest import NOW


async def test_two_outcomes_for_one_person_on_one_day_are_one_row_and_one_made(store: Store) -> None:
    ada = store.add_contact(Contact(id="", name="Ada Lovelace")).id
    for minutes, outcome in ((0, "no-answer"), (30, "talked")):
        log_touch(store, ada, LogEntry(at=NOW + timedelta(minutes=minutes), channel="phone", outcome=outcome))
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, TodayScreen)
        table = app.screen.query_one(QueueList)
        assert [(item.contact_id, item.outcome) for item, _ in table.rows] == [(ada, "talked")]
        assert app.screen.queue is not None
        assert (app.screen.queue.score.made, app.screen.queue.score.planned) == (1, 1)
        await pilot.press("down")
        assert table.cursor == 0
