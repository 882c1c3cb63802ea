"""An unreadable ``TZ`` is told once in the app, by the variable's name."""

from __future__ import annotations

from pathlib import Path

from networkday.clock import clock_from_environ
from networkday.storage.store import Store
from networkday.ui.app import create_app


async def test_an_unreadable_tz_is_one_notification_naming_it(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data", clock_from_environ({"TZ": "Invalid/Zone"}))
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        told = [n for n in app._notifications if "TZ='Invalid/Zone'" in n.message]
        assert len(told) == 1
        assert told[0].severity == "warning"


async def test_a_posix_rule_in_tz_gives_no_notification(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data", clock_from_environ({"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"}))
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not [n for n in app._notifications if "TZ" in n.message]
