"""The store: the only way the app and the commands touch the data folder.

``Store`` is the one object the rest of the code calls; it owns a part for each reason
the storage changes, and passes each call to the part that answers it:

- ``folder.Folder`` and ``folder.ConfigRead``: opening the folder, config.toml;
- ``records.Records``: where each record lives and how its bytes are read;
- ``catalogue.Catalogue``: every summary, from the index cache, kept in step with the files;
- ``writes.Writes`` (over ``rewrite.Rewriter``): each change applied to the record as it
  is on disk now, under the folder lock, so another program's change is kept;
- ``app_state.AppState``: state.toml;
- ``companies.CompanyFiles``: ``companies/<id>.toml``, read only when asked for;
- ``follow.Follower``: contact files changed under a running app, told by ``watch.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from networkday.clock import Clock, zone_of
from networkday.domain.companies import Companies, Company
from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary, DaySummary
from networkday.domain.text import escape_name
from networkday.storage.app_state import AppState
from networkday.storage.atomic import Mark
from networkday.storage.catalogue import Catalogue, Look, ScanResult, Seen
from networkday.storage.companies import CompanyFiles
from networkday.storage.config_keys import JudgedKeys
from networkday.storage.folder import APP_DIR, ConfigRead, Folder
from networkday.storage.follow import Follower
from networkday.storage.index import FileMark, mark_of, paused_gc
from networkday.storage.problems import DataProblem, StoreError
from networkday.storage.records import Records, newer_message
from networkday.storage.rewrite import REWRITE_TRIES, Rewriter
from networkday.storage.writes import DayBatch, Writes

__all__ = ["APP_DIR", "REWRITE_TRIES", "DayBatch", "Look", "ScanResult", "Seen", "Store"]

T = TypeVar("T")


class Store:
    def __init__(self, root: Path, clock: Clock) -> None:
        self.root = root
        self.clock = clock
        #: Every file that cannot be read, shared by the parts: each notes what it reads.
        self.problems: dict[Path, DataProblem] = {}
        self.folder = Folder(root)
        self.records = Records(root)
        self.catalogue = Catalogue(self.folder, self.records, self.problems)
        self.rewriter = Rewriter(self.folder, self.records, self.catalogue)
        self.writes = Writes(self.rewriter, lambda: DayBatch(self))
        self.app_state = AppState(self.folder, self.problems, self.rewriter.writing)
        self.company_files = CompanyFiles(self.records, self.rewriter, self.problems)
        self._config = ConfigRead()
        self.contacts_dir = self.folder.contacts_dir
        self.days_dir = self.folder.days_dir
        self.app_dir = self.folder.app_dir
        self.index_path = self.folder.index_path
        self.lock_path = self.folder.lock_path
        self.state_path = self.folder.state_path

    @classmethod
    def open(cls, root: Path, clock: Clock, *, scan: bool = True, contacts: bool = True) -> Store:
        """Opens the folder from the index cache, then (``scan``) re-reads what changed since.

        ``contacts=False`` leaves the contacts' summaries packed in the cache until
        ``contacts`` is first read: ``timer status``, run every few seconds, never reads
        them, and the app draws its first frame from a ``DayPreview`` before it does. A
        scan then covers the day files only.
        """
        store = cls(root, clock)
        store.folder.prepare()
        store.load_config()
        store.state()  # a damaged state file is reported with the others
        with paused_gc():
            store.catalogue.restore(contacts=contacts)
            if scan and contacts:
                store.scan()
            elif scan:
                store.scan_days()
        return store

    # -- what the folder and its files said ------------------------------------------------

    @property
    def warnings(self) -> list[str]:
        """What the user should know that stops nothing: modes open to others, read-only files.

        One line each, whatever the files are called (a newline or ESC in a name is escaped).
        """
        newer = [newer_message(path, version) for path, version in sorted(self.read_only.items())]
        found = (
            *self.folder.warnings,
            *self._config.warnings,
            *self.catalogue.scan_warnings,
            *self.company_files.warnings,
            *newer,
        )
        return [escape_name(warning) for warning in found]

    @property
    def read_only(self) -> dict[Path, int]:
        """Files written by a newer networkday, with the format they carry: read, never written."""
        return self.records.read_only

    @property
    def cannot_save(self) -> str | None:
        """Why nothing can be saved this run (``.networkday`` is not a writable folder), or None."""
        return self.folder.cannot_save

    @property
    def no_cache(self) -> bool:
        """True when ``.networkday`` cannot be used at all: no cache, no preview, no state."""
        return self.folder.no_cache

    @property
    def config(self) -> Config:
        return self._config.config

    @config.setter
    def config(self, config: Config) -> None:
        self._config.config = config

    @property
    def config_mark(self) -> FileMark | None:
        """config.toml as ``config`` was read from it (``index.file_mark`` with ctime); None: no file."""
        return self._config.mark

    @property
    def keys(self) -> JudgedKeys:
        """``[keys]`` as the app applies it, and what is wrong with it (``storage.config_keys``)."""
        return self._config.keys

    def load_config(self) -> None:
        """config.toml again: one that cannot be read is a problem and the defaults apply."""
        self._config.load(self.folder.config_path, self.problems)

    # -- the summaries, kept in step with the files ------------------------------------------

    @property
    def contacts(self) -> dict[str, ContactSummary]:
        """Every contact's summary by id; read from the index cache when first asked for."""
        if not self.catalogue.contacts_loaded:
            with paused_gc():
                return self.catalogue.contacts
        return self.catalogue.contacts

    @contacts.setter
    def contacts(self, contacts: dict[str, ContactSummary]) -> None:
        self.catalogue.contacts = contacts

    @property
    def contacts_loaded(self) -> bool:
        return self.catalogue.contacts_loaded

    @property
    def days(self) -> dict[int, DaySummary]:
        return self.catalogue.days

    @property
    def contact_listeners(self) -> list[Callable[[str], None]]:
        """Called with a contact id whenever its summary changes or goes (search indexes follow)."""
        return self.catalogue.contact_listeners

    @property
    def defer_index(self) -> bool:
        """Whether a change only marks the index cache for ``flush_index`` (the app) or saves it at once."""
        return self.catalogue.defer_index

    @defer_index.setter
    def defer_index(self, defer: bool) -> None:
        self.catalogue.defer_index = defer

    @property
    def index_pending(self) -> bool:
        """Changes made since the index cache was last written (``defer_index``)."""
        return self.catalogue.pending

    def look(self) -> Look:
        """Every record file's stat, the store left untouched: safe to take in a worker thread."""
        return self.catalogue.look()

    def scan(self, look: Look | None = None) -> ScanResult:
        return self.catalogue.scan(look)

    def scan_days(self) -> set[int]:
        return self.catalogue.scan_days()

    def refresh_days(self, days: Iterable[date]) -> set[int]:
        return self.catalogue.refresh_days(days)

    def indexed_files(self) -> dict[str, dict[str, Seen]]:
        return self.catalogue.indexed_files()

    def indexed_days(self) -> dict[str, Seen]:
        return self.catalogue.indexed_days()

    @staticmethod
    def look_matches(look: Look, files: dict[str, dict[str, Seen]]) -> bool:
        return Catalogue.look_matches(look, files)

    def follow(self, kind: str | None = None) -> Follower:
        """A watch on the contact files for a running app (``follow.Follower``); close it when done."""
        return Follower(self.catalogue, kind)

    def flush_index(self) -> None:
        self.catalogue.flush()

    def in_step_with_disk(self, *, contacts: bool = True) -> bool:
        """Whether the index cache's files and config.toml on disk are the ones this store read
        or wrote last: what it holds is then what a fresh start from them would hold.
        ``contacts=False``: of the cache, only the days' file (the contacts' shards unread)."""
        config = mark_of(self.folder.config_path, ctime=True)
        catalogue = self.catalogue
        index = catalogue.index
        return (
            not catalogue.pending
            and config == self.config_mark
            and index.matches_disk(self.index_path, shards=contacts)
        )

    # -- records ---------------------------------------------------------------------------

    def contact_path(self, contact_id: str) -> Path:
        return self.records.contact_path(contact_id)

    def day_path(self, day: date) -> Path:
        return self.records.day_path(day)

    def unreadable_days(self) -> frozenset[int]:
        return self.catalogue.unreadable_days()

    def unreadable_contacts(self) -> dict[str, str]:
        return self.catalogue.unreadable_contacts()

    def read_only_reason(self, path: Path) -> str | None:
        return self.records.read_only_reason(path)

    def contact(self, contact_id: str) -> Contact:
        return self.records.contact(contact_id)

    def contact_text(self, contact_id: str) -> tuple[str, Contact]:
        """The contact's file as text, with the contact it holds (``networkday edit``)."""
        return self.records.contact_text(contact_id)

    def read_contact(self, contact_id: str, text: str) -> Contact:
        """What ``text`` would be as the contact's file; raises ProblemError, located, if it would not read."""
        return self.records.read_contact(contact_id, text)

    def day(self, day: date) -> Day:
        """A missing day file is an empty day; a broken one raises and is never replaced."""
        return self.records.day(day)

    def day_fingerprint(self, day: date) -> tuple[int, int] | None:
        return self.records.day_fingerprint(day)

    def day_on_disk(self, day: date) -> tuple[Day, str | None, Mark]:
        """The day as it is on disk now, to change it; call it only while holding the lock."""
        return self.rewriter.day_on_disk(day)

    # -- saving ----------------------------------------------------------------------------

    def add_contact(self, contact: Contact) -> Contact:
        """Gives the contact a fresh id from its name (``jane-doe``, ``jane-doe-2``) and saves it."""
        return self.writes.add_contacts([contact])[0]

    def add_contacts(self, contacts: list[Contact]) -> list[Contact]:
        return self.writes.add_contacts(contacts)

    def update_contact(self, contact_id: str, change: Callable[[Contact], T]) -> Contact:
        return self.writes.update_contact(contact_id, change)

    def update_contacts(self, changes: Iterable[tuple[str, Callable[[Contact], bool]]]) -> dict[str, bool | StoreError]:
        return self.writes.update_contacts(changes)

    def put_contact(self, contact: Contact) -> Contact:
        return self.writes.put_contact(contact)

    def delete_contact(self, contact_id: str) -> Contact:
        return self.writes.delete_contact(contact_id)

    def update_day(self, day: date, change: Callable[[Day], T]) -> Day:
        return self.writes.update_day(day, change)

    def change_days(self, block: Callable[[DayBatch], T]) -> T:
        return self.writes.change_days(block)

    # -- companies, read when asked for ---------------------------------------------------

    def companies(self) -> Companies:
        """Every company file that can be read, with config.toml's targets; the others are noted in ``problems``.

        Read on demand (the Companies screen, the company commands, ``check``), never at start-up.
        """
        return Companies(self.company_files.load(zone_of(self.clock.now())), self.config.targets)

    def company_targets(self) -> list[str]:
        """The names and aliases of the target companies: files that say ``target`` or that
        config.toml's targets name (see ``CompanyFiles.target_names``)."""
        return self.company_files.target_names(zone_of(self.clock.now()), self.config.targets)

    def company_marks(self) -> tuple[tuple[str, FileMark | None], ...]:
        """The company files' marks: compare two to learn whether any changed (``CompanyFiles.marks``)."""
        return self.company_files.marks()

    def company_openings(self) -> list[Company]:
        """The companies with an open opportunity (see ``CompanyFiles.openings``)."""
        return self.company_files.openings(zone_of(self.clock.now()))

    def company_conflicts(self) -> dict[str, int]:
        """Each company file's count of sync conflicts, by id (see ``CompanyFiles.conflicts``)."""
        return self.company_files.conflicts(zone_of(self.clock.now()))

    def company(self, company_id: str) -> Company:
        return self.company_files.company(company_id, zone_of(self.clock.now()))

    def company_path(self, company_id: str) -> Path:
        return self.company_files.path(company_id)

    def add_company(self, company: Company) -> Company:
        """Saves a new company under a fresh id from its name (``acme``, ``acme-2``) and returns it."""
        return self.company_files.add(company, zone_of(self.clock.now()))

    def update_company(self, company_id: str, change: Callable[[Company], Company]) -> Company:
        """Saves what ``change`` makes of the company as it is on disk now (see ``CompanyFiles.update``)."""
        return self.company_files.update(company_id, change, zone_of(self.clock.now()))

    # -- app-owned state -------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return self.app_state.read()

    def update_state(self, **values: Any) -> None:
        self.app_state.update(**values)
