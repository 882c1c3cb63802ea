"""The network list, its search and a person's screen write no escape that came from contact data.

The same hostile contact as test_raw_output.py, reached through the Contacts screen: its
row in the list, the search that finds it, the line under the list and the person's screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.rawterm import networkday_in_pty
from tests.e2e.test_raw_output import TRUE_COLOUR, assert_nothing_injected, hostile_folder

pytestmark = pytest.mark.e2e


def test_the_contacts_screens_show_hostile_data_as_text(tmp_path: Path):
    with networkday_in_pty(hostile_folder(tmp_path), TRUE_COLOUR) as terminal:
        terminal.wait_for(b"So what")
        terminal.press(b"2")
        terminal.wait_for(b"1 of 1")
        terminal.press(b"/eve")
        terminal.wait_for(b"best matches first")
        terminal.press(b"\r")  # from the search to the list
        terminal.settle(0.3)
        terminal.press(b"\r")
        terminal.wait_for(b"NOTES-END")
        terminal.settle()
        terminal.press(b"q")
        assert terminal.finish() == 0
        output = bytes(terminal.output)
    assert_nothing_injected(output)
    assert b"Eve [b]x[/b]" in output
    assert b"[@click=app.quit]Evil" in output
