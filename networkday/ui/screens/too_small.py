"""What the app shows while the terminal is smaller than it can be used at.

It is pushed over whatever is open, so the screens and dialogs underneath keep their state
(what was typed, where the cursor was) and come back as they were when it is popped.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

#: The smallest terminal every screen is built to work in; documented in the README.
MIN_WIDTH = 60
MIN_HEIGHT = 20


def fits(size: Size) -> bool:
    return size.width >= MIN_WIDTH and size.height >= MIN_HEIGHT


def too_small_text(size: Size) -> Text:
    return Text(
        f"Terminal too small (need {MIN_WIDTH}x{MIN_HEIGHT}, have {size.width}x{size.height}).\n"
        "Make the window bigger or the font smaller; q quits.",
        justify="center",
    )


class TooSmallScreen(Screen[None]):
    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
    }
    TooSmallScreen > Static {
        width: 100%;
        height: auto;
        color: $text;
        text-style: bold;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(too_small_text(self.app.size), id="too-small")

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#too-small", Static).update(too_small_text(event.size))

    def on_screen_resume(self) -> None:
        """Uncovered again by a screen above it that closed after the terminal grew: step aside."""
        if fits(self.app.size) and self.app.screen is self:
            self.dismiss()
