"""A hand edit of a whole contact file merged into the file as it is now: fields, unknown keys and history.

``networkday edit`` opens a copy of the file; the app, a command or a sync may change the
real one while the editor is open. As for the contact form (``domain.edit``), what only the
edit changed is taken, what only the file changed is kept, and a field both changed to
different values is a conflict. The form never touches the history or unknown keys; a hand
edit may, so they are merged too: unknown keys one by one, and the history touch by touch,
so a touch logged meanwhile stays beside a note corrected in the editor.
"""

from __future__ import annotations

import copy
from typing import Any

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.edit import apply_edit


def _same(one: LogEntry, other: LogEntry) -> bool:
    """The same touch, written the same: ``==`` leaves the id out, which names the touch."""
    return one == other and one.id == other.id


def _without(entries: list[LogEntry], gone: list[LogEntry]) -> list[LogEntry]:
    left = list(entries)
    for entry in gone:
        left = [kept for kept in left if not _same(kept, entry)]
    return left


def merge_history(current: Contact, base: Contact, edited: Contact) -> bool:
    """Puts the edit's history changes into ``current``; False (``current`` untouched) on a clash.

    A changed touch is the old one removed and the new one added. A touch the edit
    removed or changed that the file no longer holds as it was (changed meanwhile) is a clash.
    """
    removed = [entry for entry in base.log if not any(_same(entry, kept) for kept in edited.log)]
    added = [entry for entry in edited.log if not any(_same(entry, was) for was in base.log)]
    if not (removed or added):
        return True
    if any(not any(_same(entry, there) for there in current.log) for entry in removed):
        return False
    kept = _without(current.log, removed)
    kept.extend(copy.deepcopy(entry) for entry in added if not any(_same(entry, there) for there in kept))
    current.log = sorted(kept, key=lambda entry: entry.at.timestamp())
    return True


def merge_extra(current: dict[str, Any], base: dict[str, Any], edited: dict[str, Any]) -> list[str]:
    """Unknown keys merged one by one, as fields are; returns the clashing keys."""
    missing = object()
    conflicts = []
    for key in base.keys() | edited.keys():
        was, mine = base.get(key, missing), edited.get(key, missing)
        if was == mine:
            continue
        theirs = current.get(key, missing)
        if theirs not in (was, mine):
            conflicts.append(key)
        elif mine is missing:
            current.pop(key, None)
        else:
            current[key] = copy.deepcopy(mine)
    return sorted(conflicts)


def apply_file_edit(current: Contact, base: Contact, edited: Contact) -> list[str]:
    """Merges a hand edit (``base`` -> ``edited``) into ``current``; returns what clashed.

    On any clash ``current`` may be half changed: the caller writes nothing then.
    """
    conflicts = apply_edit(current, base, edited)
    conflicts += merge_extra(current.extra, base.extra, edited.extra)
    if not merge_history(current, base, edited):
        conflicts.append("log")
    return conflicts
