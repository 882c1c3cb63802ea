"""Three-way merge of one record file's table (a contact, a company, a day): sync's merge driver rules.

Not ``merge.py``, which folds two people into one. Here one file changed on two machines
since a common version (``base``); the merge works on the parsed tables, so keys this
version does not know merge like the rest, and its output is a table that always writes
as valid TOML. The rules, field by field:

- a value changed on one side only takes that side;
- history entries (``[[log]]``, ``[[call]]``, ``[[time]]``, ``[[opportunity.step]]``,
  ``[[journal.answer]]``) are matched by their identity, so each appears once, and an
  entry added on either side is kept;
- lists of plain values (tags, emails, ``dismissed``) take each side's additions and removals;
- a journal answer written on both sides keeps both texts, the other one marked in words;
- any other value changed on both sides to different values keeps ours, and theirs is
  recorded in a ``[[conflict]]`` entry (field, value, from, at) until the person picks one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

#: The key of the entries that keep the other side's value of a field changed on both sides.
CONFLICT = "conflict"

_MISSING: Any = object()

#: An entry's identity and the name a conflict gives it, or None: the entry is its whole content.
Identity = Callable[[dict[str, Any]], tuple[Any, str] | None]


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date | datetime | time) else str(value)


def _touch(entry: dict[str, Any]) -> tuple[Any, str] | None:
    """A touch's id; one typed by hand without id is the same touch when every word is."""
    if isinstance(entry.get("id"), str):
        return ("id", entry["id"]), entry["id"]
    return None


def _call(entry: dict[str, Any]) -> tuple[Any, str] | None:
    """A made call is its touch's; an open call is the plan's row for that person."""
    if isinstance(entry.get("touch"), str):
        return ("touch", entry["touch"]), f"{entry.get('contact', '')} {entry['touch']}".strip()
    if "outcome" not in entry and isinstance(entry.get("contact"), str):
        return ("open", entry["contact"]), entry["contact"]
    return None


def _session(entry: dict[str, Any]) -> tuple[Any, str] | None:
    start = entry.get("start")
    return (("start", freeze(start)), _text(start)) if start is not None else None


def _answer(entry: dict[str, Any]) -> tuple[Any, str] | None:
    prompt = entry.get("prompt")
    return (("prompt", prompt), str(prompt)) if isinstance(prompt, str) else None


def _opportunity(entry: dict[str, Any]) -> tuple[Any, str] | None:
    return (("id", entry["id"]), entry["id"]) if isinstance(entry.get("id"), str) else None


def _step(entry: dict[str, Any]) -> tuple[Any, str] | None:
    if "at" not in entry:
        return None
    return ("step", freeze(entry["at"]), freeze(entry.get("stage"))), f"{_text(entry['at'])} {entry.get('stage', '')}"


#: Array-of-tables paths (keys from the file's top, indices left out) whose entries change in
#: place (a text amended, a call made), so they are matched by identity, not by content.
_IDENTITY: dict[tuple[str, ...], Identity] = {
    ("log",): _touch,
    ("call",): _call,
    ("time",): _session,
    ("journal", "answer"): _answer,
    ("opportunity",): _opportunity,
    ("opportunity", "step"): _step,
}

#: Texts that both sides may write at once and neither may lose: both are kept, marked.
_BOTH_TEXTS = {("journal", "answer", "text")}


def freeze(value: Any) -> Any:
    """A hashable form that tells types apart (``1``, ``1.0`` and ``true`` are different values)."""
    if isinstance(value, dict):
        return ("table", tuple((key, freeze(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("list", tuple(freeze(item) for item in value))
    if isinstance(value, float):
        return ("float", repr(value))
    return (type(value).__name__, value)


def same(left: Any, right: Any) -> bool:
    return left is right or freeze(left) == freeze(right)


class RecordMerge:
    """One merge: the conflicts it found go to the top table's ``[[conflict]]``."""

    def __init__(self, origin: str, at: datetime) -> None:
        self.origin = origin
        self.at = at
        self.conflicts: list[dict[str, Any]] = []

    def merge(self, base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
        """The merged top table; new ``[[conflict]]`` entries are appended to those both sides kept."""
        merged = self._table(base, ours, theirs, (), ())
        held = merged.get(CONFLICT)
        kept: list[Any] = held if isinstance(held, list) else []
        known = {(freeze(entry.get("field")), freeze(entry.get("value"))) for entry in kept if isinstance(entry, dict)}
        fresh = [c for c in self.conflicts if (freeze(c["field"]), freeze(c.get("value"))) not in known]
        if fresh:
            if CONFLICT in merged and not isinstance(held, list):  # a hand-made key of that name: keep it
                fresh.insert(0, {"field": CONFLICT, "value": held, "from": self.origin, "at": self.at})
            merged[CONFLICT] = [*kept, *fresh]
        return merged

    def _table(
        self,
        base: dict[str, Any],
        ours: dict[str, Any],
        theirs: dict[str, Any],
        path: tuple[str, ...],
        label: tuple[str, ...],
    ) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for key in [*ours, *(key for key in theirs if key not in ours)]:
            value = self._value(
                base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING), (*path, key), (*label, key)
            )
            if value is not _MISSING:
                merged[key] = value
        return merged

    def _value(self, base: Any, ours: Any, theirs: Any, path: tuple[str, ...], label: tuple[str, ...]) -> Any:
        if same(ours, theirs):
            return ours
        if same(ours, base):
            return theirs
        if same(theirs, base):
            return ours
        for kind, empty in ((list, []), (dict, {})):  # a file leaves out an empty list or table
            if isinstance(ours, kind) or isinstance(theirs, kind):
                ours, theirs = (empty if side is _MISSING else side for side in (ours, theirs))
        if isinstance(ours, dict) and isinstance(theirs, dict):
            return self._table(base if isinstance(base, dict) else {}, ours, theirs, path, label)
        if isinstance(ours, list) and isinstance(theirs, list):
            was = base if isinstance(base, list) else []
            if all(isinstance(item, dict) for item in [*was, *ours, *theirs]):
                return self._records(was, ours, theirs, path, label)
            return _list_merge(was, ours, theirs)
        if path == ("format",) and isinstance(ours, int) and isinstance(theirs, int):
            return max(ours, theirs)
        if path[-3:] in _BOTH_TEXTS and isinstance(ours, str) and isinstance(theirs, str):
            return self._both_texts(ours, theirs)
        entry: dict[str, Any] = {"field": ".".join(label)}
        if theirs is _MISSING:
            entry["removed"] = True
        else:
            entry["value"] = theirs
        self.conflicts.append({**entry, "from": self.origin, "at": self.at})
        return ours

    def _both_texts(self, ours: str, theirs: str) -> str:
        """One text that extends the other is the later draft; else both, the other one marked."""
        if theirs.startswith(ours) or ours in theirs:
            return theirs
        if ours.startswith(theirs) or theirs in ours:
            return ours
        return f"{ours}\n\n(Also written on {self.origin} at the same time:)\n{theirs}"

    def _records(
        self, base: list[Any], ours: list[Any], theirs: list[Any], path: tuple[str, ...], label: tuple[str, ...]
    ) -> list[Any]:
        """Entries matched by identity: one side's addition or removal holds, a change on both merges field by field."""
        was, mine, other = (_keyed(side, _IDENTITY.get(path)) for side in (base, ours, theirs))
        merged: list[Any] = []
        for key in [*mine, *(key for key in other if key not in mine)]:
            old = was.get(key, (_MISSING, ""))[0]
            (entry, name), (their, their_name) = mine.get(key, (_MISSING, "")), other.get(key, (_MISSING, ""))
            if entry is _MISSING or their is _MISSING:
                present = their if entry is _MISSING else entry
                if old is _MISSING or not same(present, old):  # added, or changed where the other removed it
                    merged.append(present)
                continue
            where = (*label[:-1], f"{label[-1]}[{name or their_name}]")
            merged.append(self._table(old if isinstance(old, dict) else {}, entry, their, path, where))
        return merged


def _keyed(entries: list[Any], rule: Identity | None) -> dict[Any, tuple[Any, str]]:
    """Entries by identity (else by their whole content); repeats of one identity by their order."""
    keyed: dict[Any, tuple[Any, str]] = {}
    seen: dict[Any, int] = {}
    for entry in entries:
        found = rule(entry) if rule is not None else None
        identity, name = found if found is not None else (("whole", freeze(entry)), "")
        turn = seen.get(identity, 0)
        seen[identity] = turn + 1
        keyed[(identity, turn)] = (entry, name if not turn else f"{name} #{turn + 1}".strip())
    return keyed


def _list_merge(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Plain values: each side's additions are kept and each side's removals hold, in ours' order."""
    was = {freeze(item) for item in base}
    their = {freeze(item) for item in theirs}
    mine = {freeze(item) for item in ours}
    kept = [item for item in ours if freeze(item) in their or freeze(item) not in was]
    return kept + [item for item in theirs if freeze(item) not in mine and freeze(item) not in was]


def end_overtaken_sessions(table: dict[str, Any]) -> dict[str, Any]:
    """A day's timer started on two machines leaves two running sessions after a merge; on
    one machine, starting a session ends the one running. So here too: each running
    session but the latest started ends where the next session begins, and no time is
    counted twice. A start that is not a full instant is left for ``check`` to name."""
    sessions = table.get("time")
    if not isinstance(sessions, list):
        return table
    starts = sorted(
        entry["start"]
        for entry in sessions
        if isinstance(entry, dict) and isinstance(entry.get("start"), datetime) and entry["start"].tzinfo is not None
    )
    running = [
        entry for entry in sessions if isinstance(entry, dict) and "end" not in entry and entry.get("start") in starts
    ]
    for entry in sorted(running, key=lambda entry: entry["start"])[:-1]:
        later = [start for start in starts if start > entry["start"]]
        if later:  # two sessions starting at one instant are one session, merged field by field
            entry["end"] = min(later)
    return table


def named_entries(path: tuple[str, ...], entries: list[Any]) -> list[tuple[Any, str]]:
    """Each entry of an array of tables with the name a conflict's field gives it (``log[<touch id>]``).

    ``path`` is the array's keys from the file's top, as in ``_IDENTITY``: settling a conflict
    finds its entry again by the very name the merge wrote.
    """
    return list(_keyed(entries, _IDENTITY.get(path)).values())
