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
from networkday.services.actions import edit_contact
from networkday.services.journal import save_journal
from networkday.services.plan import plan_call
from networkday.storage.store import Store


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
KINDS = ("log", "title", "person", "plan", "timer", "journal", "sync")


@dataclass
class Model:
    """What the two machines did, to check the end against: touches, last values per side, people added."""

    notes: list[str] = field(default_factory=list)
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # person -> side -> last title written
    texts: dict[str, str] = field(default_factory=dict)  # side -> last journal text written
    added: list[str] = field(default_factory=list)
    steps: int = 0


def _store(folder: Path, now: datetime) -> Store:
    return Store.open(folder, FixedClock(now))


def apply(world: World, model: Model, side: str, kind: str, person: str, start: datetime) -> None:
    """One step on machine ``side``; each step happens a minute after the last, so instants differ."""
    model.steps += 1
    now = start + timedelta(minutes=model.steps)
    folder = world.a if side == "a" else world.b
    os.environ["NETWORKDAY_NOW"] = now.isoformat()
    tag = f"{side}{model.steps}"
    if kind == "log":
        assert nd(folder, "log", person, "talked", "--note", f"note {tag}") == 0
        model.notes.append(f"note {tag}")
    elif kind == "title":
        store = _store(folder, now)
        base = store.contact(person)
        edit_contact(store, base, replace(base, title=f"Title {tag}"))
        model.titles.setdefault(person, {})[side] = f"Title {tag}"
    elif kind == "person":
        assert nd(folder, "add", f"Person {tag}") == 0
        model.added.append(f"person-{tag}")
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


def settle(world: World) -> None:
    for folder in (world.a, world.b, world.a):
        assert nd(folder, "sync") == 0


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
    for person, sides in model.titles.items():
        table = tables[f"contacts/{person}.toml"]
        if len(sides) == 1:  # edited on one machine only: its last value
            assert table["title"] == next(iter(sides.values()))
        else:
            assert table["title"] in sides.values()
    if len(model.texts) == 1:
        day = next(t for n, t in tables.items() if n.startswith("days/") and "journal" in t)
        assert day["journal"]["answer"][0]["text"] == next(iter(model.texts.values()))
    for line in problems_of_check(world.a):
        assert "changed on both sides in a sync" in line, line
    return sum(len(entries) for entries in conflicts.values())
