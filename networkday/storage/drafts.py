"""Text typed into an open prompt when a signal ended the app, kept in ``.networkday/drafts.toml``.

A ``kill`` or a dropped SSH connection ends the app mid-sentence. What was typed into the
log prompt or the contact form is not a record yet (the prompt may never have been
confirmed), so it is kept apart from the records, machine-local like ``state.toml``:

    [[draft]]
    kind = "log"                          # or "contact", or "call"
    contact = "ada-lovelace"              # "" for a person not saved yet
    at = 2026-11-25T09:30:00+01:00        # log: the touch the details belong to
    kept = 2026-11-25T09:31:12+01:00
    why = "SIGHUP"
    [draft.fields]
    note = "Knows the hiring manager at Analytical"

The next start offers each draft once; it leaves the file when it is taken or thrown
away. A call's note is kept here as it is typed (``put_call_draft``), one draft per
person, its ``at`` the call's start, so even a SIGKILL loses at most a second of it.
Drafts from several instances add up; a damaged file is reported and left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from networkday.domain.errors import RecordError
from networkday.storage.atomic import write_atomic
from networkday.storage.codec import build, dumps, parse
from networkday.storage.lock import folder_lock
from networkday.storage.problems import DataProblem, ProblemError, StoreError, WriteError
from networkday.storage.store import Store

KINDS = ("log", "contact", "call")


@dataclass(frozen=True)
class Draft:
    """What was typed into one prompt, and what it belongs to."""

    kind: str
    contact: str
    fields: dict[str, str | bool]
    kept: datetime
    why: str = ""
    at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def table(self) -> dict[str, Any]:
        table: dict[str, Any] = {"kind": self.kind, "contact": self.contact}
        if self.at is not None:
            table["at"] = self.at
        table["kept"] = self.kept
        if self.why:
            table["why"] = self.why
        return {**table, **self.extra, "fields": dict(self.fields)}


def drafts_path(store: Store) -> Path:
    return store.app_dir / "drafts.toml"


def load_drafts(store: Store) -> list[Draft]:
    """The drafts kept; [] when there are none. A damaged file becomes a problem of the store."""
    path = drafts_path(store)
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # the latter: .networkday is a file, said already
        return []
    except OSError as error:
        store.problems[path] = DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")
        return []
    try:
        return _read(path, data)
    except ProblemError as error:
        store.problems[path] = error.problem
        return []


def keep_drafts(store: Store, drafts: list[Draft]) -> None:
    """Adds ``drafts`` to the file, atomically and under the folder lock (0600, as every file)."""
    if drafts:
        _rewrite(store, lambda kept: [*kept, *drafts])


def drop_draft(store: Store, draft: Draft) -> None:
    """Removes one draft (taken or thrown away); the others, perhaps another instance's, stay."""
    _rewrite(store, lambda kept: [item for item in kept if item != draft])


def call_draft(store: Store, contact_id: str) -> Draft | None:
    """The call note kept for ``contact_id``, if any (the newest, should there be several)."""
    kept = [d for d in load_drafts(store) if d.kind == "call" and d.contact == contact_id]
    return max(kept, key=lambda d: d.kept) if kept else None


def put_call_draft(store: Store, draft: Draft) -> None:
    """Keeps ``draft`` as the one call note of its person: an earlier one of theirs is replaced."""
    _rewrite(store, lambda kept: [*(d for d in kept if not _same_call(d, draft.contact)), draft])


def drop_call_draft(store: Store, contact_id: str) -> None:
    """The call is logged: its note leaves the drafts (other people's and other kinds stay)."""
    _rewrite(store, lambda kept: [d for d in kept if not _same_call(d, contact_id)])


def _same_call(draft: Draft, contact_id: str) -> bool:
    return draft.kind == "call" and draft.contact == contact_id


def _rewrite(store: Store, change: Callable[[list[Draft]], list[Draft]]) -> None:
    path = drafts_path(store)
    try:
        with folder_lock(store.lock_path):
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                data = b""
            kept = _read(path, data) if data.strip() else []
            left = change(kept)
            if left:
                write_atomic(path, dumps({"draft": [item.table() for item in left]}))
            elif data:
                path.unlink()
    except ProblemError as error:
        store.problems[path] = error.problem
        raise StoreError(f"{error.problem}; not overwritten: fix or delete the file") from None
    except OSError as error:
        raise WriteError(f"{path}: not saved, the file is unchanged: {error.strerror or error}") from error


def _read(path: Path, data: bytes) -> list[Draft]:
    table, text = parse(path, data)
    return build(path, text, lambda: _drafts(table))


def _drafts(table: dict[str, Any]) -> list[Draft]:
    items = table.get("draft", [])
    if not isinstance(items, list):
        raise RecordError("'draft' must be an array of tables", ("draft",))
    return [_draft(item, index) for index, item in enumerate(items)]


def _draft(item: Any, index: int) -> Draft:
    where = ("draft", index)
    if not isinstance(item, dict):
        raise RecordError("a draft must be a table", where)
    kind, contact, kept = item.get("kind"), item.get("contact"), item.get("kept")
    if kind not in KINDS:
        raise RecordError(f"kind must be one of {', '.join(KINDS)}", (*where, "kind"))
    if not isinstance(contact, str):
        raise RecordError("contact must be a string", (*where, "contact"))
    if not isinstance(kept, datetime) or kept.tzinfo is None:
        raise RecordError("kept must be a date and time with an offset", (*where, "kept"))
    at = item.get("at")
    if at is not None and not (isinstance(at, datetime) and at.tzinfo is not None):
        raise RecordError("at must be a date and time with an offset", (*where, "at"))
    if kind == "log" and at is None:
        raise RecordError("a log draft needs the time of its touch in 'at'", where)
    why = item.get("why", "")
    if not isinstance(why, str):
        raise RecordError("why must be a string", (*where, "why"))
    fields = item.get("fields", {})
    if not isinstance(fields, dict):
        raise RecordError("fields must be a table", (*where, "fields"))
    for name, value in fields.items():
        if not isinstance(value, str | bool):
            raise RecordError("a field must be text or true/false", (*where, "fields", name))
    known = {"kind", "contact", "kept", "at", "why", "fields"}
    extra = {key: value for key, value in item.items() if key not in known}
    return Draft(kind, contact, dict(fields), kept, why, at, extra)
