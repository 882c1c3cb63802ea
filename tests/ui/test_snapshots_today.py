"""What the Today screen looks like: default theme at 80x24 and 120x40, the ANSI theme at 80x24.

The data is built here, small and fixed, so only a change to the screen changes a snapshot.
Update them after a deliberate change with ``pytest --snapshot-update`` and look at the report.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.pilot import Pilot

from networkday.cli import main
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.widgets.sync_segment import SyncSegment
from tests.conftest import NOW


@pytest.fixture
def day_store(store: Store) -> Store:
    """Five people: a planned call, an overdue follow-up, a hiring manager, one out of touch, a wide name, markup."""
    today = NOW.date()
    store.add_contacts(
        [
            Contact(id="", name="Ada Lovelace", company="Analytical Engines", title="Engineer"),
            Contact(
                id="",
                name="Grace Hopper",
                company="Navy Labs",
                title="Hiring manager",
                hiring_manager=True,
                follow_up=today - timedelta(days=3),
            ),
            Contact(
                id="",
                name="Linus Pauling",
                company="Chem Co",
                log=[LogEntry(at=NOW - timedelta(days=40), channel="coffee", outcome="will", gave="article")],
            ),
            Contact(id="", name="王小明 (Wang Xiaoming)", company="深圳科技"),
            Contact(id="", name="Zoë [b]Markup[/b]", company="[@click=app.quit]Evil"),
        ]
    )
    store.update_day(today, lambda day: day.calls.append(Call("ada-lovelace", channel="video", purpose="intro")))
    return store


def test_today_80x24_default_theme(snap_compare, day_store: Store):
    assert snap_compare(create_app(day_store), terminal_size=(80, 24))


def test_today_120x40_default_theme(snap_compare, day_store: Store):
    assert snap_compare(create_app(day_store), terminal_size=(120, 40))


def test_today_80x24_ansi_theme_on_the_linux_console(snap_compare, day_store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("COLORTERM")
    app = create_app(day_store)
    assert snap_compare(app, terminal_size=(80, 24))
    assert app.theme == "networkday-ansi"


def test_too_small_50x15(snap_compare, day_store: Store):
    assert snap_compare(create_app(day_store), terminal_size=(50, 15))


def test_today_80x24_in_a_repository_shows_the_sync_state(
    snap_compare, day_store: Store, monkeypatch: pytest.MonkeyPatch
):
    """Synced 5 minutes before, one person added since: the segment beside the refrain, at 80 columns."""
    monkeypatch.setenv("NETWORKDAY_NOW", (NOW - timedelta(minutes=5)).isoformat())
    for args in (("sync", "init"), ("sync", "--offline"), ("add", "Mary Somerville")):
        assert main(["--data-dir", str(day_store.root), *args]) == 0
    app = create_app(Store.open(day_store.root, day_store.clock))

    async def synced(pilot: Pilot) -> None:
        for _ in range(50):
            await pilot.pause(0.1)
            if app.screen.query_one(SyncSegment).display:
                break
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=synced)
