"""Snapshots of the call screen, and of its end, at 80x24 and 120x40 (and 80x24 on the Linux console)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from networkday.ui.app import create_app
from tests.ui.test_screens_snapshots import ANSI_80, DEFAULT_80, DEFAULT_120, small

SCREENS = {
    "call": (["C", *"Building a compiler", "enter", *"Needs testers"], (DEFAULT_80, DEFAULT_120, ANSI_80)),
    "call_outcome": (["C", "ctrl+s"], (DEFAULT_80,)),
    "call_end": (["C", "ctrl+s", "t", *"my test plan"], (DEFAULT_80, DEFAULT_120)),
}


async def steady_cursor(pilot) -> None:
    """Stop the focused field's blinking with its cursor shown.

    After the wait for the saved note, a blinking cursor is on or off by how loaded the machine is.
    With blinking off an Input hides its cursor until the next key, so a key that changes nothing shows it again.
    """
    focused = pilot.app.focused
    if isinstance(focused, Input | TextArea):
        focused.cursor_blink = False
        await pilot.press("end")
    await pilot.pause()


CASES = [(name, picture) for name, (_, pictures) in SCREENS.items() for picture in pictures]


@pytest.mark.parametrize(("name", "picture"), CASES, ids=[f"{name}-{picture}" for name, picture in CASES])
def test_call_screen(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, picture: str):
    if picture == ANSI_80:
        monkeypatch.setenv("TERM", "linux")
        monkeypatch.delenv("COLORTERM")
    keys, _ = SCREENS[name]
    app = create_app(small(tmp_path / "data"))

    async def show(pilot) -> None:
        await pilot.press(*keys)
        await pilot.pause(1.2)  # the note is kept a moment after the last key: the line under it says so
        app.clear_notifications()  # the timer's toast lands a frame early or late under load: it is not the screen
        await steady_cursor(pilot)

    size = (120, 40) if picture == DEFAULT_120 else (80, 24)
    assert snap_compare(app, run_before=show, terminal_size=size)
