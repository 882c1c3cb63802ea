"""Markup and escape sequences in contact data never act: checked on the raw terminal bytes.

The app runs in a pseudo-terminal (see rawterm.py) on a contact whose name, title, company
and notes carry markup and escape sequences; everything the app writes is recorded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.e2e.rawterm import colour_parameters, networkday_in_pty, sequences

pytestmark = pytest.mark.e2e

CLIPBOARD = "\x1b]52;c;SU5KRUNURUQ=\x07"  # would put "INJECTED" on the clipboard
CLEAR = "\x1b[2J"  # would wipe the screen
LINK = "\x1b]8;;http://evil.example\x1b\\click me\x1b]8;;\x1b\\"  # a hyperlink to a bad address
TITLE = "\x1b]0;owned\x07"  # would set the window title
C1_CSI = "\x9b31m"  # the one-byte CSI of some terminals

TRUE_COLOUR = {"TERM": "xterm-256color", "COLORTERM": "truecolor"}


def hostile_folder(tmp_path: Path) -> Path:
    """Today's plan holds one person whose every field tries something."""
    store = Store.open(tmp_path / "data", FixedClock(NOW))
    eve = store.add_contact(
        Contact(
            id="",
            name=f"Eve [b]x[/b]{CLEAR}",
            title=f"Boss{CLIPBOARD}{TITLE}",
            company=f"[@click=app.quit]Evil{LINK}{C1_CSI}",
            notes=f"NOTES-START [b]bold?[/b] [@click=app.quit]quit?[/] {CLIPBOARD}{CLEAR}{LINK} NOTES-END",
        )
    )
    store.update_day(NOW.date(), lambda day: day.calls.append(Call(eve.id)))
    return store.root


def assert_nothing_injected(output: bytes) -> None:
    for payload in (CLIPBOARD, CLEAR, LINK, TITLE, C1_CSI, "\x1b]8;;http://evil", "\x1b]0;", "\x1b]52;"):
        assert payload.encode() not in output, payload
    assert b"INJECTED" not in output
    unexpected = [
        sequence
        for sequence in sequences(output)
        if not sequence.startswith(b"\x1b[") and not sequence.startswith(b"\x1b]22;")  # CSI, pointer shape
    ]
    assert unexpected == []
    without_sequences = b"".join(part for part in _split_text(output))
    assert b"\x1b" not in without_sequences
    assert b"\x07" not in without_sequences
    assert not any(0x80 <= ord(char) <= 0x9F for char in without_sequences.decode("utf-8"))


def _split_text(output: bytes) -> list[bytes]:
    """The text between the sequences the app itself wrote."""
    parts: list[bytes] = []
    rest = output
    for sequence in sequences(output):
        before, _, rest = rest.partition(sequence)
        parts.append(before)
    parts.append(rest)
    return parts


def run_on_today_then_open(tmp_path: Path, environ: dict[str, str]) -> bytes:
    """Shows Today (name, title, company), opens the person (notes), goes back and quits."""
    with networkday_in_pty(hostile_folder(tmp_path), environ) as terminal:
        terminal.wait_for(b"So what")
        terminal.settle()
        terminal.press(b"\r")
        terminal.wait_for(b"NOTES-END")
        terminal.settle()
        terminal.press(b"\x1b")
        terminal.settle()
        terminal.press(b"q")
        assert terminal.finish() == 0
        return bytes(terminal.output)


def test_markup_and_escapes_in_contact_data_never_reach_the_terminal(tmp_path: Path):
    output = run_on_today_then_open(tmp_path, TRUE_COLOUR)
    assert_nothing_injected(output)
    assert b"[b]x[/b]" in output
    assert b"[@click=app.quit]Evil" in output
    assert b"[b]bold?[/b] [@click=app.quit]quit?[/]" in output
    assert b"]52;c;SU5KRUNURUQ=" in output  # shown as text, its ESC and BEL stripped


def test_the_linux_console_gets_only_its_16_colours(tmp_path: Path):
    output = run_on_today_then_open(tmp_path, {"TERM": "linux"})
    assert_nothing_injected(output)
    assert colour_parameters(output)
    assert not colour_parameters(output) & {"38", "48"}  # no 256-colour or true-colour codes


def test_no_color_sends_no_colour_at_all(tmp_path: Path):
    output = run_on_today_then_open(tmp_path, {**TRUE_COLOUR, "NO_COLOR": "1"})
    assert_nothing_injected(output)
    assert colour_parameters(output) <= {"39", "49"}  # the terminal's own default colours only
    assert b"\x1b[1;7;39;49m" in output  # the cursor row, in reverse video
