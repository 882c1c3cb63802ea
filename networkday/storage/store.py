"""The store: the only way the app and the commands touch the data folder.

Every change is a function applied to the record as it is on disk *now*, under the
folder lock: another instance's or a hand edit made since the app loaded the record is
kept, because the change is applied on top of it instead of replacing it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from networkday.clock import Clock
from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.errors import RecordError
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary, DaySummary
from networkday.domain.text import escape_name, slugify
from networkday.domain.vocab import FORMAT_VERSION
from networkday.storage.atomic import (
    ChangedMeanwhile,
    Mark,
    current_mark,
    ensure_dir,
    fsync_dir,
    read_with_stat,
    remove_stale_temps,
    too_open,
    write_atomic,
    write_many,
)
from networkday.storage.codec import ExactFloats, TOMLDecodeError, build, dumps, inexact_value, loads, parse
from networkday.storage.index import Entries, FileMark, IndexCache, IndexEntry, file_mark, mark_of, paused_gc
from networkday.storage.layout import Findings, contact_name_problem, day_of, toml_files, valid_id, year_folders
from networkday.storage.links import save_target
from networkday.storage.lock import folder_lock
from networkday.storage.problems import DataProblem, ProblemError, StoreError, WriteError
from networkday.storage.settle import GIVE_UP, read_settled
from networkday.storage.written import note_written, written_here

T = TypeVar("T")
APP_DIR = ".networkday"
#: What opening a file that is not there raises: no such file, or a folder on its path is a file.
_GONE = (FileNotFoundError, NotADirectoryError)
#: An index mtime no file has: an entry that is always read again (a file that could not be opened).
_REREAD = -1
#: How often a rewrite reads a file again that another program wrote between its read and its rename.
REWRITE_TRIES = 5


@dataclass
class ScanResult:
    changed_contacts: set[str] = field(default_factory=set)
    changed_days: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.changed_contacts or self.changed_days)


#: The two fields of a file's stat the index compares, (mtime in ns, size): a fifth of
#: the memory of a ``stat_result``, which counts when 30,000 of them are held at once.
Seen = tuple[int, int]


@dataclass
class Look:
    """What ``Store.look`` saw: each file with its mtime and size, and what the store would not read."""

    #: file name -> what its stat said
    contacts: dict[str, Seen]
    days: list[tuple[Path, str, Seen]]
    findings: Findings


class Store:
    def __init__(self, root: Path, clock: Clock) -> None:
        self.root = root
        self.clock = clock
        self.contacts_dir = root / "contacts"
        self.days_dir = root / "days"
        self.app_dir = root / APP_DIR
        self.config = Config()
        #: config.toml as ``config`` was read from it (``index.file_mark`` with ctime); None: no file.
        self.config_mark: FileMark | None = None
        #: None until first read, when the store was opened with ``contacts=False``.
        self._contacts: dict[str, ContactSummary] | None = {}
        self.days: dict[int, DaySummary] = {}
        self.problems: dict[Path, DataProblem] = {}
        #: Files written by a newer networkday, with the format they carry: read, never written.
        self.read_only: dict[Path, int] = {}
        self._index = IndexCache()
        self._open_warnings: list[str] = []
        self._config_warnings: list[str] = []
        #: Why nothing can be saved this run (``.networkday`` is not a writable folder), or None.
        self.cannot_save: str | None = None
        #: True when ``.networkday`` cannot be used at all: no cache, no preview, no state.
        self.no_cache = False
        self._scan_warnings: list[str] = []
        self._strays: set[Path] = set()
        #: The open folder lock while this store holds it (``_writing``), else None.
        self._lock_fd: int | None = None
        #: Called with a contact id whenever its summary changes or goes (search indexes follow).
        self.contact_listeners: list[Callable[[str], None]] = []
        #: False: every change saves the index cache at once (commands, which exit right after).
        #: True (the app): a change only marks it, and ``flush_index`` writes it a moment later,
        #: so a save costs no cache write (a tenth to a third of it). A cache left behind by a
        #: crash is only stale: files newer than it are read again at the next start.
        self.defer_index = False
        self._index_pending = False

    @property
    def warnings(self) -> list[str]:
        """What the user should know that stops nothing: modes open to others, read-only files.

        One line each, whatever the files are called (a newline or ESC in a name is escaped).
        """
        newer = [_newer_message(path, version) for path, version in sorted(self.read_only.items())]
        return [
            escape_name(warning)
            for warning in (*self._open_warnings, *self._config_warnings, *self._scan_warnings, *newer)
        ]

    # -- opening and scanning ---------------------------------------------------------

    @classmethod
    def open(cls, root: Path, clock: Clock, *, scan: bool = True, contacts: bool = True) -> Store:
        """Opens the folder from the index cache, then (``scan``) re-reads what changed since.

        ``contacts=False`` leaves the contacts' summaries packed in the cache until
        ``contacts`` is first read: ``timer status``, run every few seconds, never reads
        them, and the app draws its first frame from a ``DayPreview`` before it does. A
        scan then covers the day files only.
        """
        store = cls(root, clock)
        store._prepare()
        store.load_config()
        store.state()  # a damaged state file is reported with the others
        with paused_gc():
            store._index = IndexCache.load(store.index_path, contacts=contacts)
            store._contacts = None
            store._restore_days()  # a cache that does not fit is dropped whole: contacts then {}
            if contacts:
                store._restore_contacts()
            if scan and contacts:
                store.scan()
            elif scan:
                store.scan_days()
        return store

    @property
    def contacts(self) -> dict[str, ContactSummary]:
        """Every contact's summary by id; read from the index cache when first asked for."""
        if self._contacts is None:
            with paused_gc():
                self._restore_contacts()
        assert self._contacts is not None
        return self._contacts

    @property
    def contacts_loaded(self) -> bool:
        return self._contacts is not None

    @property
    def index_path(self) -> Path:
        return self.app_dir / "index.marshal"

    @property
    def lock_path(self) -> Path:
        return self.app_dir / "lock"

    def _prepare(self) -> None:
        """Makes what a fresh folder lacks; what cannot be made only limits this run.

        Reading needs none of it, so a folder that cannot be written (a read-only mount, a
        backup, another user's) still answers every command that only reads. Its cache
        folder decides the rest: without one there is no cache, no preview and no state
        this run, and no save, since the lock lives there (see ``cannot_save``).
        """
        root = self.root
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root}: not a folder")
        try:
            ensure_dir(root)
        except OSError as error:
            raise StoreError(f"{root}: the data folder cannot be created: {error.strerror or error}") from None
        for folder in (self.contacts_dir, self.days_dir):
            with contextlib.suppress(OSError):  # a missing one is read as empty; a save makes it
                ensure_dir(folder)
        self._prepare_app_dir()
        for folder in (root, self.contacts_dir, self.days_dir, self.app_dir):
            with contextlib.suppress(OSError):
                if folder.is_dir() and too_open(folder.stat().st_mode):
                    self._open_warnings.append(f"{folder}: the folder is open to other users; run chmod 700 on it")
        if self.cannot_save is None:
            ignore = self.app_dir / ".gitignore"
            with contextlib.suppress(OSError):
                if not ignore.exists():
                    write_atomic(ignore, b"# networkday's cache and state: machine-local, never commit\n*\n")
            for folder in (root, self.app_dir):
                with contextlib.suppress(OSError):
                    remove_stale_temps(folder)

    def _prepare_app_dir(self) -> None:
        """``.networkday``: made if missing; one that is not a folder or cannot be written is said once."""
        app_dir = self.app_dir
        if app_dir.is_symlink() or app_dir.exists():
            if not app_dir.is_dir():
                self.no_cache = True
                self.cannot_save = (
                    f"{app_dir}: not a folder, so networkday keeps no cache, preview or state and saves"
                    " nothing (its lock lives there); move the file away"
                )
            elif self.lock_path.exists() and not os.access(self.lock_path, os.W_OK):
                self.cannot_save = f"{self.lock_path}: cannot be written, so nothing is saved (it is the folder lock)"
            elif not self.lock_path.exists() and not os.access(app_dir, os.W_OK):
                self.cannot_save = f"{app_dir}: cannot be written, so nothing is saved (the lock lives there)"
        else:
            try:
                ensure_dir(app_dir)
            except OSError as error:
                self.no_cache = True
                reason = error.strerror or error
                self.cannot_save = (
                    f"{app_dir}: cannot be created ({reason}), so nothing is saved (the lock lives there)"
                )
        if self.cannot_save is not None:
            self._open_warnings.append(self.cannot_save)

    def load_config(self) -> None:
        """config.toml: a file that cannot be read is a problem and the defaults apply.

        networkday never writes config.toml, so one from a newer networkday is read like
        any other, with a warning: it may hold settings this version does not know.
        """
        path = self.root / "config.toml"
        self.problems.pop(path, None)
        self._config_warnings = []
        try:
            data, stat = read_with_stat(path)
        except FileNotFoundError:
            self.config, self.config_mark = Config(), None
            return
        except OSError as error:
            self.config, self.config_mark = Config(), mark_of(path, ctime=True)
            self.problems[path] = DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")
            return
        self.config_mark = file_mark(stat, ctime=True)
        try:
            table, text = parse(path, data)
            version = table.get("format")
            if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
                self._config_warnings.append(
                    f"{path}: written by a newer networkday (format {version}); settings this version"
                    " does not know are not used"
                )
            self.config = build(path, text, lambda: Config.from_dict(table))
        except ProblemError as error:
            self.problems[path] = error.problem
            self.config = Config()

    def _restore_contacts(self) -> None:
        """Summaries as the cache remembers them; entries that do not fit are indexed again from the files.

        This runs over 30,000 entries: a comprehension with the constructor called
        directly took half the time of a method call per entry.
        """
        contact = ContactSummary
        try:
            self._contacts = {
                name: contact(*row) for name, (_, _, row, _, _) in self._index.contacts.items() if row is not None
            }
            self._note_cached_problems(self._index.contacts, self.contact_path)
        except (ValueError, TypeError, IndexError, StoreError):
            self._index.forget_contacts()
            self._contacts = {}
            for path in [path for path in self.problems if path.parent == self.contacts_dir]:
                del self.problems[path]
            self.read_only = {path: v for path, v in self.read_only.items() if path.parent != self.contacts_dir}

    def _restore_days(self) -> None:
        try:
            self.days = {summary.date: summary for summary in map(DaySummary.from_row, self._rows(self._index.days))}
            self._note_cached_problems(self._index.days, self._day_file)
        except (ValueError, TypeError, IndexError, StoreError):
            self._index = IndexCache()
            self._contacts, self.days, self.read_only = {}, {}, {}
            self.problems = {path: p for path, p in self.problems.items() if path == self.root / "config.toml"}

    @staticmethod
    def _rows(entries: Entries) -> list[tuple[Any, ...]]:
        return [row for (_, _, row, _, _) in entries.values() if row is not None]

    def _note_cached_problems(self, entries: Entries, path_of: Callable[[str], Path]) -> None:
        """The unreadable and the newer-format files the cache remembers."""
        for name, (_, _, _, problem, newer) in entries.items():
            if problem is not None or newer is not None:
                path = path_of(name)
                if problem is not None:
                    self.problems[path] = DataProblem(path, *problem)
                if newer is not None:
                    self.read_only[path] = newer

    def look(self) -> Look:
        """Every record file's stat, the store left untouched: safe to take in a worker thread."""
        findings = Findings()
        contacts = toml_files(self.contacts_dir, findings)
        return Look(contacts, self._look_at_days(findings), findings)

    def _look_at_days(self, findings: Findings) -> list[tuple[Path, str, Seen]]:
        return [
            (year, name, seen)
            for year in year_folders(self.days_dir, findings)
            for name, seen in toml_files(year, findings).items()
        ]

    def scan(self, look: Look | None = None) -> ScanResult:
        """Stats every file and re-reads those whose mtime or size differ from the index.

        ``look`` may have been taken a moment ago in a worker thread (the app draws its
        first screen from the index meanwhile); what it missed or saw vanish is stat-ed
        again here, since this instance may have written it since.
        """
        look = look or self.look()
        self.contacts  # noqa: B018 (the summaries, and the problems the cache remembers, before comparing)
        result = ScanResult()
        findings = look.findings
        seen: set[str] = set()
        entries = self._index.contacts
        indexed = entries.flat  # a plain dict: this loop meets every one of 30,000 files
        for name, (mtime, size) in look.contacts.items():
            contact_id = name[:-5]
            cached = indexed.get(contact_id)
            if cached is None and not valid_id(contact_id):  # an indexed name was valid already
                findings.strays[self.contacts_dir / name] = contact_name_problem(name)
                continue
            seen.add(contact_id)
            if cached is None or cached[0] != mtime or cached[1] != size:
                self._reindex_contact(contact_id)
                result.changed_contacts.add(contact_id)
        for gone in set(entries) - seen:
            if self._recheck(entries, gone, self.contact_path(gone)):
                self._reindex_contact(gone)
                result.changed_contacts.add(gone)
        self._scan_days(look.days, result, findings)
        self._note(findings)
        if result:
            self._save_index()
        return result

    def indexed_files(self) -> dict[str, dict[str, Seen]]:
        """Each record file the index describes, by folder, with the mtime and size it had when read.

        A look at a folder the index is true of gives the same (see ``look_matches``).
        """
        return {
            "contacts": {
                f"{contact_id}.toml": (entry[0], entry[1]) for contact_id, entry in self._index.contacts.items()
            },
            "days": {name: (entry[0], entry[1]) for name, entry in self._index.days.items()},
        }

    @staticmethod
    def look_matches(look: Look, files: dict[str, dict[str, Seen]]) -> bool:
        """Whether a look saw exactly ``files`` (as ``indexed_files`` gave them) and nothing to report."""
        findings = look.findings
        if findings.strays or findings.open_files or findings.open_folders:
            return False
        return look.contacts == files["contacts"] and {name: seen for _, name, seen in look.days} == files["days"]

    def _recheck(self, entries: Entries, key: str, path: Path) -> bool:
        """A file a look did not list: forgotten if it is gone, else whether it needs reading."""
        try:
            stat = os.stat(path)
        except _GONE:
            return True
        return not _unchanged(entries.get(key), (stat.st_mtime_ns, stat.st_size))

    def scan_days(self) -> set[int]:
        """Only the day files: one stat each, cheap enough to run under the lock before a timer change."""
        result = ScanResult()
        findings = Findings()
        self._scan_days(self._look_at_days(findings), result, findings)
        if result:
            self._save_index()
        return result.changed_days

    def _scan_days(self, days: list[tuple[Path, str, Seen]], result: ScanResult, findings: Findings) -> None:
        seen_days: set[str] = set()
        for year, name, stat in days:
            day = day_of(year.name, name)
            if isinstance(day, str):
                findings.strays[year / name] = day
                continue
            seen_days.add(name)
            if not _unchanged(self._index.days.get(name), stat):
                self._reindex_day(name, year / name, day)
                result.changed_days.add(day.toordinal())
        for gone in set(self._index.days) - seen_days:
            if self._recheck(self._index.days, gone, self._day_file(gone)):
                self._reindex_day(gone, self._day_file(gone), date.fromisoformat(gone[:10]))
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
            except _GONE:
                if path.name in self._index.days:
                    self._forget_day(path.name)
                    changed.add(day.toordinal())
                continue
            if not _unchanged(self._index.days.get(path.name), (stat.st_mtime_ns, stat.st_size)):
                self._reindex_day(path.name, path, day)
                changed.add(day.toordinal())
        if changed:
            self._save_index()
        return changed

    def _note(self, findings: Findings) -> None:
        """Files the scan passed over become problems; modes open to others become warnings."""
        config = self.root / "config.toml"
        with contextlib.suppress(OSError):
            if config.is_file() and too_open(config.stat().st_mode):
                findings.open_files.append(config)
        for path in self._strays - set(findings.strays):
            self.problems.pop(path, None)
        for path, message in findings.strays.items():
            self.problems[path] = DataProblem(path, 1, 1, message)
        self._strays = set(findings.strays)
        self._scan_warnings = findings.warnings()

    def _save_index(self) -> None:
        if self.defer_index:
            self._index_pending = True
        else:
            self.flush_index()

    def flush_index(self) -> None:
        """Writes the changed parts of the index cache (cheap when nothing changed)."""
        self._index_pending = False
        if self.no_cache:
            return
        with contextlib.suppress(OSError):
            self._index.save(self.index_path)

    def in_step_with_disk(self) -> bool:
        """Whether the index cache's files and config.toml on disk are the ones this store read
        or wrote last: what it holds is then what a fresh start from them would hold."""
        config = mark_of(self.root / "config.toml", ctime=True)
        return not self._index_pending and config == self.config_mark and self._index.matches_disk(self.index_path)

    @property
    def index_pending(self) -> bool:
        """Changes made since the index cache was last written (``defer_index``)."""
        return self._index_pending

    def _forget_contact(self, contact_id: str) -> None:
        path = self.contact_path(contact_id)
        self._index.contacts.pop(contact_id, None)
        self.contacts.pop(contact_id, None)
        self.problems.pop(path, None)
        self.read_only.pop(path, None)
        self._notify(contact_id)

    def _notify(self, contact_id: str) -> None:
        for listener in self.contact_listeners:
            listener(contact_id)

    def _forget_day(self, name: str) -> None:
        path = self._day_file(name)
        self._index.days.pop(name, None)
        self.days.pop(_ordinal_of(name), None)
        self.problems.pop(path, None)
        self.read_only.pop(path, None)

    def _reread(
        self, entries: Entries, key: str, path: Path, make: Callable[[dict[str, Any]], T]
    ) -> tuple[T, os.stat_result] | None:
        """Reads one file again; a missing, unreadable or broken one yields None and its problem is noted."""
        try:
            data, stat = read_with_stat(path)
        except _GONE:
            entries.pop(key, None)
            self.problems.pop(path, None)
            self.read_only.pop(path, None)
            return None
        except OSError as error:  # its mode, an I/O error: reported, and read again at every scan
            problem = DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")
            self.problems[path] = problem
            entries[key] = (_REREAD, _REREAD, None, (1, 1, problem.message), None)
            return None
        try:
            record = self._decode(path, data, make)
        except ProblemError as error:
            problem = error.problem
            self.problems[path] = problem
            located = (problem.line, problem.column, problem.message)
            entries[key] = (stat.st_mtime_ns, stat.st_size, None, located, self.read_only.get(path))
            return None
        self.problems.pop(path, None)
        return record, stat

    def _reindex_contact(self, contact_id: str) -> None:
        path = self.contact_path(contact_id)
        found = self._reread(self._index.contacts, contact_id, path, _contact_check(contact_id))
        if found is None:
            self.contacts.pop(contact_id, None)
            self._notify(contact_id)
        else:
            self._remember_contact(*found)

    def _remember_contact(self, contact: Contact, stat: os.stat_result) -> None:
        summary = ContactSummary.of(contact)
        self.contacts[contact.id] = summary
        newer = self.read_only.get(self.contact_path(contact.id))
        self._index.contacts[contact.id] = (stat.st_mtime_ns, stat.st_size, summary.to_row(), None, newer)
        self._notify(contact.id)

    def _reindex_day(self, name: str, path: Path, day: date) -> None:
        found = self._reread(self._index.days, name, path, _day_check(day))
        if found is None:
            self.days.pop(day.toordinal(), None)
        else:
            self._remember_day(name, *found)

    def _remember_day(self, name: str, day: Day, stat: os.stat_result) -> None:
        summary = DaySummary.of(day)
        self.days[summary.date] = summary
        newer = self.read_only.get(self._day_file(name))
        self._index.days[name] = (stat.st_mtime_ns, stat.st_size, summary.to_row(), None, newer)

    # -- decoding -------------------------------------------------------------------------

    def _decode(
        self, path: Path, data: bytes, make: Callable[[dict[str, Any]], T], parse_float: Callable[[str], Any] = float
    ) -> T:
        """Parses and builds a record; notes whether a newer networkday wrote it (then it is read-only)."""
        table, text = parse(path, data, parse_float)
        version = table.get("format")
        newer = version if isinstance(version, int) and version > FORMAT_VERSION else None
        if newer is None:
            self.read_only.pop(path, None)
        else:
            self.read_only[path] = newer
        try:
            return build(path, text, lambda: make(table))
        except ProblemError as error:
            if newer is None:
                raise
            note = f"{error.problem.message} (a newer networkday wrote this file: format {newer})"
            raise ProblemError(replace(error.problem, message=note)) from None

    # -- paths ---------------------------------------------------------------------------

    def contact_path(self, contact_id: str) -> Path:
        if not valid_id(contact_id):
            raise StoreError(f"{contact_id!r} is not a contact id (lowercase letters, digits and dashes)")
        return self.contacts_dir / f"{contact_id}.toml"

    def day_path(self, day: date) -> Path:
        return self.days_dir / f"{day.year:04d}" / f"{day.isoformat()}.toml"

    def _day_file(self, name: str) -> Path:
        """The path of a day file from its name, ``YYYY-MM-DD.toml``."""
        return self.days_dir / name[:4] / name

    def unreadable_days(self) -> frozenset[int]:
        """The ordinals of days whose file is there but cannot be read (its mode, a broken
        file): figures leave them out rather than count them as empty days."""
        found = set()
        for path in self.problems:
            if path.parent.parent == self.days_dir:
                day = day_of(path.parent.name, path.name)
                if isinstance(day, date):
                    found.add(day.toordinal())
        return frozenset(found)

    def unreadable_contacts(self) -> dict[str, str]:
        """Each contact whose file is there but cannot be read, by id, with its located problem."""
        return {path.stem: str(problem) for path, problem in self.problems.items() if path.parent == self.contacts_dir}

    def read_only_reason(self, path: Path) -> str | None:
        version = self.read_only.get(path)
        return None if version is None else _newer_message(path, version)

    # -- reading records -----------------------------------------------------------------

    def _load(self, path: Path, make: Callable[[dict[str, Any]], T]) -> T | None:
        """The record in ``path``, or None when there is no such file; a broken one raises ProblemError."""
        try:
            data = path.read_bytes()
        except _GONE:  # a folder on its path that is a file is reported by the scan
            self.read_only.pop(path, None)
            return None
        except OSError as error:  # its mode, a folder in its place, an I/O error
            raise ProblemError(DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")) from None
        return self._decode(path, data, make)

    def contact(self, contact_id: str) -> Contact:
        contact = self._load(self.contact_path(contact_id), _contact_check(contact_id))
        if contact is None:
            raise StoreError(f"no contact {contact_id!r} in {self.contacts_dir}")
        return contact

    def day(self, day: date) -> Day:
        """A missing day file is an empty day; a broken one raises and is never replaced."""
        return self._load(self.day_path(day), _day_check(day)) or Day(date=day)

    def day_fingerprint(self, day: date) -> tuple[int, int] | None:
        """Cheap change detection for polling: the day file's mtime and size."""
        try:
            stat = os.stat(self.day_path(day))
        except _GONE:
            return None
        return stat.st_mtime_ns, stat.st_size

    # -- writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self, path: Path) -> Iterator[None]:
        """The folder lock around one read-modify-write; a failing system call becomes a WriteError naming the file."""
        if self.cannot_save is not None:
            raise WriteError(f"{path}: not saved: {self.cannot_save}")
        try:
            with folder_lock(self.lock_path) as lock_fd:
                self._lock_fd = lock_fd
                try:
                    yield
                finally:
                    self._lock_fd = None
        except OSError as error:
            raise WriteError(f"{path}: not saved, the file is unchanged: {error.strerror or error}") from error

    def _on_disk(self, path: Path, make: Callable[[dict[str, Any]], T]) -> tuple[T | None, Mark]:
        """The record as it is on disk now, to change it, and the mark its rewrite compares
        (see ``_read_whole``); refuses a broken file, a newer format's, and one holding a
        value a rewrite would change."""
        record, refusal, mark = self._read_whole(path, make)
        if refusal:
            raise StoreError(refusal)
        return record, mark

    def _read_whole(self, path: Path, make: Callable[[dict[str, Any]], T]) -> tuple[T | None, str | None, Mark]:
        """The record as it is on disk now (under the lock), once it is whole (``settle.read_settled``),
        why it must not be written over (a newer format, a value it would change), if so, and
        the mark of the file read, which the rewrite compares just before its rename."""
        refusal: str | None = None

        def decode(data: bytes) -> T:
            nonlocal refusal
            floats = ExactFloats()
            record = self._decode(path, data, make, floats)
            refusal = inexact_value(path, data, floats)
            return record

        record, mark = read_settled(path, decode, self._written_here)
        if record is None:
            self.read_only.pop(path, None)
        return record, self.read_only_reason(path) or refusal, mark

    def day_on_disk(self, day: date) -> tuple[Day, str | None, Mark]:
        """The day as it is on disk now, to change it, why it must not be written over, if so,
        and the mark its rewrite compares.

        Call it only while holding the lock (``change_days``).
        """
        record, refusal, mark = self._read_whole(self.day_path(day), _day_check(day))
        return record or Day(date=day), refusal, mark

    def _written_here(self, stat: os.stat_result) -> bool:
        """Whether a file is exactly as a networkday write left it (``written``): then it is whole."""
        return self._lock_fd is not None and written_here(self._lock_fd, stat)

    def _note_written(self, stats: Sequence[os.stat_result]) -> None:
        """Tells later rewrites, in this process and others, that these files are whole (``written``)."""
        if self._lock_fd is not None:
            note_written(self._lock_fd, stats)

    def _write_locked(
        self, path: Path, table: dict[str, Any], check: Callable[[dict[str, Any]], object], read: Mark
    ) -> os.stat_result:
        """Saves through a link inside the folder (``links.save_target``); the file is whole again.

        ``read`` is the mark of the file the change was applied to: if another program
        wrote it since, nothing is written and ChangedMeanwhile is raised (see ``_again``).
        """
        stat = write_atomic(save_target(path, self.root), _checked(path, table, check), read)
        self._note_written([stat])
        return stat

    @staticmethod
    def _again(path: Path, attempt: Callable[[], T]) -> T:
        """Runs one read-change-write ``attempt`` again while another program wrote the file
        between its read and its rename (``atomic.ChangedMeanwhile``).

        The folder lock keeps out other networkday writers, but not an editor saving in
        place, a ``git checkout`` or a sync: their change is kept by reading the file again
        and applying the same change to it. A file changed under every one of
        ``REWRITE_TRIES`` tries, or for longer than ``settle.GIVE_UP`` seconds, is refused.
        """
        deadline = time.monotonic() + GIVE_UP
        tries = 1
        while True:
            try:
                return attempt()
            except ChangedMeanwhile:
                if tries == REWRITE_TRIES or time.monotonic() > deadline:
                    raise _kept_changing(path) from None
                tries += 1

    def add_contact(self, contact: Contact) -> Contact:
        """Gives the contact a fresh id from its name (``jane-doe``, ``jane-doe-2``) and saves it."""
        return self.add_contacts([contact])[0]

    def add_contacts(self, contacts: list[Contact]) -> list[Contact]:
        """New contacts under one lock, one index save and one round of fsyncs (imports).

        Each file is still written safely (``atomic.write_many``); if one could not be read
        back or the disk fails, none of them is saved.
        """
        with self._writing(self.contacts_dir):
            taken = set(self.contacts)
            files = []
            for contact in contacts:
                base = slugify(contact.name)[:70].strip("-") or "contact"
                number = 1
                while True:
                    candidate = base if number == 1 else f"{base}-{number}"
                    # lexists: a link that leads nowhere is a name taken too, never replaced
                    if candidate not in taken and not os.path.lexists(self.contact_path(candidate)):
                        break
                    number += 1
                taken.add(candidate)
                contact.id = candidate
                path = self.contact_path(candidate)
                files.append((path, _checked(path, contact.to_dict(), _contact_check(candidate))))
            stats = write_many(files)
            self._note_written(stats)
        for contact, stat in zip(contacts, stats, strict=True):
            self._remember_contact(contact, stat)
        self._save_index()
        return contacts

    def update_contact(self, contact_id: str, change: Callable[[Contact], T]) -> Contact:
        """Applies ``change`` to the contact as it is on disk now, then saves it atomically.

        ``change`` may run more than once, each time on a fresh record (see ``_again``).
        """
        path = self.contact_path(contact_id)

        def attempt() -> tuple[Contact, os.stat_result]:
            contact, mark = self._on_disk(path, _contact_check(contact_id))
            if contact is None:
                raise StoreError(f"no contact {contact_id!r} in {self.contacts_dir}")
            change(contact)
            return contact, self._write_locked(path, contact.to_dict(), _contact_check(contact_id), mark)

        with self._writing(path):
            contact, stat = self._again(path, attempt)
        self._remember_contact(contact, stat)
        self._save_index()
        return contact

    def update_contacts(self, changes: Iterable[tuple[str, Callable[[Contact], bool]]]) -> dict[str, bool | StoreError]:
        """Many contacts changed under one hold of the lock and one index save (imports).

        Each change is applied to the contact as it is on disk now, as in ``update_contact``;
        one that returns False leaves its file untouched. A contact that cannot be read or
        saved does not stop the others: each id maps to True (saved), False (untouched) or
        the StoreError saying why it was not saved. A file another program wrote between
        the read and the rename is read again and its change applied again, as in ``_again``.
        """
        outcomes: dict[str, bool | StoreError] = {}
        saved: list[tuple[Contact, os.stat_result]] = []
        pending = list(changes)
        deadline = time.monotonic() + GIVE_UP
        with self._writing(self.contacts_dir):
            for _ in range(REWRITE_TRIES):
                pending = self._update_round(pending, outcomes, saved)
                if not pending or time.monotonic() > deadline:
                    break
        for contact_id, _ in pending:
            outcomes[contact_id] = _kept_changing(self.contact_path(contact_id))
        for contact, stat in saved:
            self._remember_contact(contact, stat)
            outcomes[contact.id] = True
        self._save_index()
        return outcomes

    def _update_round(
        self,
        changes: list[tuple[str, Callable[[Contact], bool]]],
        outcomes: dict[str, bool | StoreError],
        saved: list[tuple[Contact, os.stat_result]],
    ) -> list[tuple[str, Callable[[Contact], bool]]]:
        """One pass of ``update_contacts``: fills ``outcomes`` and ``saved``; returns the
        changes whose file another program wrote meanwhile, to be applied again."""
        changed: list[tuple[str, Callable[[Contact], bool], Contact, Path, bytes, Mark]] = []
        for contact_id, change in changes:
            try:
                path = self.contact_path(contact_id)
                contact, mark = self._on_disk(path, _contact_check(contact_id))
                if contact is None:
                    raise StoreError(f"no contact {contact_id!r} in {self.contacts_dir}")
                if change(contact) is False:
                    outcomes[contact_id] = False
                    continue
                data = _checked(path, contact.to_dict(), _contact_check(contact_id))
                changed.append((contact_id, change, contact, save_target(path, self.root), data, mark))
            except StoreError as error:
                outcomes[contact_id] = error
            except (OSError, RecordError) as error:
                reason = getattr(error, "strerror", None) or error
                outcomes[contact_id] = WriteError(f"{path}: not saved, the file is unchanged: {reason}")
        try:
            stats = write_many([(path, data) for *_, path, data, _ in changed], [mark for *_, mark in changed])
            self._note_written([stat for stat in stats if stat is not None])
        except OSError as error:
            reason = error.strerror or error
            failed = WriteError(f"{self.contacts_dir}: {len(changed)} contacts not saved, all unchanged: {reason}")
            outcomes.update((contact_id, failed) for contact_id, *_ in changed)
            return []
        again = []
        for (contact_id, change, contact, *_), stat in zip(changed, stats, strict=True):
            if stat is None:
                again.append((contact_id, change))
            else:
                saved.append((contact, stat))
        return again

    def put_contact(self, contact: Contact) -> Contact:
        """Writes a whole contact under its id (undo of a delete, the result of a merge).

        A file there that cannot be read, or that a newer networkday wrote, is never replaced.
        """
        path = self.contact_path(contact.id)

        def attempt() -> os.stat_result:
            _, mark = self._on_disk(path, _contact_check(contact.id))
            return self._write_locked(path, contact.to_dict(), _contact_check(contact.id), mark)

        with self._writing(path):
            stat = self._again(path, attempt)
        self._remember_contact(contact, stat)
        self._save_index()
        return contact

    def delete_contact(self, contact_id: str) -> Contact:
        """Removes the file and returns the contact as it was, so the deletion can be undone.

        A file another program wrote since it was read is read again first, so what is
        returned (and an undo puts back) holds that change too.
        """
        path = self.contact_path(contact_id)

        def attempt() -> Contact:
            contact, mark = self._on_disk(path, _contact_check(contact_id))
            if contact is None:
                raise StoreError(f"no contact {contact_id!r} in {self.contacts_dir}")
            if current_mark(path) != mark:
                raise ChangedMeanwhile(path)
            os.unlink(path)
            return contact

        with self._writing(path):
            contact = self._again(path, attempt)
            fsync_dir(path.parent)
        self._forget_contact(contact_id)
        self._save_index()
        return contact

    def update_day(self, day: date, change: Callable[[Day], T]) -> Day:
        """Applies ``change`` to the day file as it is on disk now, then saves it atomically.

        ``change`` may run more than once, each time on a fresh record (see ``_again``).
        """
        path = self.day_path(day)

        def attempt() -> tuple[Day, os.stat_result]:
            record, mark = self._on_disk(path, _day_check(day))
            record = record or Day(date=day)
            change(record)
            return record, self._write_locked(path, record.to_dict(), _day_check(day), mark)

        with self._writing(path):
            record, stat = self._again(path, attempt)
        self._remember_day(path.name, record, stat)
        self._save_index()
        return record

    def change_days(self, block: Callable[[DayBatch], T]) -> T:
        """Several day files changed as one step under one hold of the lock; ``block``'s result.

        ``block`` reads days from the batch it is given and changes them in place. A timer
        switch stops a session in yesterday's file and starts one in today's; with the lock
        held throughout, no other instance can start a session in between. Every day is
        read from disk inside the lock. Nothing is written if ``block`` raises or a changed
        day would not read back; the changed files are then written in the order they were
        first read, so the caller decides which lands first. When another program wrote one
        of them between its read and its rename, ``block`` runs again on a fresh batch (see
        ``_again``): it must keep no state of its own from one run to the next. The lock is
        not re-entrant: call no other writing method of the store inside ``block``.
        """
        written: list[tuple[str, Day, os.stat_result]] = []

        def attempt() -> T:
            batch = DayBatch(self)
            result = block(batch)
            changes = batch.changed()
            for day, _, table in changes:
                Day.from_dict(table, day)
                refusal = batch.refusal(day)
                if refusal:
                    raise StoreError(refusal)
            for day, _, _ in changes[1:]:  # before the first rename (which checks its own): seen late, half saved
                if current_mark(self.day_path(day)) != batch.mark(day):
                    raise ChangedMeanwhile(self.day_path(day))
            for day, record, table in changes:
                path = self.day_path(day)
                ensure_dir(path.parent)
                written.append((path.name, record, self._write_locked(path, table, _day_check(day), batch.mark(day))))
            return result

        try:
            with self._writing(self.days_dir):
                return self._again(self.days_dir, attempt)
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
        """Machine-local choices (theme, last seen); {} when there are none.

        A damaged state file is reported like any other file (in ``problems``, with its
        line) and read as empty; ``update_state`` then refuses to replace it, so what it
        held is never thrown away unseen. An empty file holds no choices and is no problem.
        """
        path = self.state_path
        if self.no_cache:
            return {}
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = b""
        except OSError as error:
            self.problems[path] = DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")
            return {}
        if not data.strip():
            self.problems.pop(path, None)
            return {}
        try:
            table, text = parse(path, data)
            build(path, text, lambda: _check_state(table))
        except ProblemError as error:
            self.problems[path] = error.problem
            return {}
        self.problems.pop(path, None)
        return table

    def update_state(self, **values: Any) -> None:
        """Remembers ``values`` (None leaves a key as it is); a damaged state file is left alone."""
        with self._writing(self.state_path):
            state = self.state()
            problem = self.problems.get(self.state_path)
            if problem is not None:
                raise StoreError(f"{problem}; not overwritten: fix or delete the file")
            state.update({key: value for key, value in values.items() if value is not None})
            write_atomic(self.state_path, dumps(state))


#: The keys of state.toml and their types: a value of another type means the file is damaged.
STATE_TYPES: dict[str, type] = {"theme": str, "last_seen": datetime}


def _check_state(table: dict[str, Any]) -> None:
    for key, kind in STATE_TYPES.items():
        if key in table and not isinstance(table[key], kind):
            raise RecordError(f"{key!r} must be a {kind.__name__}, not {type(table[key]).__name__}", (key,))


def _kept_changing(path: Path) -> StoreError:
    return StoreError(f"{path}: another program kept changing the file while it was being saved; not saved, try again")


def _ordinal_of(name: str) -> int:
    return date.fromisoformat(name[:10]).toordinal()


def _checked(path: Path, table: dict[str, Any], check: Callable[[dict[str, Any]], object]) -> bytes:
    """Serialises in memory and reads the bytes back before writing: what could not be read is never written."""
    try:
        data = dumps(table)
    except StoreError as error:
        raise StoreError(f"{path}: not saved, the file is unchanged: {error}") from None
    try:
        check(loads(data.decode("utf-8")))
    except TOMLDecodeError as error:
        raise StoreError(f"{path}: not saved, the record would not read back: {error}") from None
    return data


def _contact_check(contact_id: str) -> Callable[[dict[str, Any]], Contact]:
    return lambda table: Contact.from_dict(contact_id, table)


def _day_check(day: date) -> Callable[[dict[str, Any]], Day]:
    return lambda table: Day.from_dict(table, day)


def _newer_message(path: Path, version: int) -> str:
    return f"{path}: written by a newer networkday (format {version}); it is read-only here"


def _unchanged(cached: tuple[int, int] | IndexEntry | None, seen: Seen) -> bool:
    """Whether an index entry still describes the file: same mtime and size."""
    return cached is not None and cached[0] == seen[0] and cached[1] == seen[1]


class DayBatch:
    """Day files read from disk while ``Store.change_days`` holds the lock.

    Change the records ``day`` returns in place; the batch writes those that differ from
    what was read when the block ends.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        #: day -> the record, its table as read, and the mark of the file it was read from
        self._loaded: dict[date, tuple[Day, dict[str, Any], Mark]] = {}
        self._refusals: dict[date, str] = {}

    def day(self, day: date) -> Day:
        """The day as it is on disk now, read once per batch; a broken file raises ProblemError.

        A day that must not be written over (see ``refusal``) can still be read and looked at.
        """
        if day not in self._loaded:
            record, refusal, mark = self.store.day_on_disk(day)
            self._loaded[day] = (record, record.to_dict(), mark)
            if refusal:
                self._refusals[day] = refusal
        return self._loaded[day][0]

    def refusal(self, day: date) -> str | None:
        """Why the day read must not be written over (a newer format, a value it would change), if so."""
        return self._refusals.get(day)

    def mark(self, day: date) -> Mark:
        """The mark of the day's file as it was read (``atomic.Mark``)."""
        return self._loaded[day][2]

    def changed(self) -> list[tuple[date, Day, dict[str, Any]]]:
        """The changed days as tables, in the order they were first read."""
        changes = []
        for day, (record, before, _) in self._loaded.items():
            table = record.to_dict()
            if table != before:
                changes.append((day, record, table))
        return changes
