"""What two synced machines must end with, field by field: a model of git and the record merge, for the sync proof.

Each machine's people are modelled by the one field the steps edit on both sides (the
title), the ``[[conflict]]`` entries a merge recorded for it, and the likely-duplicate
flag. A machine's merge base is the remote as its last sync left it (each sync merges the
remote and pushes, so the remote only moves forward): a field differs from that base when
it was edited on that side since the last sync that joined the two, and the merge rules
of the issue decide the value, with nothing else consulted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import count

#: A recorded conflict of the title: the other side's value, and when the merge found it.
Conflict = tuple[str, datetime]
#: People by id.
Tree = dict[str, "Person"]


@dataclass(frozen=True)
class Person:
    title: str
    conflicts: frozenset[Conflict] = frozenset()
    flag: str | None = None


def _field(base: str, ours: str, theirs: str) -> tuple[str, str | None]:
    """The merged value, and the other side's value when it is a conflict; the rule in four lines."""
    if theirs in (ours, base):
        return ours, None
    if ours == base:
        return theirs, None
    return ours, theirs


@dataclass
class Machines:
    """The remote, each machine's people now, and each machine's merge base; ``seen`` counts what the merges met."""

    remote: Tree
    local: dict[str, Tree] = field(default_factory=dict)
    base: dict[str, Tree] = field(default_factory=dict)
    seen: Counter[str] = field(default_factory=Counter)

    @classmethod
    def seeded(cls, people: dict[str, str]) -> Machines:
        tree = {person: Person(title) for person, title in people.items()}
        return cls(dict(tree), {side: dict(tree) for side in "ab"}, {side: dict(tree) for side in "ab"})

    def edit(self, side: str, person: str, title: str) -> None:
        self.local[side][person] = replace(self.local[side][person], title=title)

    def add(self, side: str, person: str, title: str) -> None:
        self.local[side][person] = Person(title)

    def sync(self, side: str, at: datetime) -> None:
        """Commit, fetch, merge the remote (when it moved), push: both the remote and the side hold the merge."""
        if self.remote != self.base[side]:
            self.local[side] = self._merge(self.base[side], self.local[side], self.remote, at)
        self.remote = dict(self.local[side])
        self.base[side] = dict(self.local[side])

    def _merge(self, base: Tree, ours: Tree, theirs: Tree, at: datetime) -> Tree:
        merged: Tree = {}
        for person in [*ours, *(person for person in theirs if person not in ours)]:
            was, mine, other = base.get(person), ours.get(person), theirs.get(person)
            if mine is None or other is None:
                merged[person] = mine or other  # type: ignore[assignment]  # one of them is there
            elif was is None:
                self._added_on_both(merged, person, mine, other, {*ours, *theirs})
            else:
                self._count(was.title, mine.title, other.title)
                merged[person] = mine if mine == other else self._fields(was, mine, other, at)
        return merged

    def _count(self, was: str, mine: str, other: str) -> None:
        edited = (mine != was) + (other != was)
        if edited == 2:
            self.seen["edited on both, " + ("same" if mine == other else "different")] += 1
        elif edited == 1:
            self.seen["edited on one side"] += 1

    def _added_on_both(self, merged: Tree, person: str, mine: Person, other: Person, taken: set[str]) -> None:
        """One person when the titles agree; else two, each flagged with the other's id.

        The other machine's record, already pushed, keeps the id; ours (never pushed) moves to the new one.
        """
        if mine.title == other.title:
            self.seen["added on both, alike"] += 1
            merged[person] = replace(mine, conflicts=mine.conflicts | other.conflicts)
            return
        self.seen["added on both, split"] += 1
        new = next(f"{person}-{number}" for number in count(2) if f"{person}-{number}" not in {*taken, *merged})
        merged[person] = replace(other, flag=new)
        merged[new] = replace(mine, flag=person)

    def _fields(self, was: Person, mine: Person, other: Person, at: datetime) -> Person:
        title, lost = _field(was.title, mine.title, other.title)
        conflicts = mine.conflicts | other.conflicts  # entries are never removed: each side's additions stay
        if lost is not None and all(value != lost for value, _ in conflicts):  # recorded once
            conflicts |= {(lost, at)}
        flag, _ = _field(was.flag or "", mine.flag or "", other.flag or "")
        return Person(title, conflicts, flag or None)
