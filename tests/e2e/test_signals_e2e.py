"""SIGTERM and SIGHUP end the app as ``q`` does: the terminal is given back, typed text is kept.

The app runs as a real process: in a pty whose every byte is read (to see the terminal
modes it leaves behind), or in tmux, whose pane is killed as a dropped SSH connection
would be. The next start offers what was typed in the prompt.
"""

from __future__ import annotations

import os
import signal
import stat
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.e2e.rawterm import Terminal as RawTerminal
from tests.e2e.rawterm import networkday_in_pty
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e
ENV = {"TERM": "xterm-256color", "NETWORKDAY_NOW": NOW.isoformat()}
TYPED = "Knows Grace at Navy Labs"
#: Each mode the app sets, with the sequence that sets it and the one that resets it.
MODES = {
    "alternate screen": (b"\x1b[?1049h", b"\x1b[?1049l"),
    "hidden cursor": (b"\x1b[?25l", b"\x1b[?25h"),
    "mouse reporting": (b"\x1b[?1000h", b"\x1b[?1000l"),
    "mouse motion": (b"\x1b[?1003h", b"\x1b[?1003l"),
}


def one_person(tmp_path: Path) -> Path:
    store = Store.open(tmp_path / "data", FixedClock(NOW))
    store.add_contact(Contact(id="", name="Ada Lovelace", company="Analytical"))
    return store.root


def modes_left_on(output: bytes) -> list[str]:
    """The modes whose last setting sequence is not followed by its reset."""
    return [name for name, (on, off) in MODES.items() if output.rfind(on) > output.rfind(off)]


def drafts(root: Path) -> list[dict]:
    return tomllib.loads((root / ".networkday" / "drafts.toml").read_text("utf-8"))["draft"]


def log_of(root: Path) -> list[dict]:
    return tomllib.loads((root / "contacts" / "ada-lovelace.toml").read_text("utf-8"))["log"]


def type_slowly(terminal: RawTerminal, text: str) -> None:
    for character in text.encode():
        terminal.press(bytes([character]))
        terminal.settle(0.01)


def eventually(check: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "it never happened"
        time.sleep(0.1)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_restores_the_terminal_and_keeps_the_log_prompt_text(tmp_path: Path, signum: int) -> None:
    root = one_person(tmp_path)
    with networkday_in_pty(root, ENV) as terminal:
        terminal.wait_for(b"Ada Lovelace")
        terminal.press(b"w")
        terminal.wait_for(b"Anything to add?")
        type_slowly(terminal, TYPED)
        terminal.wait_for(TYPED[-8:].encode())
        os.kill(terminal.process.pid, signum)
        code = terminal.finish()
        output = bytes(terminal.output)
    assert code == 128 + signum
    assert modes_left_on(output) == []
    [draft] = drafts(root)
    assert draft["fields"] == {"gave": TYPED}
    assert draft["contact"] == "ada-lovelace"
    assert draft["why"] == signal.Signals(signum).name
    assert stat.S_IMODE((root / ".networkday" / "drafts.toml").stat().st_mode) == 0o600

    with networkday_in_pty(root, ENV) as terminal:
        terminal.wait_for(b"Open it again")
        terminal.press(b"\r")
        terminal.wait_for(TYPED.encode())  # the prompt, as it was left
        terminal.settle(0.3)
        terminal.press(b"\r")
        terminal.wait_for(b"Added to your touch")
        terminal.press(b"q")
        assert terminal.finish() == 0
    assert log_of(root)[-1]["gave"] == TYPED
    assert not (root / ".networkday" / "drafts.toml").exists()


def test_a_killed_tmux_pane_keeps_the_text_and_the_next_start_offers_it(tmp_path: Path) -> None:
    root = one_person(tmp_path)
    terminal = Terminal(["--data-dir", str(root)])
    try:
        terminal.wait_for("Ada Lovelace")
        terminal.press("w")
        terminal.wait_for("Anything to add?")
        terminal.type(TYPED)
        terminal.wait_for(TYPED)
        terminal._tmux("kill-pane", "-t", "e2e")  # tmux sends the app SIGHUP, as sshd does on a drop
        eventually((root / ".networkday" / "drafts.toml").exists)
    finally:
        terminal.close()
    assert drafts(root)[0]["fields"] == {"gave": TYPED}
    assert drafts(root)[0]["why"] == "SIGHUP"
    again = Terminal(["--data-dir", str(root)])
    try:
        again.wait_for("typed the details of your touch with Ada Lovelace")
        again.press("Enter")
        again.wait_for(TYPED)
        again.press("Enter")
        eventually(lambda: log_of(root)[-1].get("gave") == TYPED)
        again.press("q")
    finally:
        again.close()


def test_a_signal_keeps_the_contact_form_changes(tmp_path: Path) -> None:
    root = one_person(tmp_path)
    with networkday_in_pty(root, ENV) as terminal:
        terminal.wait_for(b"Ada Lovelace")
        terminal.press(b"2")
        terminal.wait_for(b"Analytical")
        terminal.press(b"e")
        terminal.wait_for(b"Edit Ada Lovelace")
        terminal.press(b"\t")  # to Company, its text selected: what is typed replaces it
        terminal.settle(0.2)
        type_slowly(terminal, "Analytical Engines")
        terminal.wait_for(b"Engines")
        os.kill(terminal.process.pid, signal.SIGTERM)
        assert terminal.finish() == 128 + signal.SIGTERM
        assert modes_left_on(bytes(terminal.output)) == []
    [draft] = drafts(root)
    assert draft["kind"] == "contact"
    assert draft["fields"] == {"company": "Analytical Engines"}

    with networkday_in_pty(root, ENV) as terminal:
        terminal.wait_for(b"the form of Ada Lovelace")
        terminal.press(b"\r")
        terminal.wait_for(b"Analytical Engines")
        terminal.settle(0.3)
        terminal.press(b"\x13")  # ctrl+s
        terminal.wait_for(b"Saved Ada Lovelace")
        terminal.press(b"q")
        terminal.finish()
    saved = tomllib.loads((root / "contacts" / "ada-lovelace.toml").read_text("utf-8"))
    assert saved["company"] == "Analytical Engines"


def test_a_signal_saves_the_journal_being_typed_at_once(tmp_path: Path) -> None:
    root = one_person(tmp_path)
    with networkday_in_pty(root, ENV) as terminal:
        terminal.wait_for(b"Ada Lovelace")
        terminal.press(b"3")
        terminal.wait_for(b"Journal")
        terminal.press(b"e")
        terminal.settle(0.3)
        terminal.press(b"Met Ada, who knows Grace")
        terminal.wait_for(b"knows Grace")
        os.kill(terminal.process.pid, signal.SIGTERM)  # well before the autosave's wait is over
        assert terminal.finish() == 128 + signal.SIGTERM
    day = tomllib.loads((root / "days" / "2026" / "2026-11-25.toml").read_text("utf-8"))
    texts = [answer["text"] for answer in day["journal"]["answer"]]
    assert "Met Ada, who knows Grace" in texts
