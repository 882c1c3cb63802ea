"""A list's alert cell keeps the cursor's bar whole (the Companies list's: tests/ui/test_conflicts_flow.py).

The alert's component style carried the list's own background: on the cursor's row the
cell was drawn on it, a hole in the bar, seen at 80x24 in a true-colour terminal.
"""

from __future__ import annotations

from pathlib import Path

from networkday.clock import FixedClock
from networkday.storage.demo import demo_copy
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.widgets.contact_list import ContactList
from tests.conftest import NOW
from tests.ui.screens import cursor_line


async def test_an_overdue_follow_up_keeps_the_cursor_bar(tmp_path: Path) -> None:
    store = Store.open(demo_copy(NOW.date(), tmp_path / "demo"), FixedClock(NOW))
    app = create_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        listing = app.screen.query_one(ContactList)
        for _ in range(len(listing.rows)):
            overdue = [segment for segment in cursor_line(listing) if "overdue" in segment.text]
            if overdue:
                break
            await pilot.press("down")
        assert overdue, "the demo has overdue follow-ups"
        name = cursor_line(listing)[1]
        assert overdue[0].style is not None
        assert name.style is not None
        assert overdue[0].style.bgcolor == name.style.bgcolor
