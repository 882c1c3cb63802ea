"""Two machines and a bare remote in a temporary folder, for the sync tests and the sync benchmark."""

from __future__ import annotations

import contextlib
import copy
import io
import os
import subprocess
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

import tomli

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.domain.day import Answer
from networkday.domain.sync_duplicates import FLAG, MARKER
from networkday.services.actions import edit_contact
from networkday.services.journal import save_journal
from networkday.services.plan import plan_call
from networkday.storage.store import Store
from tests.sync_model import Machines


def git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL
    ).stdout


def nd(folder: Path, *args: str) -> int:
    """A networkday command on ``folder``, in this process, as the installed command runs it."""
    return main(["--data-dir", str(folder), *args])


@dataclass
class World:
    remote: Path
    a: Path
    b: Path


def make_world(root: Path, seed: dict[str, str] | None = None) -> World:
    """A bare remote (its branch ``main``), machine ``a`` with ``seed`` files synced to it, and ``b`` its clone."""
    remote = root / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
    a, b = root / "a", root / "b"
    for name, text in (seed or {}).items():
        (a / name).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        (a / name).write_text(text, encoding="utf-8")
        (a / name).chmod(0o600)
    a.mkdir(exist_ok=True)
    assert nd(a, "sync", "init", str(remote)) == 0
    assert nd(a, "sync") == 0
    a.chmod(0o700)
    subprocess.run(["git", "clone", "--quiet", str(remote), str(b)], check=True, capture_output=True)
    subprocess.run(["chmod", "-R", "go-rwx", str(b)], check=True)  # as docs/FORMAT.md asks after a clone
    assert nd(b, "sync", "init") == 0
    return World(remote, a, b)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file git keeps, by its path: what two synced machines must hold alike."""
    return {name: (folder / name).read_bytes() for name in git(folder, "ls-files", "-z").split("\0") if name}


SEED = {
    f"contacts/{person}.toml": f'format = 1\nname = "{person.title()}"\ntitle = "Start"\n'
    for person in ("ada", "bob", "cy")
}
PEOPLE = ("ada", "bob", "cy")
PROMPT = "Who will help, and how?"
#: What one step of a sequence does: on which machine, and what.
KINDS = ("log", "title", "person", "twin", "plan", "timer", "journal", "sync")


@dataclass
class Model:
    """What the two machines did, to check the end against: touches, the people's titles as merged, people added."""

    notes: list[str] = field(default_factory=list)
    machines: Machines = field(default_factory=lambda: Machines.seeded(dict.fromkeys(PEOPLE, "Start")))
    texts: dict[str, str] = field(default_factory=dict)  # side -> last journal text written
    added: list[str] = field(default_factory=list)
    steps: int = 0
    now: datetime | None = None


def _store(folder: Path, now: datetime) -> Store:
    return Store.open(folder, FixedClock(now))


def apply(world: World, model: Model, side: str, kind: str, person: str, start: datetime) -> None:
    """One step on machine ``side``; each step happens a minute after the last, so instants differ."""
    model.steps += 1
    now = start + timedelta(minutes=model.steps)
    folder = world.a if side == "a" else world.b
    os.environ["NETWORKDAY_NOW"] = now.isoformat()
    model.now = now
    tag = f"{side}{model.steps}"
    if kind == "log":
        assert nd(folder, "log", person, "talked", "--note", f"note {tag}") == 0
        model.notes.append(f"note {tag}")
    elif kind == "title":
        store = _store(folder, now)
        base = store.contact(person)
        title = f"Title {model.steps % 3}"  # a small set: both sides sometimes write the same value
        edit_contact(store, base, replace(base, title=title))
        model.machines.edit(side, person, title)
    elif kind == "person":
        assert nd(folder, "add", f"Person {tag}") == 0
        model.added.append(f"person-{tag}")
    elif kind == "twin":  # a new person both machines may add under one id, alike or not
        twin = f"twin-{person}"
        if twin not in model.machines.local[side]:
            title = ("Twin", "Other")[model.steps % 2]
            assert nd(folder, "add", f"Twin {person.title()}", "--title", title) == 0
            model.machines.add(side, twin, title)
        assert nd(folder, "log", twin, "talked", "--note", f"note {tag}") == 0
        model.notes.append(f"note {tag}")
    elif kind == "plan":
        plan_call(_store(folder, now), now.date(), person)
    elif kind == "timer":
        assert nd(folder, "timer", *(("start", "networking") if model.steps % 2 else ("stop",))) in (0, 1)
    elif kind == "journal":
        store = _store(folder, now)
        base = store.day(now.date()).journal
        edited = copy.deepcopy(base)
        edited.answers = [answer for answer in edited.answers if answer.prompt != PROMPT] + [Answer(PROMPT, tag)]
        save_journal(store, now.date(), base, edited)
        model.texts[side] = tag
    else:
        assert nd(folder, "sync") == 0
        model.machines.sync(side, now)


def settle(world: World, model: Model) -> None:
    for side in "aba":
        assert nd(world.a if side == "a" else world.b, "sync") == 0
        if model.now is not None:  # no step, no merge
            model.machines.sync(side, model.now)


def problems_of_check(folder: Path) -> list[str]:
    """What ``check`` says is wrong, line by line (its count line left out)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = nd(folder, "check")
    lines = [line for line in err.getvalue().splitlines() if not line.endswith(f"problem(s) in {folder}")]
    assert bool(lines) == bool(code)
    return lines


def verify(world: World, model: Model) -> int:
    """Asserts the end state the issue asks for; the number of conflicts recorded."""
    files = tree(world.a)
    assert files == tree(world.b)
    text = b"".join(files.values()).decode("utf-8")
    assert "<<<<<<<" not in text
    assert ">>>>>>>" not in text
    tables = {name: tomli.loads(data.decode("utf-8")) for name, data in files.items() if name.endswith(".toml")}
    logged = [
        entry.get("note")
        for name, table in tables.items()
        if name.startswith("contacts/")
        for entry in table.get("log", [])
    ]
    assert sorted(note for note in logged if note) == sorted(model.notes)  # every touch exactly once
    for person_id in model.added:
        assert f"contacts/{person_id}.toml" in files
    conflicts = {name: table.get("conflict", []) for name, table in tables.items()}
    verify_people(tables, model.machines)
    if len(model.texts) == 1:
        day = next(t for n, t in tables.items() if n.startswith("days/") and "journal" in t)
        assert day["journal"]["answer"][0]["text"] == next(iter(model.texts.values()))
    for line in problems_of_check(world.a):
        assert "changed on both sides in a sync" in line or "likely the same person as" in line, line
    return sum(len(entries) for entries in conflicts.values())


def verify_people(tables: dict[str, dict], machines: Machines) -> None:
    """Each modelled person exactly as the model merged them: the title, its conflicts, the duplicate flag.

    Edited on one side since the last sync that joined them: that side's value. On both, to
    the same value: that value. To different values: one side's, and the other's in one
    ``[[conflict]]`` entry. Added on both, alike: one person; not alike: two, flagged.
    """
    assert machines.local["a"] == machines.local["b"] == machines.remote
    people = {name for name in tables if name.startswith("contacts/")} - {f"contacts/{p}.toml" for p in PEOPLE}
    assert {name for name in people if name.startswith("contacts/twin-")} == {
        f"contacts/{person}.toml" for person in machines.remote if person.startswith("twin-")
    }
    for person, expected in machines.remote.items():
        table = tables[f"contacts/{person}.toml"]
        assert table["title"] == expected.title, person
        found = [(entry["value"], entry["at"]) for entry in table.get("conflict", []) if entry["field"] == "title"]
        assert sorted(found) == sorted(expected.conflicts), person  # each once
        assert table.get(FLAG) == expected.flag, person
        assert MARKER not in table
