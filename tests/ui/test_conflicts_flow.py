"""Sync conflicts in the app: Today's line follows the files, the list settles them, days show theirs."""

from __future__ import annotations

import tomllib

from networkday.clock import FixedClock
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.screens.companies import CompaniesScreen
from networkday.ui.screens.company import CompanyScreen
from networkday.ui.screens.conflicts import NONE_LEFT, ConflictsScreen
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.journal import JournalScreen
from networkday.ui.screens.today import TodayScreen
from networkday.ui.today_conflicts import ConflictLine, conflict_words
from networkday.ui.widgets.company_list import CompanyList
from tests.conflict_world import conflicted
from tests.conftest import NOW
from tests.ui.screens import cursor_line, text_of
from tests.ui.test_follow_files import shown_within, watch_kind, write_elsewhere
from tests.ui.test_quick_start import quick_app, unfrozen

__all__ = ["unfrozen", "watch_kind"]  # fixtures: the quick start's, and inotify and the look

SIZE = (80, 24)

CONFLICT = """
[[conflict]]
field = "title"
value = "Countess [b]of\\u001b[31m Lovelace"
from = "origin/main"
at = 2026-11-20T10:00:00Z
"""


def line_shown(app: NetworkdayApp) -> str | None:
    """Today's conflict line as shown, or None while it is hidden."""
    assert isinstance(app.screen, TodayScreen)
    line = app.screen.query_one("#conflict-line")
    return str(line.render()) if line.display else None


async def test_the_line_appears_when_a_file_gains_a_conflict_and_goes_once_it_is_settled(
    small_store: Store, watch_kind: str
) -> None:
    path = small_store.contact_path("ada-lovelace")
    app = create_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert line_shown(app) is None
        write_elsewhere(path, path.read_text("utf-8") + CONFLICT)  # a sync's merge, in another process
        await shown_within(pilot, lambda: line_shown(app) is not None)
        assert line_shown(app) == "! 1 sync conflict: changed on both machines. X to settle"
        await pilot.press("X")
        assert isinstance(app.screen, ConflictsScreen)
        rows = [line.plain for row in app.screen.query_one("#conflicts-list").rows for line in row]
        assert rows == [
            "Ada Lovelace (person) · title",
            "  kept: 'Engineer'",
            "  other: 'Countess [b]of\\x1b[31m Lovelace' (merge with origin/main)",
        ]
        await pilot.press("o")
        await pilot.pause()
        assert text_of(app, "#conflicts-hint") == NONE_LEFT
        await pilot.press("escape")
        await pilot.pause()
        assert line_shown(app) is None
    table = tomllib.loads(path.read_text("utf-8"))
    assert table["title"] == "Countess [b]of\x1b[31m Lovelace"
    assert "conflict" not in table


async def test_a_day_and_a_company_count_and_show_where_they_are(store: Store) -> None:
    paths = conflicted(store.root)
    store.scan()
    app = create_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()  # the companies are counted after the first frame
        assert (
            line_shown(app)
            == conflict_words(4, 1)
            == ("! 4 sync conflicts (1 in this day): changed on both machines. X to settle")
        )
        await pilot.press("right_square_bracket")  # tomorrow: its file holds none
        assert line_shown(app) == "! 4 sync conflicts: changed on both machines. X to settle"
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        journal = text_of(app, "#journal-conflicts")
        assert "! sync conflict in journal.rating: kept 3; other value 5" in journal
        await pilot.press("1")
        app.push_screen(CompanyScreen("acme"))
        await pilot.pause()
        assert "! sync conflict in website: kept 'https://acme.example'; other value none (removed)" in text_of(
            app, "#company-story"
        )
        await pilot.press("x")
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("o")  # the laptop removed the website: so it goes
        await pilot.press("escape")
        await pilot.pause()
        assert "sync conflict" not in text_of(app, "#company-story")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert line_shown(app) == "! 3 sync conflicts: changed on both machines. X to settle"
    assert "website" not in tomllib.loads(paths["company"].read_text("utf-8"))


def test_the_line_fits_80_columns_at_any_likely_count() -> None:
    assert len(conflict_words(9999, 999)) <= 78  # the screen's 80 less the padding


async def test_enter_opens_the_person_of_a_conflict(store: Store) -> None:
    conflicted(store.root)
    store.scan()
    app = create_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("X", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert app.screen.contact_id == "ada-lovelace"


async def test_a_start_from_the_preview_unpacks_nothing_for_the_line_then_shows_it(
    store: Store, clock: FixedClock, unfrozen: None
) -> None:
    from networkday.services.queue import keep_today_preview

    conflicted(store.root)
    store.scan()
    keep_today_preview(store, NOW.date())
    packed = Store.open(store.root, clock, scan=False, contacts=False)
    ConflictLine().show(packed, NOW.date())  # as Today's first frame from the preview asks
    assert not packed.contacts_loaded
    quick, app = quick_app(store, clock)
    assert app.preview is not None  # the first frame comes from it
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert quick.contacts_loaded
        assert line_shown(app) == conflict_words(4, 1)


async def test_the_list_drops_a_conflict_settled_from_the_person_when_shown_again(store: Store) -> None:
    conflicted(store.root)
    store.scan()
    app = create_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("X")
        listing = app.screen
        assert isinstance(listing, ConflictsScreen)
        assert len(listing.items) == 4
        await pilot.press("enter")  # Ada, whose title is the first
        await pilot.pause()
        await pilot.press("x")
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("m")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is listing
        assert [item.conflict.field for item in listing.items] == ["log[aaaa0001].note", "website", "journal.rating"]


def marks(listing: CompanyList) -> dict[str, str]:
    """The companies whose row, as drawn, starts with the conflict mark."""
    drawn = {}
    for index, row in enumerate(listing.rows):
        line = listing.render_line(index + listing.HEADER_LINES - round(listing.scroll_offset.y)).text
        if line.lstrip().startswith("!"):
            drawn[row.key] = "!"
    return drawn


async def test_the_companies_list_says_which_company_holds_conflicts_until_settled(store: Store) -> None:
    conflicted(store.root)
    store.scan()
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompaniesScreen)
        assert "1 with sync conflicts" in text_of(app, "#companies-title")
        listing = screen.query_one(CompanyList)
        while (row := listing.current()) is not None and row.key != "acme":
            await pilot.press("down")
        assert "! 1 sync conflict (Enter, x) · " in text_of(app, "#companies-detail")
        assert marks(listing) == {"acme": "!"}
        cursor_row = cursor_line(listing)
        mark = next(segment for segment in cursor_row if segment.text == "!")
        name = next(segment for segment in cursor_row if "Acme" in segment.text)
        assert mark.style is not None
        assert name.style is not None
        assert mark.style.bold
        assert mark.style.bgcolor == name.style.bgcolor  # the cursor's bar has no hole at the mark
        assert mark.style.color != name.style.color
        await pilot.press("enter")
        assert isinstance(app.screen, CompanyScreen)
        await pilot.press("x", "m", "escape", "escape")  # kept as it is
        await pilot.pause()
        assert app.screen is screen
        assert "sync conflict" not in text_of(app, "#companies-title")
        assert "sync conflict" not in text_of(app, "#companies-detail")
        assert marks(listing) == {}
