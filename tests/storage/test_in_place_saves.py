"""An editor saving in place (truncate, then write) while networkday saves: nothing is cut short.

The editor is a real second process that truncates the file and writes it back one
``[[table]]`` at a time, so every moment in between the file is valid TOML that holds
less than it did. A `networkday log` that reads it then must wait for the editor or refuse.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

REPO = Path(__file__).resolve().parents[2]
NOW = datetime.fromisoformat("2026-11-25T09:30:00+01:00")
DAY = date(2026, 11, 25)

#: Truncates argv[1] in place, writes the head of argv[2]'s text, says so, then each further
#: ``[[table]]`` after a pause of argv[3] seconds, as an editor's slow in-place save would.
EDITOR = """
import os, sys, time
path, text, pause = sys.argv[1], open(sys.argv[2]).read(), float(sys.argv[3])
head, *tables = text.split("\\n[[")
fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
os.write(fd, head.encode())
print("cut", flush=True)
for table in tables:
    time.sleep(pause)
    os.write(fd, ("\\n[[" + table).encode())
os.close(fd)
print("done", flush=True)
"""


def _editor(path: Path, text: str, pause: float, tmp_path: Path) -> subprocess.Popen[str]:
    """Starts the editor and returns once it has cut the file short."""
    source = tmp_path / "editor-buffer.toml"
    source.write_text(text)
    editor = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(EDITOR), str(path), str(source), str(pause)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert editor.stdout is not None
    assert editor.stdout.readline() == "cut\n"
    return editor


def _networkday(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NETWORKDAY_NOW": NOW.isoformat()}
    return subprocess.run(
        [sys.executable, "-m", "networkday", *args], check=False, capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture
def ada(tmp_path: Path) -> tuple[Store, Path, str]:
    """A contact with six touches, indexed; and the text an editor saves for it (one tag more)."""
    store = Store.open(tmp_path / "data", FixedClock(NOW))
    history = [LogEntry(at=NOW - timedelta(days=n), channel="email", note=f"touch {n}") for n in range(6, 0, -1)]
    contact = Contact(id="", name="Ada Lovelace", email=["ada@example.org"], tags=["math"], log=history)
    contact = store.add_contact(contact)
    path = store.contact_path(contact.id)
    edited = path.read_text().replace('"math",', '"math",\n    "edited",')
    assert edited != path.read_text()
    return store, path, edited


def test_a_log_during_a_slow_in_place_save_waits_and_keeps_every_touch(
    ada: tuple[Store, Path, str], tmp_path: Path
) -> None:
    store, path, edited = ada
    editor = _editor(path, edited, 0.3, tmp_path)  # six tables, 1.8 s: within the wait
    result = _networkday("log", "ada-lovelace", "talked", "--data-dir", str(store.root))
    assert editor.wait(timeout=60) == 0
    assert result.returncode == 0, result.stderr
    saved = tomllib.loads(path.read_text())
    assert saved["tags"] == ["math", "edited"]
    assert saved["email"] == ["ada@example.org"]
    assert [entry.get("note") for entry in saved["log"]] == [f"touch {n}" for n in range(6, 0, -1)] + [None]
    assert saved["log"][-1]["outcome"] == "talked"


def test_a_log_during_a_save_that_keeps_going_is_refused_and_the_editor_wins(
    ada: tuple[Store, Path, str], tmp_path: Path
) -> None:
    store, path, edited = ada
    editor = _editor(path, edited, 1.2, tmp_path)  # six tables, 7 s: longer than any wait
    result = _networkday("log", "ada-lovelace", "talked", "--data-dir", str(store.root))
    assert editor.wait(timeout=60) == 0
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        f"networkday: {path}: the file is being written by another program; not saved, try again\n"
    )
    assert path.read_text() == edited


def test_a_day_file_cut_short_by_an_editor_is_not_saved_over(tmp_path: Path) -> None:
    """The same guard for day files, here through the store in this process."""
    store = Store.open(tmp_path / "data", FixedClock(NOW))
    calls = [Call(contact=f"person-{n}", purpose=f"call {n}") for n in range(4)]
    store.update_day(DAY, lambda day: day.calls.extend(calls))
    path = store.day_path(DAY)
    edited = path.read_text() + '\n[[call]]\ncontact = "added-by-hand"\n'
    editor = _editor(path, edited, 1.2, tmp_path)
    with pytest.raises(StoreError, match="being written by another program; not saved"):
        store.update_day(DAY, lambda day: day.calls.append(Call(contact="late")))
    assert editor.wait(timeout=60) == 0
    assert path.read_text() == edited
    assert [call.contact for call in store.day(DAY).calls] == [*(call.contact for call in calls), "added-by-hand"]


def test_a_file_shortened_by_hand_a_while_ago_is_saved_as_it_is_now(ada: tuple[Store, Path, str]) -> None:
    """Deleting touches by hand is an edit like any other: once the file is settled, it is the record."""
    store, path, _ = ada
    text = path.read_text()
    shorter = text[: text.index("\n[[log]]")] + "\n"
    path.write_text(shorter)
    settled = path.stat().st_mtime - 10
    os.utime(path, (settled, settled))
    store.update_contact("ada-lovelace", lambda contact: setattr(contact, "title", "Analyst"))
    assert tomllib.loads(path.read_text()).get("log") is None
    assert tomllib.loads(path.read_text())["title"] == "Analyst"


def test_a_shorter_file_dated_in_the_future_by_a_sync_is_saved_as_it_is_now(ada: tuple[Store, Path, str]) -> None:
    """A sync may keep another machine's clock: a time far ahead is no editor at work here."""
    store, path, _ = ada
    text = path.read_text()
    path.write_text(text[: text.index("\n[[log]]")] + "\n")
    ahead = path.stat().st_mtime + 3600
    os.utime(path, (ahead, ahead))
    store.update_contact("ada-lovelace", lambda contact: setattr(contact, "title", "Analyst"))
    assert tomllib.loads(path.read_text())["title"] == "Analyst"
