"""The field-level fault run of bench/faults.py: every touch issued is on disk exactly once, whole.

Writers in their own processes log touches to one person, all in the same second (the
clock is fixed), each touch with a note of its own and a gave and asked made from it:

- cli: ``networkday log`` through ``cli.main``, as the command line runs it;
- prompt: the app's path, ``log_touch`` and then the prompt's ``amend_touch_details``
  with gave, asked, note and a follow-up; a clash is saved again over what the file
  holds now, as a person pressing Enter a second time does. Each prompt writer has a
  channel of its own: two identical touches in one second are one touch by the rules
  (docs/FORMAT.md), and their prompts would rightly clash over its note;
- editor: an editor saving in place: it truncates the contact file, then writes it
  with one more ``[[log]]`` entry, without the lock (a hand-typed touch, no outcome).
  It is a careful editor, so the run measures the store and not the editor's own lost
  updates: like vim's "the file has been changed since reading it", it reads the file
  again when the file it opened to save is not the one it read; and when a rename
  replaced the file while it wrote, it looks again and writes its touch again unless it
  is there (as its user would after the next ``:e``). It counts these retries;
- killer: ``log_touch`` SIGKILLed between the contact write and the day write, one
  touch in three; the parent then runs the same touch again, as a person retries.

A writer prints ``issued`` only for a touch it saw saved. At the end each issued note
must be found on exactly one entry, with its own gave and asked (and, for the app's
path, its id); after ``check --fix`` every logged touch must have one made call, and
every made call its touch. The person's follow-up must be one that a prompt set.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path

import tomli_w

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.errors import ConflictError
from networkday.domain.touch import TouchDetails
from networkday.services.actions import amend_touch_details, log_touch
from networkday.services.touch_audit import audit_touches, fix_touches
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

PERSON = "pat"
#: One channel per prompt writer; the command line and the killer log by phone.
PROMPT_CHANNELS = ("video", "coffee", "email", "lunch", "message", "in-person")
#: Tries of one touch while the file is unreadable (an editor halfway through its save).
TRIES = 200


@dataclass(frozen=True)
class TouchSize:
    writers: int  # of each of cli and prompt
    touches: int  # by each writer
    edits: int  # by the in-place editor
    kills: int  # touches the killer is killed in


SHORT_TOUCHES = TouchSize(writers=2, touches=10, edits=6, kills=3)
FULL_TOUCHES = TouchSize(writers=3, touches=40, edits=30, kills=20)


def details(note: str) -> tuple[str, str]:
    return f"gave {note}", f"asked {note}"


def retried(action: Callable[[], object]) -> object:
    """Runs a save again while the file reads as damaged (an in-place save under way)."""
    for _ in range(TRIES - 1):
        try:
            return action()
        except StoreError:
            time.sleep(0.005)
    return action()


# -- the writers, each in its own process -------------------------------------------------------


def child_cli(root: Path, who: str, count: int) -> None:
    from networkday.cli import main

    for number in range(count):
        note = f"{who}-{number}"
        gave, asked = details(note)
        argv = ["log", PERSON, "talked", "--note", note, "--gave", gave, "--asked", asked, "--data-dir", str(root)]
        for _ in range(TRIES):
            if main(argv) == 0:
                print(f"issued {note}", flush=True)
                break
            time.sleep(0.005)


def child_prompt(root: Path, who: str, count: int, clock) -> None:
    store = Store.open(root, clock)
    channel = PROMPT_CHANNELS[int(who[1:]) % len(PROMPT_CHANNELS)]
    for number in range(count):
        note = f"{who}-{number}"
        gave, asked = details(note)
        entry = LogEntry(at=clock.now(), channel=channel, outcome="will")
        contact = retried(partial(log_touch, store, PERSON, entry))
        base = TouchDetails.of(contact, entry)  # type: ignore[arg-type]
        follow_up = clock.today() + timedelta(days=number + 1)
        typed = TouchDetails(gave, asked, note, follow_up)
        print(
            f"issued {note} {entry.id} {follow_up.isoformat()}"
            if save_prompt(store, entry, base, typed)
            else f"gone {note}",
            flush=True,
        )


def save_prompt(store: Store, entry: LogEntry, base: TouchDetails, typed: TouchDetails) -> bool:
    """Enter in the prompt, and Enter again after a clash; False when the touch is gone from the history."""
    while True:
        try:
            retried(partial(amend_touch_details, store, PERSON, entry.id, base, typed))
            return True
        except ConflictError as clash:
            if clash.fields == ("touch",):
                return False
            now: Contact = retried(partial(store.contact, PERSON))  # type: ignore[assignment]  # the prompt reopens on it
            base = TouchDetails.of(now, next(e for e in now.log if e.id == entry.id))


def child_editor(root: Path, count: int, clock) -> None:
    """Saves ``count`` hand-typed touches in place; prints each, then ``retries`` and how many it made."""
    path = root / "contacts" / f"{PERSON}.toml"
    retries = 0
    for number in range(count):
        note = f"E-{number}"
        while not editor_save(path, {"at": clock.now(), "channel": "other", "note": note}):
            retries += 1
        print(f"issued {note}", flush=True)
        time.sleep(0.02)
    print(f"retries {retries}", flush=True)


def editor_read(path: Path) -> tuple[dict, tuple[int, int, int]]:
    """The file as an editor loads it, and what it knows of it: inode, size and mtime when read."""
    for _ in range(TRIES):
        with open(path, "rb") as file:
            seen = os.fstat(file.fileno())
            data = file.read()
        try:
            return tomllib.loads(data.decode("utf-8")), (seen.st_ino, seen.st_size, seen.st_mtime_ns)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            time.sleep(0.005)  # another editor-like write under way: read again
    raise SystemExit(f"{path}: never read whole")


def editor_save(path: Path, entry: dict) -> bool:
    """One save of ``entry`` in place; False when the editor must look again and save again.

    False: the file changed between the load and the save (it is loaded again first), or
    a rename replaced the file while it was written (the write went to the old inode).
    An entry already in the file when it is loaded again is not written twice.
    """
    table, seen = editor_read(path)
    log = table.setdefault("log", [])
    if any(item.get("note") == entry["note"] for item in log):
        return True  # the earlier write did land: the store read it before its rename
    log.append(entry)
    data = tomli_w.dumps(table).encode()
    with open(path, "r+b") as file:
        before = os.fstat(file.fileno())
        if (before.st_ino, before.st_size, before.st_mtime_ns) != seen:
            return False  # "the file has been changed since reading it"
        file.truncate(0)
        file.flush()
        time.sleep(0.002)
        file.write(data)
        file.flush()
        after = os.fstat(file.fileno())
    return after.st_nlink > 0 and os.stat(path).st_ino == after.st_ino


def child_killer(root: Path, start: int, count: int, kill: bool, clock) -> None:
    """Logs touches ``start`` to ``count``; with ``kill``, dies in the first between the contact and the day write."""
    store = Store.open(root, clock)
    for number in range(start, count):
        note = f"K-{number}"
        gave, asked = details(note)
        entry = LogEntry(at=clock.now(), channel="phone", outcome="talked", gave=gave, asked=asked, note=note)
        if kill and number == start:
            store.update_day = lambda *_: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[method-assign]
        retried(partial(log_touch, store, PERSON, entry))
        print(f"issued {note}", flush=True)


# -- the parent ---------------------------------------------------------------------------------


def touch_run(size: TouchSize, work: Path, spawn, clock, tally, in_place: bool) -> None:
    """Fills ``tally`` (a faults.Tally) with files checked and lost, and touches issued, found, lost and duplicated.

    Without ``in_place``: the command line, the prompt and the killer. With it: the
    command line and the prompt beside the editor that saves in place.
    """
    root = work / ("in-place" if in_place else "touches")
    store = Store.open(root, clock)
    store.add_contact(Contact(id="", name="Pat"))
    children = [spawn("touch-cli", str(root), f"C{n}", str(size.touches)) for n in range(size.writers)]
    children += [spawn("touch-prompt", str(root), f"P{n}", str(size.touches)) for n in range(size.writers)]
    issued: dict[str, list[str]] = {}
    if in_place:
        children.append(spawn("touch-editor", str(root), str(size.edits)))
        tally.faults += size.edits
    else:
        for line in run_killer(size, root, spawn, tally):
            issued[line[1]] = line[2:]
    tally.runs += len(children)
    for child in children:
        out, err = child.communicate(timeout=600)
        if child.returncode:
            tally.lose(f"a writer failed: {err.strip().splitlines()[-1:]}")
        for line in out.split("\n"):
            words = line.split()
            if words and words[0] == "issued":
                issued[words[1]] = words[2:]
            elif words and words[0] == "retries":
                tally.editor_retries += int(words[1])
            elif words and words[0] == "gone":
                tally.touches_lost += 1
                tally.note(f"{words[1]}: the prompt's touch was gone from the history when it saved")
    check_touches(tally, root, clock, issued)


def run_killer(size: TouchSize, root: Path, spawn, tally) -> list[list[str]]:
    """Each round kills a writer in its first touch, then runs the same three touches again (a retry)."""
    lines: list[list[str]] = []
    for round_ in range(size.kills):
        start = round_ * 3
        for kill in ("1", "0"):
            child = spawn("touch-killer", str(root), str(start), str(start + 3), kill)
            out, err = child.communicate(timeout=600)
            tally.runs += 1
            if kill == "1" and child.returncode == -signal.SIGKILL:
                tally.faults += 1
            elif child.returncode:
                tally.lose(f"the killer failed: {err.strip().splitlines()[-1:]}")
            lines += [line.split() for line in out.split("\n") if line.startswith("issued")]
    return lines


def check_touches(tally, root: Path, clock, issued: dict[str, list[str]]) -> None:
    store = Store.open(root, clock)
    for problem in store.problems.values():
        tally.lose(f"touches: {problem}")
    tally.checked += len(list(root.glob("contacts/*.toml"))) + len(list(root.glob("days/*/*.toml")))
    try:
        contact = store.contact(PERSON)
    except StoreError as error:
        tally.lose(f"touches: {error}")
        return
    by_note: dict[str, list[LogEntry]] = {}
    for entry in contact.log:
        by_note.setdefault(entry.note, []).append(entry)
    tally.touches_issued = len(issued)
    for note, rest in issued.items():
        found = by_note.get(note, [])
        if not found:
            tally.touches_lost += 1
            tally.note(f"touch {note} is not in the history")
            continue
        if len(found) > 1:
            tally.touches_duplicated += 1
            tally.note(f"touch {note} is in the history {len(found)} times")
        entry = found[0]
        whole = note.startswith("E-") or (entry.gave, entry.asked) == details(note)
        if whole and note.startswith("P"):
            whole = entry.id == rest[0]
        if whole:
            tally.touches_found += 1
        else:
            tally.touches_lost += 1
            tally.note(f"touch {note} lost a field: gave {entry.gave!r}, asked {entry.asked!r}, id {entry.id}")
    follow_ups = {rest[1] for note, rest in issued.items() if note.startswith("P")}
    tally.checked += 1
    if follow_ups and (contact.follow_up is None or contact.follow_up.isoformat() not in follow_ups):
        tally.lose(f"the follow-up on disk, {contact.follow_up}, is none that a prompt set")
    fix_touches(store)
    for problem in audit_touches(store):
        tally.lose(f"after check --fix: {problem}")
    calls = [c for c in store.day(clock.today()).calls if c.made]
    touches = [e for e in store.contact(PERSON).log if e.id and e.outcome]
    tally.checked += 1
    if len(calls) != len(touches):
        tally.touches_duplicated += max(0, len(calls) - len(touches))
        tally.note(f"{len(calls)} made calls for {len(touches)} logged touches")


def run_touch_child(mode: str, args: list[str], clock) -> None:
    root = Path(args[0])
    if mode == "touch-cli":
        child_cli(root, args[1], int(args[2]))
    elif mode == "touch-prompt":
        child_prompt(root, args[1], int(args[2]), clock)
    elif mode == "touch-editor":
        child_editor(root, int(args[1]), clock)
    else:
        child_killer(root, int(args[1]), int(args[2]), args[3] == "1", clock)


def spawn_with_now(now: str) -> Callable[..., subprocess.Popen[str]]:
    """Children whose commands read the same fixed instant as the store's clock."""

    def spawn(*args: str) -> subprocess.Popen[str]:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "NETWORKDAY_NOW": now}
        command = [sys.executable, str(Path(__file__).resolve().parent / "faults.py"), "--child", *args]
        return subprocess.Popen(command, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    return spawn
