"""Fault runs: killed writers, failing disks, two instances and damaged files; nothing may be lost.

    python bench/faults.py            # full: about 4 minutes
    python bench/faults.py --short    # the CI form: about 30 seconds
    python bench/faults.py --json     # the counts as JSON (tests/storage/test_faults_short.py)

Six runs, each in its own temporary folder, each counting runs, faults injected, files
checked and files lost (the goal is 0 lost):

- kill: writer processes doing real Store saves (contacts, a day file, journal autosave
  through ``save_journal``) and LinkedIn imports, SIGKILLed at random moments. After
  each kill every saved file must hold the version that was saved last or the one being
  saved (each save stamps one number all through the file, so a torn write shows), every
  file must read, and no temp file may survive the next ``Store.open``.
- disk: ENOSPC and EIO injected at each system call of a write (open, write, fsync,
  close, link, rename; the file's and the folder's, and the index cache's), one call at
  a time, for a note edit, a logged outcome (two files), a batch of new contacts and a
  journal autosave. Each file must then hold its old content (with an error naming the
  file and the reason) or its new content (without one), no temp file may be left, and
  the same edit retried must land exactly once.
- twins: two processes working one folder: each adds touches to its own contacts, both
  add touches to one shared contact and calls to one day, and both edit one field of a
  shared contact through the contact form's three-way save. Every edit a process saw
  saved must be on disk; the field edits must form one chain in which each saved edit
  was made on top of the one before it (a clash is reported, never saved over).
- damage: every kind of file (contact, day, config, state, index cache) damaged in
  every way (empty, NUL-filled, truncated, invalid UTF-8, wrong types). Each damaged
  record must be reported with its path and line by ``Store.open`` and by
  ``networkday check``, and keep its bytes while the app opens and saves another file;
  a damaged index cache, being derived, must be rebuilt to the same summaries.
- touches and in-place: field-level (bench/faults_touches.py). Writers in their own
  processes log touches to one person in the same second: ``networkday log``, the app's
  prompt path, and a writer killed between the contact write and the day write, then
  retried (touches); the command line and the prompt beside an editor that truncates
  the file and writes it in place, without the lock (in-place). Each touch carries a
  note of its own; every issued note must be found exactly once, with its own gave,
  asked and id, and every logged touch must have one made call. Touches issued, found,
  lost and duplicated are counted beside the files, and so are the editor's retries:
  a careful editor loads the file again when it changed since it was loaded, and saves
  again when a rename replaced the file under its write.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import faults_touches, make_linkedin  # noqa: E402
from networkday.clock import FixedClock  # noqa: E402
from networkday.domain.contact import Contact, LogEntry  # noqa: E402
from networkday.domain.day import Answer, Call, Journal  # noqa: E402
from networkday.domain.errors import ConflictError  # noqa: E402
from networkday.services.actions import edit_contact, log_touch  # noqa: E402
from networkday.services.journal import save_journal  # noqa: E402
from networkday.storage import atomic, index  # noqa: E402
from networkday.storage.problems import StoreError  # noqa: E402
from networkday.storage.store import Store  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))
DAY = NOW.date()
JOURNAL_DAY = DAY - timedelta(days=1)
PROMPTS = ("Who did I help today?", "What will I do first tomorrow?")


@dataclass
class Tally:
    """What one run did and found; ``lost`` counts files that are unreadable, torn, missing or stale."""

    run: str
    runs: int = 0
    faults: int = 0
    checked: int = 0
    lost: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    #: The field-level count of the touches run (bench/faults_touches.py).
    touches_issued: int = 0
    touches_found: int = 0
    touches_lost: int = 0
    touches_duplicated: int = 0
    #: Saves the in-place editor looked at the file again and repeated (see faults_touches.editor_save).
    editor_retries: int = 0

    def lose(self, what: str) -> None:
        self.lost += 1
        self.note(what)

    def note(self, what: str) -> None:
        """Says what went wrong; the caller counts it (a file lost, a touch lost or duplicated)."""
        if len(self.notes) < 20:
            self.notes.append(what)

    @property
    def failed(self) -> bool:
        return bool(self.lost or self.touches_lost or self.touches_duplicated)


@dataclass(frozen=True)
class Size:
    kills: int
    twin_seconds: float
    import_rows: int


FULL = Size(kills=300, twin_seconds=60.0, import_rows=80)
SHORT = Size(kills=30, twin_seconds=3.0, import_rows=40)
TOUCH_SIZES = {FULL: faults_touches.FULL_TOUCHES, SHORT: faults_touches.SHORT_TOUCHES}


def clock() -> FixedClock:
    return FixedClock(NOW)


def child_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("NETWORKDAY_NOW", None)
    return env


def spawn(*args: str) -> subprocess.Popen[str]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    return subprocess.Popen(command, env=child_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def temp_files(root: Path) -> list[Path]:
    return [Path(folder) / name for folder, _, names in os.walk(root) for name in names if name.endswith(".tmp")]


def data_files(root: Path) -> list[Path]:
    return sorted([*root.glob("contacts/*.toml"), *root.glob("days/*/*.toml")])


# -- kill --------------------------------------------------------------------------------------


def stamp_contact(contact: Contact, number: int) -> None:
    contact.title = f"v{number}"
    contact.notes = f"version {number}\n" * 300
    contact.extra["check"] = number


def stamp_day(day, number: int) -> None:
    day.extra.update(check=number, pad=f"version {number}\n" * 300)


def stamped_journal(number: int, base: Journal) -> Journal:
    return Journal(rating=base.rating, answers=[Answer(prompt, f"version {number}\n" * 100) for prompt in PROMPTS])


def child_saver(root: Path, number: int) -> None:
    """Saves for ever, announcing each: contacts, the day file, the journal (as the app autosaves it)."""
    store = Store.open(root, clock())
    ids = sorted(store.contacts)
    targets = [*ids, "day", "journal"]
    while True:
        number += 1
        target = targets[number % len(targets)]
        print(f"start {target} {number}", flush=True)
        if target == "day":
            store.update_day(DAY, lambda day, number=number: stamp_day(day, number))
        elif target == "journal":
            base = store.day(JOURNAL_DAY).journal
            save_journal(store, JOURNAL_DAY, base, stamped_journal(number, base))
        else:
            store.update_contact(target, lambda contact, number=number: stamp_contact(contact, number))
        print(f"done {target} {number}", flush=True)


def child_importer(root: Path, export: Path) -> None:
    from networkday.importers import parse_file
    from networkday.services.importer import import_source

    source = parse_file("linkedin", export)
    store = Store.open(root, clock())
    print("start import 0", flush=True)
    import_source(store, source)
    print("done import 0", flush=True)


def saved_version(root: Path, target: str) -> int:
    """The number a file was stamped with; a file torn between two saves raises."""
    from networkday.storage.codec import loads

    if target == "journal":
        path = root / "days" / f"{JOURNAL_DAY.year}" / f"{JOURNAL_DAY.isoformat()}.toml"
        answers = loads(path.read_text("utf-8"))["journal"]["answer"]
        numbers = {int(answer["text"].split()[1]) for answer in answers}
        texts = {answer["text"] for answer in answers}
        if len(numbers) != 1 or texts != {f"version {min(numbers)}\n" * 100}:
            raise ValueError(f"{path}: a torn journal")
        return numbers.pop()
    path = (
        root / "days" / f"{DAY.year}" / f"{DAY.isoformat()}.toml"
        if target == "day"
        else root / "contacts" / f"{target}.toml"
    )
    table = loads(path.read_text("utf-8"))
    number = table["check"]
    whole = table.get("pad") == f"version {number}\n" * 300 if target == "day" else table["title"] == f"v{number}"
    if not whole:
        raise ValueError(f"{path}: a torn save")
    return number


def kill_run(size: Size, work: Path, rng: random.Random) -> Tally:
    tally = Tally("kill")
    root = work / "kill"
    store = Store.open(root, clock())
    ids = [c.id for c in store.add_contacts([Contact(id="", name=n) for n in ("Ann Kill", "Bob Kill", "Cy Kill")])]
    for contact_id in ids:
        store.update_contact(contact_id, lambda contact: stamp_contact(contact, 0))
    store.update_day(DAY, lambda day: stamp_day(day, 0))
    save_journal(store, JOURNAL_DAY, Journal(), stamped_journal(0, Journal()))
    done = dict.fromkeys([*ids, "day", "journal"], 0)
    number = 0
    for run in range(size.kills):
        if run % 4 == 3:  # one run in four imports new people; the others save
            export = work / f"import-{run}.csv"
            make_linkedin.write(export, size.import_rows, seed=run)
            lines = kill_at_random(tally, rng, "importer", str(root), str(export))
        else:
            lines = kill_at_random(tally, rng, "saver", str(root), str(number))
        in_flight: dict[str, int] = {}
        for line in lines:
            state, target, value = line.split()
            number = max(number, int(value))
            if target == "import":
                continue
            if state == "start":
                in_flight[target] = int(value)
            else:
                done[target] = int(value)
                in_flight.pop(target, None)
        check_after_kill(tally, root, f"run {run}", done, in_flight)
    return tally


def kill_at_random(tally: Tally, rng: random.Random, *child_args: str) -> list[str]:
    """Starts a writer, SIGKILLs it at a random moment once it writes; the whole lines it printed."""
    child = spawn(*child_args)
    assert child.stdout is not None
    first = child.stdout.readline()
    if not first.startswith("start"):
        child.kill()
        tally.lose(f"the writer did not start: {first!r} {child.stderr.read() if child.stderr else ''}")
        return []
    time.sleep(rng.uniform(0.0, 0.3))
    child.send_signal(signal.SIGKILL)
    lines = [first, *child.stdout.read().splitlines(keepends=True)]
    child.wait()
    tally.runs += 1
    tally.faults += 1
    return [line for line in lines if line.endswith("\n")]  # a line cut by the kill says nothing


def check_after_kill(tally: Tally, root: Path, run: str, done: dict[str, int], in_flight: dict[str, int]) -> None:
    """Each saved file holds the last saved version or the one in flight; everything reads; no temp survives."""
    for target, saved in list(done.items()):
        tally.checked += 1
        try:
            found = saved_version(root, target)
        except (OSError, ValueError, KeyError) as error:
            tally.lose(f"{run}: {target}: {error}")
            continue
        if found not in {saved, in_flight.get(target, saved)}:
            tally.lose(f"{run}: {target} holds version {found}, saved {saved}")
        done[target] = found
    again = Store.open(root, clock())
    tally.checked += len(data_files(root))
    for problem in again.problems.values():
        tally.lose(f"{run}: {problem}")
    for temp in temp_files(root):
        tally.lose(f"{run}: {temp} survived Store.open")


# -- disk errors -------------------------------------------------------------------------------

STEPS = ("open", "write", "fsync", "close", "link", "replace")
ERRORS = (errno.ENOSPC, errno.EIO)


class FailingOS:
    """The os module for the store's writers, with the ``nth`` call of ``name`` failing with ``code``."""

    def __init__(self, real, name: str = "", nth: int = 0, code: int = 0) -> None:
        self._real, self._name, self._nth, self._code = real, name, nth, code
        self.calls: dict[str, int] = dict.fromkeys(STEPS, 0)
        self.hit = False
        self._lock = threading.Lock()  # write_many fsyncs from threads

    def __getattr__(self, attribute: str):
        real = getattr(self._real, attribute)
        if attribute not in STEPS:
            return real

        def call(*args, **kwargs):
            with self._lock:
                self.calls[attribute] += 1
                fail = attribute == self._name and self.calls[attribute] == self._nth
                self.hit = self.hit or fail
            if not fail:
                return real(*args, **kwargs)
            if attribute == "close":
                real(*args, **kwargs)  # close(2) reports a late error once the descriptor is gone
            raise OSError(self._code, os.strerror(self._code))

        return call


class injected:
    """Installs a FailingOS in the modules that write files (records and the index cache)."""

    def __init__(self, failing: FailingOS) -> None:
        self.failing = failing

    def __enter__(self) -> FailingOS:
        atomic.os = self.failing  # type: ignore[assignment]
        index.os = self.failing  # type: ignore[assignment]
        return self.failing

    def __exit__(self, *_: object) -> None:
        atomic.os = os
        index.os = os


def disk_operations() -> dict[str, Callable[[Store], object]]:
    entry = LogEntry(at=NOW, channel="phone", outcome="will")

    def journal(store: Store) -> object:
        base = store.day(JOURNAL_DAY).journal
        edited = Journal(rating=4, answers=[Answer(prompt, "helped Sam with his CV") for prompt in PROMPTS])
        return save_journal(store, JOURNAL_DAY, base, edited)

    return {
        "edit a note": lambda store: store.update_contact("ada", lambda c: setattr(c, "notes", "met at PyCon")),
        "log an outcome": lambda store: log_touch(store, "ada", entry),
        "add three contacts": lambda store: store.add_contacts([Contact(id="", name=f"New {n}") for n in range(3)]),
        "journal autosave": journal,
    }


def disk_folder(root: Path) -> Path:
    store = Store.open(root, clock())
    store.add_contacts([Contact(id="", name="Ada", notes="first met online"), Contact(id="", name="Bob")])
    store.update_day(DAY, lambda day: day.calls.append(Call("bob", purpose="catch up")))
    save_journal(store, JOURNAL_DAY, Journal(), Journal(rating=3, answers=[Answer(PROMPTS[0], "nobody yet")]))
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in data_files(root)}


def disk_run(work: Path) -> Tally:
    tally = Tally("disk")
    base = disk_folder(work / "disk-base")
    for label, operation in disk_operations().items():
        twin = work / "disk-twin"
        shutil.rmtree(twin, ignore_errors=True)
        shutil.copytree(base, twin)
        with injected(FailingOS(os)) as counting:
            operation(Store.open(twin, clock()))
        expected = snapshot(twin)
        for step in STEPS:
            for nth in range(1, counting.calls[step] + 1):
                for code in ERRORS:
                    disk_case(tally, work, base, expected, label, operation, FailingOS(os, step, nth, code))
    return tally


def disk_case(
    tally: Tally,
    work: Path,
    base: Path,
    expected: dict[str, bytes],
    label: str,
    operation: Callable[[Store], object],
    failing: FailingOS,
) -> None:
    root = work / "disk-case"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(base, root)
    before = snapshot(root)
    store = Store.open(root, clock())
    summaries = dict(store.contacts)
    case = f"{label}, {os.strerror(failing._code)} at {failing._name} #{failing._nth}"
    error: StoreError | None = None
    with injected(failing):
        try:
            operation(store)
        except StoreError as caught:
            error = caught
    tally.runs += 1
    tally.faults += failing.hit
    after = snapshot(root)
    for name in sorted({*before, *expected, *after}):
        tally.checked += 1
        now, old, new = after.get(name), before.get(name), expected.get(name)
        if error is None and now != new:
            tally.lose(f"{case}: {name} does not hold the edit, and no error was raised")
        elif error is not None and now not in (old, new):
            tally.lose(f"{case}: {name} holds neither its old nor its new content")
    if error is not None:
        message = str(error)
        if str(root) not in message or os.strerror(failing._code) not in message:
            tally.lose(f"{case}: the message does not name the file and the reason: {message}")
        if any(store.contacts.get(key) != value for key, value in summaries.items() if key != "ada"):
            tally.lose(f"{case}: the summaries in memory changed")
        try:
            operation(store)  # the retry, the disk healthy again
        except StoreError as again:
            tally.lose(f"{case}: the retry failed: {again}")
        else:
            if snapshot(root) != expected:
                tally.lose(f"{case}: the retry did not land exactly once")
    for temp in temp_files(root):
        tally.lose(f"{case}: {temp} was left behind")


# -- two instances -----------------------------------------------------------------------------


def child_twin(root: Path, who: str, seconds: float) -> None:
    """Edits for ``seconds``, printing each edit that was saved (and each clash that was refused)."""
    rng = random.Random(who)
    store = Store.open(root, clock())  # opened once, as an app is: its summaries go stale as the other writes
    own = sorted(contact_id for contact_id in store.contacts if contact_id.startswith(f"{who.lower()}-"))
    deadline = time.monotonic() + seconds
    number = 0
    while time.monotonic() < deadline:
        number += 1
        note = f"{who}{number}"
        kind = number % 4
        if kind == 0:
            target = own[number % len(own)]
            store.update_contact(
                target, lambda c, note=note: c.log.append(LogEntry(at=NOW, channel="email", note=note))
            )
            print(f"own {target} {note}", flush=True)
        elif kind == 1:
            store.update_contact(
                "shared", lambda c, note=note: c.log.append(LogEntry(at=NOW, channel="phone", note=note))
            )
            print(f"shared shared {note}", flush=True)
        elif kind == 2:
            store.update_day(DAY, lambda day, note=note: day.calls.append(Call("shared", purpose=note)))
            print(f"call day {note}", flush=True)
        else:
            base = store.contact("titled")
            edited = Contact(**{**base.__dict__, "title": note})
            time.sleep(rng.uniform(0, 0.003))  # the form stays open a moment; the other may save meanwhile
            try:
                edit_contact(store, base, edited)
                print(f"edit {base.title} {note}", flush=True)
            except ConflictError:
                print(f"clash titled {note}", flush=True)


def twins_run(size: Size, work: Path) -> Tally:
    tally = Tally("twins")
    root = work / "twins"
    store = Store.open(root, clock())
    names = ["A-0", "A-1", "A-2", "B-0", "B-1", "B-2", "shared", "titled"]
    for contact in store.add_contacts([Contact(id="", name=name) for name in names]):
        assert contact.id == contact.name.lower(), contact.id
    store.update_contact("titled", lambda c: setattr(c, "title", "t0"))
    children = [spawn("twin", str(root), who, str(size.twin_seconds)) for who in "AB"]
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=size.twin_seconds + 120)
        if child.returncode:
            tally.lose(f"an instance failed: {err.strip().splitlines()[-1:]}")
        outputs.append([line.split() for line in out.splitlines()])
    final = Store.open(root, clock())
    saved: dict[str, list[str]] = {}
    chain: dict[str, str] = {}
    for lines in outputs:
        for kind, target, *rest in lines:
            tally.runs += 1
            if kind == "clash":
                tally.faults += 1
            elif kind == "edit":
                if target in chain:
                    tally.lose(f"two title edits were saved over {target!r}: one of them was lost")
                chain[target] = rest[0]
            else:
                saved.setdefault(target, []).append(rest[0])
    for target, notes in saved.items():
        on_disk = (
            [c.purpose for c in final.day(DAY).calls]
            if target == "day"
            else [e.note for e in final.contact(target).log]
        )
        for who in "AB":
            tally.checked += 1
            mine = [note for note in notes if note.startswith(who)]
            if [note for note in on_disk if note.startswith(who)] != mine:
                tally.lose(f"{target}: {who}'s edits on disk differ from the {len(mine)} it saved")
    title, steps = "t0", 0
    while title in chain:
        title, steps = chain[title], steps + 1
    tally.checked += 1
    if steps != len(chain) or final.contact("titled").title != title:
        tally.lose(f"the saved title edits do not form one chain ending on disk ({steps} of {len(chain)})")
    return tally


# -- damaged files -----------------------------------------------------------------------------


def damage_folder(root: Path) -> Path:
    """A small folder with one of every kind of file, each healthy."""
    store = Store.open(root, clock())
    store.add_contacts([Contact(id="", name=name, company="Initech") for name in ("Ada", "Bob")])
    store.update_contact("ada", lambda c: c.log.append(LogEntry(at=NOW, channel="phone", outcome="will", note="é")))
    for day in (DAY, DAY - timedelta(days=1)):
        store.update_day(day, lambda record: record.calls.append(Call("bob", purpose="say hello")))
    (root / "config.toml").write_text('format = 1\ntargets = ["Initech"]\n\n[goals]\ncalls_per_day = 5\n', "utf-8")
    store.update_state(theme="textual-dark", last_seen=NOW)
    return root


def damages(kind: str, data: bytes) -> dict[str, bytes]:
    """Every way a file of ``kind`` is damaged here; each stays so (checked by the caller)."""
    middle = len(data) // 2 if kind == "index" else cut_that_breaks(data)
    wrong = {
        "contact": data.replace(b'name = "Ada"', b"name = 5"),
        "day": data.replace(b'contact = "bob"', b"contact = 3"),
        "config": data.replace(b"calls_per_day = 5", b'calls_per_day = "five"'),
        "state": data.replace(b'theme = "textual-dark"', b"theme = 5"),
    }
    found = {
        "empty": b"",
        "NUL-filled": b"\x00" * len(data),
        "truncated": data[:middle],
        "invalid UTF-8": data.replace(b'"', b'"\xff', 1) if kind != "index" else b"\xff" * 64,
        "wrong types": wrong.get(kind, b""),
    }
    if kind == "state":
        del found["empty"]  # an empty state file is valid: no choices made yet
    if kind == "index":
        import marshal

        found["wrong types"] = marshal.dumps({"key": index._KEY, "days": {"2026-11-25.toml": ("not", "an", "entry")}})
    return found


def cut_that_breaks(data: bytes) -> int:
    """Where to truncate a TOML file so that it no longer reads: past a quote, from the middle on."""
    from networkday.storage.codec import TOMLDecodeError, loads

    quotes = [at for at in range(len(data)) if data[at : at + 1] == b'"']
    for at in sorted(quotes, key=lambda at: (at < len(data) // 2, at)):
        try:
            loads(data[: at + 2].decode("utf-8", "replace"))
        except TOMLDecodeError:
            return at + 2
    raise ValueError("no cut breaks this file")


def damage_targets(root: Path) -> dict[str, Path]:
    return {
        "contact": root / "contacts" / "ada.toml",
        "day": root / "days" / f"{DAY.year}" / f"{DAY.isoformat()}.toml",
        "config": root / "config.toml",
        "state": root / ".networkday" / "state.toml",
        "index": root / ".networkday" / "index.marshal",
    }


def damage_run(work: Path, with_app: bool) -> Tally:
    tally = Tally("damage")
    base = damage_folder(work / "damage-base")
    healthy = {name: summary.to_row() for name, summary in Store.open(base, clock()).contacts.items()}
    for kind, original in damage_targets(base).items():
        for how, data in damages(kind, original.read_bytes()).items():
            root = work / "damage-case"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(base, root)
            target = damage_targets(root)[kind]
            target.write_bytes(data)
            tally.runs += 1
            tally.faults += 1
            damage_case(tally, root, kind, f"{kind} {how}", target, data, healthy, with_app)
    return tally


def damage_case(
    tally: Tally,
    root: Path,
    kind: str,
    case: str,
    target: Path,
    data: bytes,
    healthy: dict[str, tuple],
    with_app: bool,
) -> None:
    store = Store.open(root, clock())
    tally.checked += 1
    if kind == "index":
        summaries = {name: summary.to_row() for name, summary in store.contacts.items()}
        if store.problems or summaries != healthy:
            tally.lose(f"{case}: the cache was not rebuilt to the same summaries")
        return
    problem = store.problems.get(target)
    if problem is None or problem.line < 1:
        tally.lose(f"{case}: Store.open did not report it with its line")
        return
    checked = subprocess.run(
        [sys.executable, "-m", "networkday", "check", "--data-dir", str(root)],
        env=child_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if checked.returncode != 1 or f"{target}:{problem.line}:" not in checked.stderr:
        tally.lose(f"{case}: networkday check did not report {target}:{problem.line} (exit {checked.returncode})")
    other = "bob" if kind == "contact" else "ada"
    store.update_contact(other, lambda c: setattr(c, "notes", "a normal save"))
    with_app and open_the_app(store)
    if target.read_bytes() != data:
        tally.lose(f"{case}: the damaged file was rewritten")


def open_the_app(store: Store) -> None:
    """The app on the folder, headless, until it has drawn and gone idle (its start-up writes included)."""
    import asyncio

    from networkday.ui.app import create_app

    async def run() -> None:
        app = create_app(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()

    asyncio.run(run())


# -- the report --------------------------------------------------------------------------------


def timed(run: Callable[[], Tally]) -> Tally:
    began = time.perf_counter()
    tally = run()
    tally.seconds = time.perf_counter() - began
    return tally


def report(tallies: list[Tally]) -> str:
    lines = [f"{'run':<8} {'runs':>6} {'faults':>7} {'files checked':>14} {'files lost':>11} {'seconds':>8}"]
    for t in tallies:
        lines.append(f"{t.run:<8} {t.runs:>6} {t.faults:>7} {t.checked:>14} {t.lost:>11} {t.seconds:>8.1f}")
        lines += [f"    {note}" for note in t.notes]
    total = Tally("total", *(sum(getattr(t, key) for t in tallies) for key in ("runs", "faults", "checked", "lost")))
    lines.append(f"{'total':<8} {total.runs:>6} {total.faults:>7} {total.checked:>14} {total.lost:>11}")
    lines.append(f"{'touches':<8} {'issued':>6} {'found':>7} {'lost':>14} {'duplicated':>11} {'editor retries':>15}")
    for t in tallies:
        if t.touches_issued:
            found, lost, twice = t.touches_found, t.touches_lost, t.touches_duplicated
            lines.append(f"{t.run:<8} {t.touches_issued:>6} {found:>7} {lost:>14} {twice:>11} {t.editor_retries:>15}")
    return "\n".join(lines)


def touches_run(size: Size, work: Path, in_place: bool) -> Tally:
    """Field-level: every touch issued is on disk once, whole (bench/faults_touches.py)."""
    tally = Tally("in-place" if in_place else "touches")
    spawn_touch = faults_touches.spawn_with_now(NOW.isoformat())
    faults_touches.touch_run(TOUCH_SIZES[size], work, spawn_touch, clock(), tally, in_place)
    return tally


def run_child(args: list[str]) -> None:
    mode, root, *rest = args
    if mode.startswith("touch-"):
        faults_touches.run_touch_child(mode, [root, *rest], clock())
    elif mode == "saver":
        child_saver(Path(root), int(rest[0]))
    elif mode == "importer":
        child_importer(Path(root), Path(rest[0]))
    else:
        child_twin(Path(root), rest[0], float(rest[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", action="store_true", help="the CI form: fewer kills, seconds of twins")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child)
        return 0
    size = SHORT if args.short else FULL
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="networkday-faults-") as folder:
        work = Path(folder)
        tallies = [
            timed(lambda: kill_run(size, work, rng)),
            timed(lambda: disk_run(work)),
            timed(lambda: twins_run(size, work)),
            timed(lambda: damage_run(work, with_app=True)),
            timed(lambda: touches_run(size, work, in_place=False)),
            timed(lambda: touches_run(size, work, in_place=True)),
        ]
    if args.json:
        print(json.dumps([asdict(t) for t in tallies], indent=1))
    else:
        print(report(tallies))
    return 1 if any(t.failed for t in tallies) else 0


if __name__ == "__main__":
    raise SystemExit(main())
