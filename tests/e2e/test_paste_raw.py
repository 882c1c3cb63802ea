"""A paste holding ESC lands in the journal whole and in order, without its control sequences: in a real pty.

The terminal sends the paste as a bracketed paste, exactly as a terminal emulator does;
the app's own parser (ui/paste.py) reads it.
"""

from __future__ import annotations

import time
import tomllib
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.rawterm import networkday_in_pty

pytestmark = pytest.mark.e2e
WILL = "Who will help, and how?"


def test_a_paste_with_esc_lands_in_the_journal_in_order(tmp_path: Path) -> None:
    demo = demo_copy(today=date(2026, 11, 25), target=tmp_path / "demo")
    environ = {"TERM": "xterm-256color", "NETWORKDAY_NOW": "2026-11-25T20:30:00+01:00"}
    day = demo / "days" / "2026" / "2026-11-25.toml"
    with networkday_in_pty(demo, environ, size=(80, 24)) as terminal:
        terminal.wait_for(b"So what")
        terminal.press(b"3")
        terminal.wait_for(b"Journal")
        terminal.press(b"e")
        terminal.settle(0.3)
        terminal.press(b"\t")
        terminal.settle(0.3)
        terminal.press("\x1b[200~Ann first \x1b[2Jthen Bob\x1b]52;c;SU5K\x07 and\u009b31m Cy\x1b[201~".encode())
        terminal.wait_for(b"saved")
        deadline = time.monotonic() + 10
        while WILL not in day.read_text("utf-8") and time.monotonic() < deadline:
            time.sleep(0.1)
        answers = tomllib.loads(day.read_text("utf-8"))["journal"]["answer"]
        terminal.press(b"\x11")  # ctrl+q
        terminal.finish()
    assert next(a["text"] for a in answers if a["prompt"] == WILL) == "Ann first then Bob and Cy"
