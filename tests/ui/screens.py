"""Small steps shared by the screen tests: go to a screen by its key, read what a widget shows."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.app import App
from textual.screen import Screen

from networkday.ui.widgets.virtual_list import VirtualList

S = TypeVar("S", bound=Screen)


async def go_to(app: App, pilot, key: str, screen_type: type[S]) -> S:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, screen_type)
    return app.screen


def text_of(app: App, selector: str) -> str:
    """The plain text a widget of the current screen shows."""
    return str(app.screen.query_one(selector).render())


def cursor_line(listing: VirtualList) -> list[Segment]:
    """The cursor's row of a list as it is drawn, segment by segment with their styles."""
    return list(listing.render_line(listing.HEADER_LINES + listing.cursor - round(listing.scroll_offset.y)))
