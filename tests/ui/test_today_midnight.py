"""Past midnight, Today moves to the new day by itself; a day browsed to stays."""

from __future__ import annotations

import tomllib
from datetime import datetime, time, timedelta

from networkday.clock import FixedClock
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.widgets.timer_bar import TimerBar
from tests.conftest import NOW
from tests.ui.conftest import TODAY

BEFORE_MIDNIGHT = datetime.combine(TODAY, time(23, 58), tzinfo=NOW.tzinfo)
TOMORROW = TODAY + timedelta(days=1)


def _title(app) -> str:
    return str(app.screen.query_one("#day-title").render())


async def _tick(app, pilot) -> None:
    """What the screen's two-second interval runs, run now rather than waited for."""
    app.screen._poll()
    await pilot.pause()


async def test_today_moves_to_the_new_day_and_takes_outcomes_there(small_store: Store, clock: FixedClock):
    clock.set(BEFORE_MIDNIGHT)
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert _title(app).startswith(f"Today · {TODAY:%a %d %b %Y}")
        clock.advance(minutes=5)
        await _tick(app, pilot)
        assert app.screen.day == TOMORROW
        assert _title(app).startswith(f"Today · {TOMORROW:%a %d %b %Y}")
        assert [n.message for n in app._notifications if "new day" in n.message] == [f"A new day: {TOMORROW:%A %d %B}."]
        await pilot.press("w", "escape")
    logged = [
        entry
        for path in small_store.contacts_dir.rglob("*.toml")
        for entry in tomllib.loads(path.read_text("utf-8")).get("log", [])
        if entry["at"].date() == TOMORROW
    ]
    assert len(logged) == 1


async def test_a_day_browsed_to_stays_and_only_its_label_moves(small_store: Store, clock: FixedClock):
    clock.set(BEFORE_MIDNIGHT)
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right_square_bracket")
        assert _title(app).startswith(f"Tomorrow · {TOMORROW:%a %d %b %Y}")
        await pilot.press("left_square_bracket", "left_square_bracket")
        yesterday = TODAY - timedelta(days=1)
        assert app.screen.day == yesterday
        clock.advance(minutes=5)
        await _tick(app, pilot)
        assert app.screen.day == yesterday
        assert not [n for n in app._notifications if "new day" in n.message]
        await pilot.press("right_square_bracket")
        assert app.screen.day == TODAY
        assert _title(app).startswith(f"{TODAY:%a %d %b %Y}")  # no longer "Today"


async def test_a_session_running_across_midnight_counts_from_midnight_on_the_new_day(
    small_store: Store, clock: FixedClock
):
    clock.set(BEFORE_MIDNIGHT)
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("T")
        clock.advance(minutes=32)  # 00:30
        await _tick(app, pilot)
        bar = str(app.screen.query_one(TimerBar).render())
        assert "NETWORKING 0:32" in bar
        assert "net 0:30" in bar
