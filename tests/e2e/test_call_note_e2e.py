"""A call note survives a SIGKILL: typed in the installed app, the app killed, the note found at the next start."""

from __future__ import annotations

import os
import signal
import time
import tomllib
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e
NOTE = "Hard for them: hiring testers"


def app_pid(terminal: Terminal) -> int:
    """The networkday process under the pane's shell (``env`` execs it)."""
    shell = int(terminal._tmux("list-panes", "-t", "e2e", "-F", "#{pane_pid}").split()[0])
    children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
    [pid] = [int(child) for child in children if b"networkday" in Path(f"/proc/{child}/cmdline").read_bytes()]
    return pid


def kept_note(root: Path) -> str | None:
    path = root / ".networkday" / "drafts.toml"
    if not path.exists():
        return None
    notes = [d["fields"].get("note") for d in tomllib.loads(path.read_text("utf-8"))["draft"] if d["kind"] == "call"]
    return notes[0] if notes else None


def test_a_call_note_survives_sigkill_and_comes_back(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data", FixedClock(NOW))
    store.add_contact(Contact(id="", name="Ada Lovelace", company="Analytical"))
    args = ["--data-dir", str(store.root)]
    first = Terminal(args, width=80, height=24)
    try:
        first.wait_for("Ada Lovelace")
        first.press("C")
        first.wait_for("Call with Ada Lovelace")
        first.type(NOTE)
        first.wait_for(NOTE)
        deadline = time.monotonic() + 10
        while kept_note(store.root) != NOTE:  # saved as typed: within about a second
            assert time.monotonic() < deadline, "the note was never kept"
            time.sleep(0.1)
        os.kill(app_pid(first), signal.SIGKILL)
    finally:
        first.close()
    second = Terminal(args, width=80, height=24)
    try:
        second.wait_for("before you ended")
        second.press("Enter")  # "Open it again, as it was left"
        screen = second.wait_for(NOTE)
        assert "Call with Ada Lovelace" in screen
        assert "call note from" in screen
    finally:
        second.close()
