"""After a sync's merge: each person's file the driver marked (added on both machines, not clean) becomes two.

The merge driver can write only its own output, so it keeps this machine's record and
holds the other machine's under ``sync_duplicates.MARKER``. Here, with the folder's lock
held and the merge committed, the other machine's record (already pushed, worked on there
under the id) keeps the id, and this machine's record moves to a fresh id (``jane-doe-2``,
as the store numbers ids); both files are flagged with each other's id. What named this
machine's record by the id follows it: made calls naming a moved touch, and the references
this machine's side of the merge added (``sync_duplicates.retarget_ours``). All are written
in one ``write_many``: a crash leaves the marked file as it was, or the whole split.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from networkday.domain.sync_duplicates import MARKER, retarget_ours, split
from networkday.domain.text import numbered_ids, shown_line
from networkday.storage.atomic import write_many
from networkday.storage.codec import parse
from networkday.storage.problems import ProblemError, StoreError
from networkday.storage.records import checked, contact_check, day_check


@dataclass(frozen=True)
class Split:
    """One person kept as two: the id both machines added, the new one, and the name they share (on one line)."""

    contact_id: str
    new_id: str
    name: str
    #: The ids of the touches the new record took with it.
    touches: frozenset[str] = field(default=frozenset(), compare=False)


def _touch_ids(table: dict[str, Any]) -> set[str]:
    log = table.get("log")
    entries = log if isinstance(log, list) else []
    return {entry["id"] for entry in entries if isinstance(entry, dict) and isinstance(entry.get("id"), str)}


def _split_one(path: Path, taken: set[str]) -> tuple[Split, list[tuple[Path, bytes]]] | None:
    """The split of one marked person's file and the two files it writes; None when it holds no marker."""
    data = path.read_bytes()
    if MARKER.encode() not in data:
        return None
    table = parse(path, data)[0]
    # lexists: a link that leads nowhere is a name taken too, as when the store adds a person
    new_id = next(
        name
        for name in numbered_ids(path.stem)
        if name not in taken and not os.path.lexists(path.parent / f"{name}.toml")
    )
    pair = split(table, path.stem, new_id)
    if pair is None:
        return None
    taken.add(new_id)
    new_path = path.parent / f"{new_id}.toml"
    files = [
        (new_path, checked(new_path, pair[1], contact_check(new_id))),
        (path, checked(path, pair[0], contact_check(path.stem))),
    ]
    moved = frozenset(_touch_ids(pair[1]) - _touch_ids(pair[0]))
    return Split(path.stem, new_id, shown_line(str(table.get("name") or path.stem)), moved), files


#: A file's table at the merge base and at this machine's commit before the merge (None: absent).
Sides = tuple[dict[str, Any] | None, dict[str, Any] | None]


def _retargeted_contact(path: Path, done: list[Split], sides: Sides) -> tuple[Path, bytes] | None:
    """The person's file with the references our side added to a split id naming the new one; None when none."""
    try:
        table = parse(path, path.read_bytes())[0]
    except (OSError, ProblemError):
        return None  # check names it; nothing here depends on it
    changed = False
    for one in done:
        changed = retarget_ours(table, *sides, one.contact_id, one.new_id) or changed
    return (path, checked(path, table, contact_check(path.stem))) if changed else None


def _retargeted_day(path: Path, done: list[Split], sides: Sides) -> tuple[Path, bytes] | None:
    """The day file with its made calls of moved touches, and our open calls, naming the new record; None when none."""
    try:
        table = parse(path, path.read_bytes())[0]
        day = date.fromisoformat(path.stem)
    except (OSError, ProblemError, ValueError):
        return None  # not a day file networkday reads: check names it, nothing here depends on it
    calls = table.get("call")
    changed = False
    for one in done:
        changed = retarget_ours(table, *sides, one.contact_id, one.new_id) or changed
    for call in calls if isinstance(calls, list) else []:
        for one in done:
            if isinstance(call, dict) and call.get("contact") == one.contact_id and call.get("touch") in one.touches:
                call["contact"] = one.new_id
                changed = True
    return (path, checked(path, table, day_check(day))) if changed else None


@dataclass
class Splits:
    """What ``split_marked`` did: the splits, the files it wrote (relative), a line for each person not split."""

    done: list[Split] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def split_marked(root: Path, paths: Iterable[str], ours: Mapping[str, Sides]) -> Splits:
    """Splits the marked people among ``paths`` (relative to ``root``).

    Call it holding the folder's lock, with ``paths`` the files the merge changed and
    ``ours`` the files this machine's side changed since the merge base, with their two
    tables: only those can name this machine's record, which moves. A file that fails
    stays marked, so nothing is lost, and the line says which it is.
    """
    contacts, days = root / "contacts", root / "days"
    result = Splits()
    files: list[tuple[Path, bytes]] = []
    taken: set[str] = set()
    named = [root / name for name in paths]
    for path in (path for path in named if path.parent == contacts and path.suffix == ".toml"):
        try:
            found = _split_one(path, taken)
        except (OSError, StoreError) as error:
            result.failed.append(f"{path.relative_to(root)}: added on both machines, not split: {error}")
            continue
        if found is not None:
            result.done.append(found[0])
            files.extend(found[1])
    if not result.done:
        return result
    try:
        moved = {path for path, _ in files}
        for name, sides in ours.items():
            path = root / name
            if path in moved or path.suffix != ".toml" or not path.exists():
                continue
            if path.parent.parent == days:
                retargeted = _retargeted_day(path, result.done, sides)
            elif path.parent == contacts:
                retargeted = _retargeted_contact(path, result.done, sides)
            else:
                continue
            if retargeted is not None:
                files.append(retargeted)
        write_many(files)
    except (OSError, StoreError) as error:  # nothing written: each keeps the other record under its marker
        result.failed += [
            f"contacts/{one.contact_id}.toml: added on both machines, not split: {error}" for one in result.done
        ]
        result.done = []
        return result
    result.written = [path.relative_to(root).as_posix() for path, _ in files]
    return result
