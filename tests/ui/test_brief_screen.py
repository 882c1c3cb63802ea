"""The call brief screen: `b` opens it from Today's row and from a person's screen; Escape goes back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from networkday.domain.companies import Company, Opportunity
from networkday.domain.contact import LogEntry
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.screens.brief import BriefScreen
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.conftest import NOW
from tests.ui.screens import text_of

SIZE = (80, 24)


@pytest.fixture
def briefed(small_store: Store) -> Store:
    """Ada (planned today) was introduced by Grace, has motives, a give and an ask, and Analytical is hiring."""

    def know_more(contact) -> None:
        contact.referred_by = "grace-hopper"
        contact.motives = ["curiosity"]
        contact.met = "PyCon 2024"
        contact.log.append(
            LogEntry(
                at=NOW - timedelta(days=3), channel="coffee", outcome="will", gave="a paper", note="Likes [b]maths[/b]"
            )
        )

    small_store.update_contact("ada-lovelace", know_more)
    small_store.add_company(
        Company(id="", name="Analytical", opportunities=(Opportunity(id="eng", role="Engineer", stage="applied"),))
    )
    return small_store


async def test_b_on_today_opens_the_selected_persons_brief_and_escape_comes_back(briefed: Store) -> None:
    app = create_app(briefed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(QueueList).current().contact_id == "ada-lovelace"
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.contact_id == "ada-lovelace"
        assert text_of(app, "#brief-title") == "Call brief: Ada Lovelace"
        text = text_of(app, "#brief-text")
        for part in (
            "introduced by: Grace Hopper (Hiring manager, Navy Labs, hiring manager)",
            "curiosity: Bring an interesting question or idea to talk about.",
            "gave: a paper",
            "Likes [b]maths[/b]",
            "Engineer at Analytical · applied",
            "Mention Grace Hopper, who introduced you.",
            "Suggested offer",
        ):
            assert part in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one(QueueList).current().contact_id == "ada-lovelace"


async def test_b_on_a_persons_screen_opens_their_brief_and_escape_goes_back_to_them(briefed: Store) -> None:
    app = create_app(briefed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.contact_id == "ada-lovelace"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert app.screen.contact_id == "ada-lovelace"


async def test_the_brief_scrolls_to_its_end_at_80x24(briefed: Store) -> None:
    app = create_app(briefed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        body = app.screen.query_one("#brief-body")
        assert body.max_scroll_y > 0  # longer than the screen: the keys must reach its end
        await pilot.press(*["j"] * (body.max_scroll_y + 2))
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y - 1


async def test_markup_in_a_name_is_shown_as_typed(briefed: Store) -> None:
    app = create_app(briefed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(BriefScreen("zoe-b-markup-b"))
        await pilot.pause()
        assert text_of(app, "#brief-title") == "Call brief: Zoë [b]Markup[/b]"
        assert "[@click=app.quit]Evil" in text_of(app, "#brief-text")


async def test_a_person_deleted_meanwhile_is_one_line_and_escape_still_goes_back(briefed: Store) -> None:
    app = create_app(briefed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        briefed.delete_contact("mary-jackson")
        app.push_screen(BriefScreen("mary-jackson"))
        await pilot.pause()
        assert text_of(app, "#brief-title").startswith("! no contact 'mary-jackson'")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
