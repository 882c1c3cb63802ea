"""Real processes: a writer killed at any instant, and two instances writing at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from datetime import date
from pathlib import Path

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.storage.store import Store

REPO = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 25)

PRELUDE = """
import sys, time
from datetime import date, datetime
from pathlib import Path
from networkday.clock import FixedClock
from networkday.domain.contact import LogEntry
from networkday.storage.store import Store

root = Path(sys.argv[1])
now = datetime.fromisoformat("2026-11-25T09:30:00+01:00")
store = Store.open(root, FixedClock(now))
"""

SAVER = """
ids = sys.argv[2].split(",")
n = int(sys.argv[3])
def stamp(contact, n):
    contact.title = f"v{n}"
    contact.notes = f"version {n}\\n" * 400
    contact.extra["check"] = n
while True:
    n += 1
    target = ids[n % len(ids)]
    print(f"start {target} {n}", flush=True)
    if target == "day":
        store.update_day(date(2026, 11, 25), lambda day: day.extra.update(check=n, pad=f"version {n}\\n" * 300))
    else:
        store.update_contact(target, lambda contact: stamp(contact, n))
    print(f"done {target} {n}", flush=True)
"""

APPENDER = """
contact_id, who, count = sys.argv[2], sys.argv[3], int(sys.argv[4])
go = root / "go"
while not go.exists():
    time.sleep(0.001)
for number in range(count):
    entry = LogEntry(at=now, channel="email", outcome="talked", note=f"{who} {number}")
    store.update_contact(contact_id, lambda contact: contact.log.append(entry))
print("finished", flush=True)
"""


def _child(script: str, *args: str, **popen: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    code = textwrap.dedent(PRELUDE) + textwrap.dedent(script)
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, text=True, **popen)  # type: ignore[call-overload]


def _version(path: Path) -> int:
    """The version a file holds; every part of one save carries the same number, so a torn write shows."""
    table = tomllib.loads(path.read_text("utf-8"))
    number = table["check"]
    if "title" in table:
        assert table["title"] == f"v{number}"
        assert table["notes"] == f"version {number}\n" * 400
    else:
        assert table["pad"] == f"version {number}\n" * 300
    return number


def _stamp_zero(contact: Contact) -> None:
    contact.title, contact.notes, contact.extra["check"] = "v0", "version 0\n" * 400, 0


def test_a_writer_killed_at_any_instant_leaves_old_or_new_content(tmp_path: Path, clock: FixedClock) -> None:
    root = tmp_path / "data"
    store = Store.open(root, clock)
    ids = [store.add_contact(Contact(id="", name=name)).id for name in ("Ann", "Bob", "Cy")]
    paths = {contact_id: store.contact_path(contact_id) for contact_id in ids} | {"day": store.day_path(DAY)}
    for contact_id in ids:
        store.update_contact(contact_id, _stamp_zero)
    store.update_day(DAY, lambda day: day.extra.update(check=0, pad="version 0\n" * 300))
    done = dict.fromkeys(paths, 0)
    number, saves, rng = 0, 0, random.Random(2026)
    kills = 0
    while saves < 300 or kills < 12:
        kills += 1
        assert kills < 200, f"only {saves} saves in {kills} runs"
        child = _child(SAVER, str(root), ",".join([*ids, "day"]), str(number), stdout=subprocess.PIPE)
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.startswith("start"), first
        time.sleep(rng.uniform(0.02, 0.4))
        child.send_signal(signal.SIGKILL)
        lines = [first, *child.stdout.read().splitlines(keepends=True)]
        child.wait()
        in_flight: dict[str, int] = {}
        for line in lines:
            if not line.endswith("\n"):
                continue  # killed while printing
            state, target, value = line.split()
            number = max(number, int(value))
            if state == "start":
                in_flight[target] = int(value)
            else:
                done[target] = int(value)
                in_flight.pop(target, None)
                saves += 1
        for target, path in paths.items():
            assert _version(path) in {done[target], in_flight.get(target, done[target])}, target
            done[target] = _version(path)
        reopened = Store.open(root, clock)
        assert reopened.problems == {}
        assert set(reopened.contacts) == set(ids)
        leftovers = [name for _, _, names in os.walk(root) for name in names if name.endswith(".tmp")]
        assert leftovers == []


def _wait_all(children: list[subprocess.Popen[str]]) -> None:
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.strip() == "finished"


def test_two_processes_editing_different_contacts_both_keep_their_edits(tmp_path: Path, clock: FixedClock) -> None:
    root = tmp_path / "data"
    store = Store.open(root, clock)
    ann, bob = (store.add_contact(Contact(id="", name=name)).id for name in ("Ann", "Bob"))
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    children = [
        _child(APPENDER, str(root), ann, "a", "60", **pipes),
        _child(APPENDER, str(root), bob, "b", "60", **pipes),
    ]
    (root / "go").touch()
    _wait_all(children)
    again = Store.open(root, clock)
    assert [entry.note for entry in again.contact(ann).log] == [f"a {n}" for n in range(60)]
    assert [entry.note for entry in again.contact(bob).log] == [f"b {n}" for n in range(60)]
    assert len(again.contacts[ann].entries) == len(again.contacts[bob].entries) == 60


def test_two_processes_appending_to_the_same_contact_keep_both(tmp_path: Path, clock: FixedClock) -> None:
    root = tmp_path / "data"
    store = Store.open(root, clock)
    ann = store.add_contact(Contact(id="", name="Ann")).id
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    children = [_child(APPENDER, str(root), ann, who, "60", **pipes) for who in ("a", "b")]
    (root / "go").touch()
    _wait_all(children)
    notes = [entry.note for entry in Store.open(root, clock).contact(ann).log]
    assert sorted(notes) == sorted(f"{who} {n}" for who in "ab" for n in range(60))
    assert [note for note in notes if note.startswith("a")] == [f"a {n}" for n in range(60)]


def test_an_update_applies_on_top_of_a_change_made_since_loading(tmp_path: Path, clock: FixedClock) -> None:
    root = tmp_path / "data"
    first = Store.open(root, clock)
    ann = first.add_contact(Contact(id="", name="Ann", company="Initech")).id
    second = Store.open(root, clock)
    second.update_contact(ann, lambda contact: setattr(contact, "title", "CTO"))
    path = first.contact_path(ann)
    path.write_text(path.read_text() + 'pronouns = "she/her"\n')
    entry = LogEntry(at=clock.now(), channel="phone", outcome="will")
    first.update_contact(ann, lambda contact: contact.log.append(entry))
    final = Store.open(root, clock).contact(ann)
    assert (final.title, final.company, final.extra, final.log) == ("CTO", "Initech", {"pronouns": "she/her"}, [entry])
