"""The catalogue: every record's summary from the index cache, kept in step with the files."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.summary import ContactSummary, DaySummary
from networkday.storage.atomic import read_with_stat, too_open
from networkday.storage.folder import Folder
from networkday.storage.index import Entries, IndexCache, IndexEntry
from networkday.storage.layout import Findings, contact_name_problem, day_of, toml_files, valid_id, year_folders
from networkday.storage.problems import DataProblem, ProblemError, StoreError
from networkday.storage.records import GONE, Records, contact_check, day_check, ordinal_of

T = TypeVar("T")
#: An index mtime no file has: an entry that is always read again (a file that could not be opened).
REREAD = -1
#: The two fields of a file's stat the index compares, (mtime in ns, size): a fifth of
#: the memory of a ``stat_result``, which counts when 30,000 of them are held at once.
Seen = tuple[int, int]


@dataclass
class ScanResult:
    changed_contacts: set[str] = field(default_factory=set)
    changed_days: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.changed_contacts or self.changed_days)


@dataclass
class Look:
    """What ``Store.look`` saw: each file with its mtime and size, and what the store would not read."""

    #: file name -> what its stat said
    contacts: dict[str, Seen]
    days: list[tuple[Path, str, Seen]]
    findings: Findings


class Catalogue:
    """The summaries (``contacts``, ``days``) and the problems the files hold, from the
    index cache, and each change to them: a scan of the files, a record written or gone."""

    def __init__(self, folder: Folder, records: Records, problems: dict[Path, DataProblem]) -> None:
        self.folder = folder
        self.records = records
        self.problems = problems
        self.index = IndexCache()
        #: None until first read, when the store was opened with ``contacts=False``.
        self._contacts: dict[str, ContactSummary] | None = {}
        self.days: dict[int, DaySummary] = {}
        self.scan_warnings: list[str] = []
        self._strays: set[Path] = set()
        #: Called with a contact id whenever its summary changes or goes (search indexes follow).
        self.contact_listeners: list[Callable[[str], None]] = []
        #: False: every change saves the index cache at once (commands, which exit right after).
        #: True (the app): a change only marks it, and ``flush`` writes it a moment later,
        #: so a save costs no cache write (a tenth to a third of it). A cache left behind by a
        #: crash is only stale: files newer than it are read again at the next start.
        self.defer_index = False
        self.pending = False

    # -- restoring from the cache ---------------------------------------------------------

    def restore(self, *, contacts: bool) -> None:
        """The summaries as the cache on disk remembers them (``contacts=False``: the days only)."""
        self.index = IndexCache.load(self.folder.index_path, contacts=contacts)
        self._contacts = None
        self.restore_days()  # a cache that does not fit is dropped whole: contacts then {}
        if contacts:
            self.restore_contacts()

    @property
    def contacts(self) -> dict[str, ContactSummary]:
        if self._contacts is None:
            self.restore_contacts()
        assert self._contacts is not None
        return self._contacts

    @contacts.setter
    def contacts(self, contacts: dict[str, ContactSummary]) -> None:
        self._contacts = contacts

    @property
    def contacts_loaded(self) -> bool:
        return self._contacts is not None

    def restore_contacts(self) -> None:
        """Summaries as the cache remembers them; entries that do not fit are indexed again from the files.

        This runs over 30,000 entries: a comprehension with the constructor called
        directly took half the time of a method call per entry.
        """
        contact = ContactSummary
        contacts_dir = self.records.contacts_dir
        try:
            self._contacts = {
                name: contact(*entry.row) for name, entry in self.index.contacts.items() if entry.row is not None
            }
            self._note_cached_problems(self.index.contacts, self.records.contact_path)
        except (ValueError, TypeError, IndexError, StoreError):
            self.index.forget_contacts()
            self._contacts = {}
            for path in [path for path in self.problems if path.parent == contacts_dir]:
                del self.problems[path]
            for path in [path for path in self.records.read_only if path.parent == contacts_dir]:
                del self.records.read_only[path]

    def restore_days(self) -> None:
        try:
            rows = [entry.row for entry in self.index.days.values() if entry.row is not None]
            self.days = {summary.date: summary for summary in map(DaySummary.from_row, rows)}
            self._note_cached_problems(self.index.days, self.records.day_file)
        except (ValueError, TypeError, IndexError, StoreError):
            self.index = IndexCache()
            self._contacts, self.days = {}, {}
            self.records.read_only.clear()
            for path in [path for path in self.problems if path != self.folder.config_path]:
                del self.problems[path]

    def _note_cached_problems(self, entries: Entries, path_of: Callable[[str], Path]) -> None:
        """The unreadable and the newer-format files the cache remembers."""
        for name, entry in entries.items():
            if entry.problem is not None or entry.newer is not None:
                path = path_of(name)
                if entry.problem is not None:
                    self.problems[path] = DataProblem(path, *entry.problem)
                if entry.newer is not None:
                    self.records.read_only[path] = entry.newer

    def unreadable_days(self) -> frozenset[int]:
        """Days whose file is there but unreadable (mode, damage): figures skip them, never count them empty."""
        found = set()
        for path in self.problems:
            if path.parent.parent == self.records.days_dir:
                day = day_of(path.parent.name, path.name)
                if isinstance(day, date):
                    found.add(day.toordinal())
        return frozenset(found)

    def unreadable_contacts(self) -> dict[str, str]:
        """Each contact whose file is there but cannot be read, by id, with its located problem."""
        contacts_dir = self.records.contacts_dir
        return {path.stem: str(problem) for path, problem in self.problems.items() if path.parent == contacts_dir}

    # -- scanning the files ---------------------------------------------------------------

    def look(self) -> Look:
        """Every record file's stat, the catalogue left untouched: safe to take in a worker thread."""
        findings = Findings()
        return Look(toml_files(self.records.contacts_dir, findings), self._look_at_days(findings), findings)

    def _look_at_days(self, findings: Findings) -> list[tuple[Path, str, Seen]]:
        return [
            (year, name, seen)
            for year in year_folders(self.records.days_dir, findings)
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
        entries = self.index.contacts
        indexed = entries.flat  # a plain dict: this loop meets every one of 30,000 files
        for name, (mtime, size) in look.contacts.items():
            contact_id = name[:-5]
            cached = indexed.get(contact_id)
            if cached is None and not valid_id(contact_id):  # an indexed name was valid already
                findings.strays[self.records.contacts_dir / name] = contact_name_problem(name)
                continue
            seen.add(contact_id)
            if cached is None or cached.mtime != mtime or cached.size != size:
                self.reindex_contact(contact_id)
                result.changed_contacts.add(contact_id)
        for gone in set(entries) - seen:
            if self._recheck(entries, gone, self.records.contact_path(gone)):
                self.reindex_contact(gone)
                result.changed_contacts.add(gone)
        self._scan_days(look.days, result, findings)
        self._note(findings)
        if result:
            self.save()
        return result

    def indexed_files(self) -> dict[str, dict[str, Seen]]:
        """Each record file the index describes, by folder, with the mtime and size it had when read.

        A look at a folder the index is true of gives the same (see ``look_matches``).
        """
        return {
            "contacts": {f"{name}.toml": (entry.mtime, entry.size) for name, entry in self.index.contacts.items()},
            "days": self.indexed_days(),
        }

    def indexed_days(self) -> dict[str, Seen]:
        """The day files of ``indexed_files``, without unpacking the contacts' shards."""
        return {name: (entry.mtime, entry.size) for name, entry in self.index.days.items()}

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
        except GONE:
            return True
        return not _unchanged(entries.get(key), (stat.st_mtime_ns, stat.st_size))

    def scan_days(self) -> set[int]:
        """Only the day files: one stat each, cheap enough to run under the lock before a timer change."""
        result = ScanResult()
        self._scan_days(self._look_at_days(Findings()), result, Findings())
        if result:
            self.save()
        return result.changed_days

    def _scan_days(self, days: list[tuple[Path, str, Seen]], result: ScanResult, findings: Findings) -> None:
        seen_days: set[str] = set()
        for year, name, stat in days:
            day = day_of(year.name, name)
            if isinstance(day, str):
                findings.strays[year / name] = day
                continue
            seen_days.add(name)
            if not _unchanged(self.index.days.get(name), stat):
                self._reindex_day(name, year / name, day)
                result.changed_days.add(day.toordinal())
        for gone in set(self.index.days) - seen_days:
            if self._recheck(self.index.days, gone, self.records.day_file(gone)):
                self._reindex_day(gone, self.records.day_file(gone), date.fromisoformat(gone[:10]))
                result.changed_days.add(ordinal_of(gone))

    def refresh_days(self, days: Iterable[date]) -> set[int]:
        """Re-reads those of ``days`` whose file changed since it was indexed; returns their ordinals.

        Cheap enough to poll every second: one stat per day, and a parse only when another
        instance or a hand edit changed the file.
        """
        changed: set[int] = set()
        for day in days:
            path = self.records.day_path(day)
            try:
                stat = os.stat(path)
            except GONE:
                if path.name in self.index.days:
                    self.forget_day(path.name)
                    changed.add(day.toordinal())
                continue
            if not _unchanged(self.index.days.get(path.name), (stat.st_mtime_ns, stat.st_size)):
                self._reindex_day(path.name, path, day)
                changed.add(day.toordinal())
        if changed:
            self.save()
        return changed

    def _note(self, findings: Findings) -> None:
        """Files the scan passed over become problems; modes open to others become warnings."""
        config = self.folder.config_path
        with contextlib.suppress(OSError):
            if config.is_file() and too_open(config.stat().st_mode):
                findings.open_files.append(config)
        for path in self._strays - set(findings.strays):
            self.problems.pop(path, None)
        for path, message in findings.strays.items():
            self.problems[path] = DataProblem(path, 1, 1, message)
        self._strays = set(findings.strays)
        self.scan_warnings = findings.warnings()

    def note_stray(self, path: Path, message: str | None) -> None:
        """One file a scan passes over (``message`` says why), or no longer (None), as a scan notes it."""
        if message is not None:
            self.problems[path] = DataProblem(path, 1, 1, message)
            self._strays.add(path)
        elif path in self._strays:
            self._strays.discard(path)
            self.problems.pop(path, None)

    # -- saving the cache -----------------------------------------------------------------

    def save(self) -> None:
        if self.defer_index:
            self.pending = True
        else:
            self.flush()

    def flush(self) -> None:
        """Writes the changed parts of the index cache (cheap when nothing changed)."""
        self.pending = False
        if self.folder.no_cache:
            return
        with contextlib.suppress(OSError):
            self.index.save(self.folder.index_path)

    # -- one record changed ---------------------------------------------------------------

    def forget_contact(self, contact_id: str) -> None:
        path = self.records.contact_path(contact_id)
        self.index.contacts.pop(contact_id, None)
        self.contacts.pop(contact_id, None)
        self.problems.pop(path, None)
        self.records.read_only.pop(path, None)
        self._notify(contact_id)

    def _notify(self, contact_id: str) -> None:
        for listener in self.contact_listeners:
            listener(contact_id)

    def forget_day(self, name: str) -> None:
        path = self.records.day_file(name)
        self.index.days.pop(name, None)
        self.days.pop(ordinal_of(name), None)
        self.problems.pop(path, None)
        self.records.read_only.pop(path, None)

    def _reread(
        self, entries: Entries, key: str, path: Path, make: Callable[[dict[str, Any]], T]
    ) -> tuple[T, os.stat_result] | None:
        """Reads one file again; a missing, unreadable or broken one yields None and its problem is noted."""
        try:
            data, stat = read_with_stat(path)
        except GONE:
            entries.pop(key, None)
            self.problems.pop(path, None)
            self.records.read_only.pop(path, None)
            return None
        except OSError as error:  # its mode, an I/O error: reported, and read again at every scan
            problem = DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")
            self.problems[path] = problem
            entries[key] = IndexEntry(REREAD, REREAD, None, (1, 1, problem.message), None)
            return None
        try:
            record = self.records.decode(path, data, make)
        except ProblemError as error:
            problem = error.problem
            self.problems[path] = problem
            located = (problem.line, problem.column, problem.message)
            newer = self.records.read_only.get(path)
            entries[key] = IndexEntry(stat.st_mtime_ns, stat.st_size, None, located, newer)
            return None
        self.problems.pop(path, None)
        return record, stat

    def reindex_contact(self, contact_id: str) -> None:
        path = self.records.contact_path(contact_id)
        found = self._reread(self.index.contacts, contact_id, path, contact_check(contact_id))
        if found is None:
            self.contacts.pop(contact_id, None)
            self._notify(contact_id)
        else:
            self.remember_contact(*found)

    def _reindex_day(self, name: str, path: Path, day: date) -> None:
        found = self._reread(self.index.days, name, path, day_check(day))
        if found is None:
            self.days.pop(day.toordinal(), None)
        else:
            self.remember_day(name, *found)

    def remember_contact(self, contact: Contact, stat: os.stat_result) -> None:
        summary = ContactSummary.of(contact)
        self.contacts[contact.id] = summary
        newer = self.records.read_only.get(self.records.contact_path(contact.id))
        self.index.contacts[contact.id] = IndexEntry(stat.st_mtime_ns, stat.st_size, summary.to_row(), None, newer)
        self._notify(contact.id)

    def remember_day(self, name: str, day: Day, stat: os.stat_result) -> None:
        summary = DaySummary.of(day)
        self.days[summary.date] = summary
        newer = self.records.read_only.get(self.records.day_file(name))
        self.index.days[name] = IndexEntry(stat.st_mtime_ns, stat.st_size, summary.to_row(), None, newer)


def _unchanged(cached: IndexEntry | None, seen: Seen) -> bool:
    """Whether an index entry still describes the file: same mtime and size."""
    return cached is not None and cached.mtime == seen[0] and cached.size == seen[1]
