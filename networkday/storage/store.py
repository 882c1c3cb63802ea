"""The store: the only way the app and the commands touch the data folder.

Every change is a function applied to the record as it is on disk *now*, under the
folder lock: another instance's or a hand edit made since the app loaded the record is
kept, because the change is applied on top of it instead of replacing it.
"""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from networkday.clock import Clock
from networkday.config import Config
from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.summary import ContactSummary, DaySummary
from networkday.domain.text import slugify
from networkday.domain.vocab import FORMAT_VERSION
from networkday.storage.atomic import (
    ensure_dir,
    fsync_dir,
    remove_if_stale,
    remove_stale_temps,
    too_open,
    write_atomic,
)
from networkday.storage.codec import build, dumps, parse
from networkday.storage.index import IndexCache
from networkday.storage.lock import folder_lock
from networkday.storage.problems import DataProblem, ProblemError, StoreError, WriteError

T = TypeVar("T")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_DAY_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.toml$")
APP_DIR = ".networkday"


def valid_id(contact_id: str) -> bool:
    """Ids become file names; only this shape can never leave the contacts folder."""
    return bool(ID_PATTERN.match(contact_id))


@dataclass
class ScanResult:
    changed_contacts: set[str] = field(default_factory=set)
    changed_days: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.changed_contacts or self.changed_days)


class Store:
    def __init__(self, root: Path, clock: Clock) -> None:
        self.root = root
        self.clock = clock
        self.contacts_dir = root / "contacts"
        self.days_dir = root / "days"
        self.app_dir = root / APP_DIR
        self.config = Config()
        self.contacts: dict[str, ContactSummary] = {}
        self.days: dict[int, DaySummary] = {}
        self.problems: dict[Path, DataProblem] = {}
        self.warnings: list[str] = []
        self._index = IndexCache()
        self._read_only: dict[Path, int] = {}
        #: Called with a contact id whenever its summary changes or goes (search indexes follow).
        self.contact_listeners: list[Callable[[str], None]] = []

    # -- opening and scanning ---------------------------------------------------------

    @classmethod
    def open(cls, root: Path, clock: Clock, *, scan: bool = True) -> Store:
        store = cls(root, clock)
        store._prepare()
        store.load_config()
        store._index = IndexCache.load(store.index_path)
        store._load_from_index()
        if scan:
            store.scan()
        return store

    @property
    def index_path(self) -> Path:
        return self.app_dir / "index.marshal"

    @property
    def lock_path(self) -> Path:
        return self.app_dir / "lock"

    def _prepare(self) -> None:
        for folder in (self.root, self.contacts_dir, self.days_dir, self.app_dir):
            existed = folder.exists()
            ensure_dir(folder)
            if existed and too_open(folder.stat().st_mode):
                self.warnings.append(f"{folder}: the folder is readable by others; run chmod 700 on it")
        ignore = self.app_dir / ".gitignore"
        if not ignore.exists():
            write_atomic(ignore, b"# networkday's cache and state: machine-local, never commit\n*\n")
        for folder in (self.root, self.app_dir):
            remove_stale_temps(folder)

    def load_config(self) -> None:
        path = self.root / "config.toml"
        self.problems.pop(path, None)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.config = Config()
            return
        try:
            table, text = parse(path, data)
            self.config = build(path, text, lambda: Config.from_dict(table))
        except ProblemError as error:
            self.problems[path] = error.problem
            self.config = Config()

    def _load_from_index(self) -> None:
        for name, (_, _, row, problem) in self._index.contacts.items():
            if row is not None:
                self.contacts[name] = ContactSummary.from_row(row)
            elif problem is not None:
                self.problems[self.contact_path(name)] = DataProblem(self.contact_path(name), *problem)
        for name, (_, _, row, problem) in self._index.days.items():
            if row is not None:
                summary = DaySummary.from_row(row)
                self.days[summary.date] = summary
            elif problem is not None:
                self.problems[self.days_dir / name[:4] / name] = DataProblem(self.days_dir / name[:4] / name, *problem)

    def _contact_files(self) -> Iterator[tuple[str, os.stat_result]]:
        loose = 0
        with contextlib.suppress(FileNotFoundError), os.scandir(self.contacts_dir) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    if name.endswith(".tmp"):
                        remove_if_stale(Path(entry.path))
                    continue
                if not name.endswith(".toml") or not valid_id(name[:-5]):
                    continue
                stat = entry.stat()
                if too_open(stat.st_mode):
                    loose += 1
                yield name[:-5], stat
        if loose:
            self.warnings.append(f"{self.contacts_dir}: {loose} files are readable by others; run chmod 600 on them")

    def _day_files(self) -> Iterator[tuple[str, Path, os.stat_result]]:
        with contextlib.suppress(FileNotFoundError), os.scandir(self.days_dir) as years:
            for year in years:
                if not (year.is_dir() and year.name.isdigit()):
                    continue
                remove_stale_temps(Path(year.path))
                with os.scandir(year.path) as entries:
                    for entry in entries:
                        if _DAY_NAME.match(entry.name) and entry.name.startswith(year.name):
                            yield entry.name, Path(entry.path), entry.stat()

    def scan(self) -> ScanResult:
        """Stats every file and re-reads those whose mtime or size differ from the index."""
        result = ScanResult()
        self.warnings = [w for w in self.warnings if "files are readable" not in w]
        seen: set[str] = set()
        for contact_id, stat in self._contact_files():
            seen.add(contact_id)
            cached = self._index.contacts.get(contact_id)
            if cached and cached[0] == stat.st_mtime_ns and cached[1] == stat.st_size:
                continue
            self._reindex_contact(contact_id)
            result.changed_contacts.add(contact_id)
        for gone in set(self._index.contacts) - seen:
            self._forget_contact(gone)
            result.changed_contacts.add(gone)
        self._scan_days(result)
        if result:
            self._save_index()
        return result

    def scan_days(self) -> set[int]:
        """Only the day files: one stat each, cheap enough to run under the lock before a timer change."""
        result = ScanResult()
        self._scan_days(result)
        if result:
            self._save_index()
        return result.changed_days

    def _scan_days(self, result: ScanResult) -> None:
        seen_days: set[str] = set()
        for name, path, stat in self._day_files():
            seen_days.add(name)
            if _unchanged(self._index.days.get(name), stat):
                continue
            self._reindex_day(name, path)
            result.changed_days.add(_ordinal_of(name))
        for gone in set(self._index.days) - seen_days:
            self._forget_day(gone)
            result.changed_days.add(_ordinal_of(gone))

    def refresh_days(self, days: Iterable[date]) -> set[int]:
        """Re-reads those of ``days`` whose file changed since it was indexed; returns their ordinals.

        Cheap enough to poll every second: one stat per day, and a parse only when another
        instance or a hand edit changed the file.
        """
        changed: set[int] = set()
        for day in days:
            path = self.day_path(day)
            try:
                stat = os.stat(path)
            except FileNotFoundError:
                if path.name in self._index.days:
                    self._forget_day(path.name)
                    changed.add(day.toordinal())
                continue
            if not _unchanged(self._index.days.get(path.name), stat):
                self._reindex_day(path.name, path)
                changed.add(day.toordinal())
        if changed:
            self._save_index()
        return changed

    def _save_index(self) -> None:
        with contextlib.suppress(OSError):
            self._index.save(self.index_path)

    def _forget_day(self, name: str) -> None:
        self._index.days.pop(name, None)
        self.days.pop(_ordinal_of(name), None)
        self.problems.pop(self.days_dir / name[:4] / name, None)

    def _forget_contact(self, contact_id: str) -> None:
        self._index.contacts.pop(contact_id, None)
        self.contacts.pop(contact_id, None)
        self.problems.pop(self.contact_path(contact_id), None)
        self._notify(contact_id)

    def _notify(self, contact_id: str) -> None:
        for listener in self.contact_listeners:
            listener(contact_id)

    def _reindex_contact(self, contact_id: str) -> Contact | None:
        path = self.contact_path(contact_id)
        try:
            data = path.read_bytes()
            stat = os.stat(path)
        except FileNotFoundError:
            self._forget_contact(contact_id)
            return None
        try:
            contact = self._decode_contact(contact_id, path, data)
        except ProblemError as error:
            problem = error.problem
            self.problems[path] = problem
            self.contacts.pop(contact_id, None)
            self._notify(contact_id)
            self._index.contacts[contact_id] = (
                stat.st_mtime_ns,
                stat.st_size,
                None,
                (problem.line, problem.column, problem.message),
            )
            return None
        self.problems.pop(path, None)
        self._remember_contact(contact, stat)
        return contact

    def _remember_contact(self, contact: Contact, stat: os.stat_result) -> None:
        summary = ContactSummary.of(contact)
        self.contacts[contact.id] = summary
        self._index.contacts[contact.id] = (stat.st_mtime_ns, stat.st_size, summary.to_row(), None)
        self._notify(contact.id)

    def _reindex_day(self, name: str, path: Path) -> Day | None:
        try:
            data = path.read_bytes()
            stat = os.stat(path)
        except FileNotFoundError:
            return None
        try:
            day = self._decode_day(path, data, date.fromordinal(_ordinal_of(name)))
        except ProblemError as error:
            problem = error.problem
            self.problems[path] = problem
            self.days.pop(_ordinal_of(name), None)
            located = (problem.line, problem.column, problem.message)
            self._index.days[name] = (stat.st_mtime_ns, stat.st_size, None, located)
            return None
        self.problems.pop(path, None)
        self._remember_day(name, day, stat)
        return day

    def _remember_day(self, name: str, day: Day, stat: os.stat_result) -> None:
        summary = DaySummary.of(day)
        self.days[summary.date] = summary
        self._index.days[name] = (stat.st_mtime_ns, stat.st_size, summary.to_row(), None)

    # -- decoding -------------------------------------------------------------------------

    def _check_format(self, path: Path, table: dict[str, Any]) -> None:
        version = table.get("format", FORMAT_VERSION)
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            self._read_only[path] = version
        else:
            self._read_only.pop(path, None)

    def _decode_contact(self, contact_id: str, path: Path, data: bytes) -> Contact:
        table, text = parse(path, data)
        self._check_format(path, table)
        return build(path, text, lambda: Contact.from_dict(contact_id, table))

    def _decode_day(self, path: Path, data: bytes, expected: date) -> Day:
        table, text = parse(path, data)
        self._check_format(path, table)
        return build(path, text, lambda: Day.from_dict(table, expected))

    # -- paths ---------------------------------------------------------------------------

    def contact_path(self, contact_id: str) -> Path:
        if not valid_id(contact_id):
            raise StoreError(f"{contact_id!r} is not a contact id (lowercase letters, digits and dashes)")
        return self.contacts_dir / f"{contact_id}.toml"

    def day_path(self, day: date) -> Path:
        return self.days_dir / f"{day.year:04d}" / f"{day.isoformat()}.toml"

    def read_only_reason(self, path: Path) -> str | None:
        version = self._read_only.get(path)
        if version is None:
            return None
        return f"{path} was written by a newer networkday (format {version}); it is read-only here"

    # -- reading records -----------------------------------------------------------------

    def contact(self, contact_id: str) -> Contact:
        path = self.contact_path(contact_id)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"no contact {contact_id!r} in {self.contacts_dir}") from None
        return self._decode_contact(contact_id, path, data)

    def day(self, day: date) -> Day:
        """A missing day file is an empty day; a broken one raises and is never replaced."""
        path = self.day_path(day)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return Day(date=day)
        return self._decode_day(path, data, day)

    def day_fingerprint(self, day: date) -> tuple[int, int] | None:
        """Cheap change detection for polling: the day file's mtime and size."""
        try:
            stat = os.stat(self.day_path(day))
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def sessions_around(self, day: date) -> list:
        """Timer sessions of the day before, the day and the day after (midnight splits)."""
        from datetime import timedelta

        sessions = []
        for offset in (-1, 0, 1):
            summary = self.days.get((day + timedelta(days=offset)).toordinal())
            if summary:
                sessions.extend(summary.sessions)
        return sessions

    # -- writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self, path: Path) -> Iterator[None]:
        """The folder lock around one read-modify-write; a failing system call becomes a WriteError naming the file."""
        try:
            with folder_lock(self.lock_path):
                yield
        except OSError as error:
            raise WriteError(f"{path}: not saved, the file is unchanged: {error.strerror or error}") from error

    def _write_locked(self, path: Path, table: dict[str, Any]) -> os.stat_result:
        reason = self.read_only_reason(path)
        if reason:
            raise StoreError(reason)
        return write_atomic(path, dumps(table))

    def add_contact(self, contact: Contact) -> Contact:
        """Gives the contact a fresh id from its name (``jane-doe``, ``jane-doe-2``) and saves it."""
        return self.add_contacts([contact])[0]

    def add_contacts(self, contacts: list[Contact]) -> list[Contact]:
        """New contacts under one lock and one index save (imports); each file still written safely."""
        with self._writing(self.contacts_dir):
            taken = set(self.contacts)
            for contact in contacts:
                base = slugify(contact.name)[:70].strip("-") or "contact"
                number = 1
                while True:
                    candidate = base if number == 1 else f"{base}-{number}"
                    if candidate not in taken and not self.contact_path(candidate).exists():
                        break
                    number += 1
                taken.add(candidate)
                contact.id = candidate
                table = contact.to_dict()
                Contact.from_dict(candidate, table)  # refuse to write what could not be read back
                stat = self._write_locked(self.contact_path(candidate), table)
                self._remember_contact(contact, stat)
        self._save_index()
        return contacts

    def update_contact(self, contact_id: str, change: Callable[[Contact], T]) -> Contact:
        """Applies ``change`` to the contact as it is on disk now, then saves it atomically."""
        path = self.contact_path(contact_id)
        with self._writing(path):
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                raise StoreError(f"no contact {contact_id!r} in {self.contacts_dir}") from None
            contact = self._decode_contact(contact_id, path, data)
            change(contact)
            table = contact.to_dict()
            Contact.from_dict(contact_id, table)
            stat = self._write_locked(path, table)
        self._remember_contact(contact, stat)
        self._save_index()
        return contact

    def put_contact(self, contact: Contact) -> Contact:
        """Writes a whole contact under its id (undo of a delete, the result of a merge)."""
        path = self.contact_path(contact.id)
        with self._writing(path):
            table = contact.to_dict()
            Contact.from_dict(contact.id, table)
            stat = self._write_locked(path, table)
        self._remember_contact(contact, stat)
        self._save_index()
        return contact

    def delete_contact(self, contact_id: str) -> Contact:
        """Removes the file and returns the contact as it was, so the deletion can be undone."""
        path = self.contact_path(contact_id)
        with self._writing(path):
            contact = self.contact(contact_id)
            reason = self.read_only_reason(path)
            if reason:
                raise StoreError(reason)
            os.unlink(path)
            fsync_dir(path.parent)
        self._forget_contact(contact_id)
        self._save_index()
        return contact

    def update_day(self, day: date, change: Callable[[Day], T]) -> Day:
        """Applies ``change`` to the day file as it is on disk now, then saves it atomically."""
        path = self.day_path(day)
        with self._writing(path):
            record = self.day(day)
            change(record)
            table = record.to_dict()
            Day.from_dict(table, day)
            ensure_dir(path.parent)
            stat = self._write_locked(path, table)
        self._remember_day(path.name, record, stat)
        self._save_index()
        return record

    @contextlib.contextmanager
    def change_days(self) -> Iterator[DayBatch]:
        """Several day files changed as one step under one hold of the lock.

        A timer switch stops a session in yesterday's file and starts one in today's; with
        the lock held throughout, no other instance can start a session in between. Every
        day is read from disk inside the lock. Nothing is written if the block raises or a
        changed day would not read back; the changed files are then written in the order
        they were first read, so the caller decides which lands first. The lock is not
        re-entrant: call no other writing method of the store inside the block.
        """
        written: list[tuple[str, Day, os.stat_result]] = []
        try:
            with self._writing(self.days_dir):
                batch = DayBatch(self)
                yield batch
                changes = batch.changed()
                for day, _, table in changes:
                    Day.from_dict(table, day)
                    reason = self.read_only_reason(self.day_path(day))
                    if reason:
                        raise StoreError(reason)
                for day, record, table in changes:
                    path = self.day_path(day)
                    ensure_dir(path.parent)
                    written.append((path.name, record, self._write_locked(path, table)))
        finally:
            for name, record, stat in written:
                self._remember_day(name, record, stat)
            if written:
                self._save_index()

    # -- app-owned state -------------------------------------------------------------------

    @property
    def state_path(self) -> Path:
        return self.app_dir / "state.toml"

    def state(self) -> dict[str, Any]:
        """Machine-local choices (theme, last seen); a damaged state file is just ignored."""
        with contextlib.suppress(OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return tomllib.loads(self.state_path.read_text("utf-8"))
        return {}

    def update_state(self, **values: Any) -> None:
        with self._writing(self.state_path):
            state = self.state()
            state.update({key: value for key, value in values.items() if value is not None})
            write_atomic(self.state_path, dumps(state))


def _ordinal_of(name: str) -> int:
    return date.fromisoformat(name[:10]).toordinal()


def _unchanged(cached: tuple | None, stat: os.stat_result) -> bool:
    """Whether an index entry still describes the file: same mtime and size."""
    return cached is not None and cached[0] == stat.st_mtime_ns and cached[1] == stat.st_size


class DayBatch:
    """Day files read from disk while ``Store.change_days`` holds the lock.

    Change the records ``day`` returns in place; the batch writes those that differ from
    what was read when the block ends.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._loaded: dict[date, tuple[Day, dict[str, Any]]] = {}

    def day(self, day: date) -> Day:
        """The day as it is on disk now, read once per batch; a broken file raises ProblemError."""
        if day not in self._loaded:
            record = self.store.day(day)
            self._loaded[day] = (record, record.to_dict())
        return self._loaded[day][0]

    def changed(self) -> list[tuple[date, Day, dict[str, Any]]]:
        """The changed days as tables, in the order they were first read."""
        changes = []
        for day, (record, before) in self._loaded.items():
            table = record.to_dict()
            if table != before:
                changes.append((day, record, table))
        return changes
