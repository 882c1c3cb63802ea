"""Today names the open opportunity a call serves, read from the company files once the first frame is up."""

from __future__ import annotations

from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.services.companies import add_company, add_opportunity, move_opportunity
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.widgets.queue_list import QueueList, serving_texts
from tests.conftest import NOW
from tests.ui.screens import text_of


def planned(store: Store) -> Store:
    store.add_contact(Contact(id="", name="Dana Lee", company="ACME Inc."))
    store.add_contact(Contact(id="", name="Bob Stone", company="Globex"))
    for person in ("dana-lee", "bob-stone"):
        store.update_day(NOW.date(), lambda day, p=person: day.calls.append(Call(p, channel="phone")))
    add_company(store, "Acme")
    add_opportunity(store, "acme", "Staff engineer", stage="applied")
    add_opportunity(store, "acme", "Principal engineer")
    move_opportunity(store, "acme/staff-engineer", "interview")
    add_company(store, "Globex")
    add_opportunity(store, "globex", "Designer")
    move_opportunity(store, "globex/designer", "declined")
    return store


async def test_a_row_names_the_opportunity_furthest_along_at_that_company(store: Store):
    app = create_app(planned(store))
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(QueueList)
        assert listing.serving("dana-lee") == ("Staff engineer", "interview")
        assert listing.serving("bob-stone") is None  # Globex's only opportunity is closed
        cells = {row[0].contact_id: listing.cells(index) for index, row in enumerate(listing.rows)}
        assert "planned · Staff engineer, interview" in cells["dana-lee"], cells
        assert cells["bob-stone"][4] == "planned"
        listing.select("dana-lee")
        await pilot.pause()
        assert "Dana Lee · ACME Inc. · for Staff engineer, interview" in text_of(app, "#row-detail")


async def test_a_move_made_elsewhere_shows_when_today_is_shown_again(store: Store):
    app = create_app(planned(store))
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        move_opportunity(store, "acme/staff-engineer", "offer")
        await pilot.press("2", "1")
        await pilot.pause()
        assert app.screen.query_one(QueueList).serving("dana-lee") == ("Staff engineer", "offer")


def test_a_narrow_column_keeps_the_stage_then_drops_it():
    texts = serving_texts(
        ["one step from Dana, hiring manager at Acme", "one step from Dana"], ("Staff engineer", "offer")
    )
    assert texts == [
        "one step from Dana, hiring manager at Acme · Staff engineer, offer",
        "one step from Dana · Staff engineer, offer",
        "one step from Dana, hiring manager at Acme · offer",
        "one step from Dana, hiring manager at Acme",
        "one step from Dana",
    ]
    assert serving_texts(["planned"], None) == ["planned"]


async def test_the_company_files_are_read_after_the_first_frame(store: Store, monkeypatch):
    """Start-up pays nothing for them: the first frame goes out before any company file is read."""
    planned(store)
    events: list[str] = []
    openings = store.company_openings
    monkeypatch.setattr(store, "company_openings", lambda: (events.append("read"), openings())[1])
    app = create_app(store)
    display = app._display

    def frame(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None:
            events.append("frame")
        display(screen, renderable)

    monkeypatch.setattr(app, "_display", frame)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
    assert events.index("frame") < events.index("read")
