"""Bringing a file's people into the data folder as it is read: match, merge, write in batches.

The file streams in one row at a time (``importers.ParsedSource``) and is handled
``BATCH`` records at a time. Each record is matched to someone already in the folder,
to someone earlier in the file, or to no one; then the batch is written through the
store: new people with one lock and one round of fsyncs, and the people it adds to
re-merged on their file as it is on disk at that moment, so an edit made meanwhile in
the app or by hand is kept. Memory holds the keys that recognise people (emails,
profiles, names with companies) and one batch of records, never the whole file: the
memory of a million-row import is that of its keys.

A dry run goes through the same steps and writes nothing; it reads the people a batch
would change to tell whether it would change them. An import stopped half-way (a full
disk, Ctrl-C) has written whole batches only, and running it again carries on: the
people already in are matched and unchanged.

The app drives it the same way as the command line::

    source = parse_file("linkedin", path)                      # ImportFormatError: tell the user
    summary = import_source(store, source, progress)           # in a worker thread
    summary.lines()                                            # what to show afterwards

``progress(rows, fraction)`` is called after every batch with the rows read so far and
the part of the file read (0 to 1); from a Textual worker, forward it with
``app.call_from_thread``.
"""

from __future__ import annotations

import gc
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path

from networkday.domain.contact import Contact
from networkday.domain.dedupe import PeopleIndex, merge_record
from networkday.domain.import_limits import MAX_VALUES
from networkday.domain.incoming import Listing, Record, Skipped
from networkday.exporters.vcard import uid_of
from networkday.importers.common import ParsedSource
from networkday.storage.index import paused_gc
from networkday.storage.problems import StoreError, WriteError
from networkday.storage.store import Store

Progress = Callable[[int, float], None]
#: Records handled per hold of the lock: each batch costs one round of fsyncs, so bigger
#: is faster; another instance waits for one batch at most (about half a second), progress
#: moves, and memory holds one batch of records.
BATCH = 1000
#: Keys of people the import adds, before they have an id: ``new:0``, ``new:1``, …
_NEW = "new:"


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do), for the command line and the app."""

    kind: str
    path: Path
    rows: int
    added: list[str]
    updated: list[str]
    unchanged: int
    combined: int
    skipped: list[Skipped]
    warnings: list[Skipped]
    #: People to check: (line, id or name, company) of the one this import touched, then (id, company) of the other.
    likely: list[tuple[int, str, str, str, str]]
    failed: list[str]
    unreadable: int
    dry_run: bool
    seconds: float = 0.0
    #: Skipped rows and warnings beyond those listed (``incoming.MAX_LISTED`` of each).
    more_skipped: int = 0
    more_warnings: int = 0

    @property
    def rate(self) -> float:
        """Rows per second."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    @property
    def nothing_imported(self) -> bool:
        """Rows were read, and not one of them became or matched a contact."""
        return self.rows > 0 and not (self.added or self.updated or self.unchanged or self.combined)

    def lines(self) -> list[str]:
        would = "would " if self.dry_run else ""
        out = [
            f"{self.path.name}: {_rows(self.rows)} read" + (" (dry run: nothing was written)" if self.dry_run else ""),
            f"{would}add {len(self.added)}, {would}update {len(self.updated)}, unchanged {self.unchanged}"
            + (f"; {_rows(self.combined)} repeated someone earlier in the file" if self.combined else ""),
        ]
        skipped = len(self.skipped) + self.more_skipped
        out += _section(f"skipped {_rows(skipped)}", [str(item) for item in self.skipped], self.more_skipped)
        out += _section("warnings", [str(item) for item in self.warnings], self.more_warnings)
        out += _section(
            "likely duplicates (same name, nothing tells them apart; check and merge by hand)",
            [
                f"line {line}: {name} ({company or 'no company'}) and {other} ({other_company or 'no company'})"
                for line, name, company, other, other_company in self.likely
            ],
        )
        out += _section("not saved", self.failed)
        if self.unreadable:
            out.append(
                f"note: {self.unreadable} contact files cannot be read (see `networkday check`); "
                "people in them were not matched"
            )
        return out


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def _section(title: str, items: list[str], more: int = 0) -> list[str]:
    tail = [f"  … and {more} more not listed"] if more else []
    return [f"{title}:", *(f"  {item}" for item in items), *tail] if items else []


def import_source(
    store: Store, source: ParsedSource, progress: Progress | None = None, *, dry_run: bool = False
) -> ImportSummary:
    """Reads the rest of ``source`` and, unless ``dry_run``, writes it; returns what was (or would be) done.

    The index cache is saved once at the end rather than after every batch: a cache left
    behind by a crash is only stale, and the files newer than it are read at the next start.
    The full garbage collector is held meanwhile (the keys are millions of objects and no
    cycles: each full pass walked them all, a third of the time at 200,000 rows); each
    batch's young objects are still collected.
    """
    started = time.perf_counter()
    deferred = store.defer_index
    store.defer_index = True
    try:
        with paused_gc():
            run = _Import(store, source, dry_run=dry_run)
            run.read(progress or _quiet)
    finally:
        store.defer_index = deferred
        if not deferred and store.index_pending:
            store.flush_index()
    summary = run.summary()
    summary.seconds = time.perf_counter() - started
    return summary


class _Import:
    """One import as it goes: the index of everyone it can match, and what it has done so far."""

    def __init__(self, store: Store, source: ParsedSource, *, dry_run: bool) -> None:
        self.store = store
        self.source = source
        self.dry_run = dry_run
        self.index = PeopleIndex()
        for summary in store.contacts.values():
            self.index.add(summary.id, summary.name, summary.company, summary.email, summary.links)
        #: The N-th person added (key ``new:N``): their id once saved ("" if their batch was
        #: not), or their name in a dry run; and the line they were first seen on.
        self.new: list[str] = []
        self.new_lines = array("q")
        #: People already in the folder that rows matched: id -> the first line that did.
        self.matched: dict[str, int] = {}
        #: Ids of matched people whose file changed (would change), in the order found.
        self.updated: dict[str, None] = {}
        #: Matched people who could not be read or saved: neither updated nor unchanged.
        self.missed: set[str] = set()
        self.skipped = Listing()
        self.failed: list[str] = []
        self.combined = 0
        #: vCard UIDs and RELATED references (keys of people in the file), for ``refer``.
        self.uids: dict[str, str] = {}
        self.related: dict[str, list[str]] = {}
        #: The line of the first card with each UID, to flag the cards that share it.
        self.uid_lines: dict[str, int] = {}
        #: The UIDs ``export vcard`` writes for the people in the folder, made when first needed.
        self.own_uids: dict[str, str] | None = None

    def read(self, progress: Progress) -> None:
        batch: list[Record] = []
        for record in self.source:
            batch.append(record)
            if len(batch) == BATCH:
                self.take(batch)
                batch = []
                gc.collect(1)
                progress(self.source.rows, self.source.fraction)
        self.take(batch)
        if self.source.stopped:
            self.failed.append(self.source.stopped)
        self.refer()
        progress(self.source.rows, 1.0)

    def take(self, batch: list[Record]) -> None:
        """Matches a batch, then writes it: its new people, then what it adds to people saved before."""
        fresh: dict[str, Contact] = {}
        more: dict[str, list[Record]] = {}
        for record in batch:
            key = self.match(record)
            if key is None:
                key = f"{_NEW}{len(self.new)}"
                self.new.append(record.name)
                self.new_lines.append(record.line)
                fresh[key] = Contact(id="", name=record.name)
                self.merge(fresh[key], [record])
            elif key in fresh:
                self.combined += 1
                self.merge(fresh[key], [record])
            else:
                if key.startswith(_NEW) or key in self.matched:
                    self.combined += 1
                else:
                    self.matched[key] = record.line
                more.setdefault(key, []).append(record)
            self.index.add(key, record.name, record.company, record.email, record.links)
            self.remember_references(key, record)
        self.add(fresh)
        self.update(more)

    def match(self, record: Record) -> str | None:
        """By UID first (the one ``export vcard`` wrote survives edits to name and email), then the index.

        A UID already seen in this file is flagged and not trusted: the card is matched
        by its other details.
        """
        if record.uid:
            first = self.uid_lines.setdefault(record.uid, record.line)
            if first != record.line:
                self.source.warn(record.line, f"has the UID of the card on line {first}; matched by its details")
            elif (known := self.own_uid(record.uid)) is not None:
                return known
        return self.index.match(record)

    def own_uid(self, uid: str) -> str | None:
        """The person in the folder whose exported card carries ``uid``, or None."""
        if not uid.startswith("urn:uuid:"):
            return None
        if self.own_uids is None:
            self.own_uids = {uid_of(contact_id): contact_id for contact_id in self.store.contacts}
        return self.own_uids.get(uid)

    def remember_references(self, key: str, record: Record) -> None:
        if record.uid:
            self.uids.setdefault(record.uid, key)
        if record.related:
            references = self.related.setdefault(key, [])
            references.extend(record.related[: MAX_VALUES["related"] - len(references)])

    def merge(self, contact: Contact, records: list[Record]) -> bool:
        """Merges the records into ``contact``; what a full list left out is a warning on its line."""
        changed = False
        for record in records:
            left_out: list[str] = []
            changed = merge_record(contact, record, left_out, self.store.config.phone_region) or changed
            for reason in left_out:
                self.source.warn(record.line, reason)
        return changed

    def id_of(self, key: str) -> str:
        """The contact id behind a key; "" for someone whose batch was not saved."""
        return self.new[int(key.removeprefix(_NEW))] if key.startswith(_NEW) else key

    def add(self, fresh: dict[str, Contact]) -> None:
        if not fresh or self.dry_run:
            return
        contacts = list(fresh.values())
        try:
            self.store.add_contacts(contacts)
        except StoreError as error:
            saved = [""] * len(contacts)
            line = self.new_lines[int(next(iter(fresh)).removeprefix(_NEW))]
            self.failed.append(f"{len(contacts)} new people from line {line} on: {error}")
        else:
            saved = [contact.id for contact in contacts]
        for key, contact_id in zip(fresh, saved, strict=True):
            self.new[int(key.removeprefix(_NEW))] = contact_id

    def update(self, more: dict[str, list[Record]]) -> None:
        """Merges records into people saved before, each on their file as it is now."""
        if self.dry_run:
            for key, records in more.items():
                if not key.startswith(_NEW):
                    self.dry_change(key, partial(self.merge, records=records), records)
            return
        changes = [(self.id_of(key), partial(self.merge, records=records)) for key, records in more.items()]
        outcomes = self.store.update_contacts([(contact_id, change) for contact_id, change in changes if contact_id])
        for key, records in more.items():
            self.note(key, outcomes.get(self.id_of(key), False), records)

    def dry_change(self, key: str, change: Callable[[Contact], bool], records: list[Record]) -> None:
        try:
            contact = self.store.contact(key)
        except StoreError as error:
            self.note(key, error, records)
            return
        self.note(key, change(contact), records)

    def note(self, key: str, outcome: bool | StoreError, records: list[Record]) -> None:
        """Counts what writing (or a dry run) did to a person saved before."""
        existing = not key.startswith(_NEW)
        if isinstance(outcome, WriteError):
            self.failed.append(str(outcome))
        elif isinstance(outcome, StoreError):
            for record in records:
                self.skipped.add(Skipped(record.line, f"matches {key}, which cannot be read: {outcome}"))
        if existing and isinstance(outcome, StoreError):
            self.missed.add(key)
        elif existing and outcome:
            self.updated[key] = None

    def refer(self) -> None:
        """A vCard RELATED that names someone known (by UID in the same file, email or unique name)."""
        found: dict[str, str] = {}
        for key, references in self.related.items():
            for reference in references:
                referrer = self.uids.get(reference) or self.own_uid(reference) or self.index.find(reference)
                if referrer is not None and referrer != key:
                    found[key] = referrer
                    break
        for keys in _chunks(list(found.items())):
            changes = [(key, self.id_of(key), _referral(self.id_of(referrer))) for key, referrer in keys]
            if self.dry_run:
                for key, _, change in changes:
                    if not key.startswith(_NEW):
                        self.dry_change(key, change, [])
                continue
            saved = [(contact_id, change) for _, contact_id, change in changes if contact_id]
            outcomes = self.store.update_contacts(saved)
            for key, contact_id, _ in changes:
                self.note(key, outcomes.get(contact_id, False), [])

    def likely(self) -> list[tuple[int, str, str, str, str]]:
        """Pairs of people with one name that nothing tells apart, one of them touched by this import."""
        touched = chain(self.matched, (f"{_NEW}{number}" for number in range(len(self.new))))
        pairs = sorted({tuple(sorted((key, other))) for key in touched for other in self.index.likely(key)})
        found = []
        for first, second in pairs:
            mine, other = (first, second) if first.startswith(_NEW) or first in self.matched else (second, first)
            line = self.matched.get(mine) or self.new_lines[int(mine.removeprefix(_NEW))]
            company = self.index.people[mine].company
            found.append((line, self.id_of(mine), company, self.id_of(other), self.index.people[other].company))
        return found

    def summary(self) -> ImportSummary:
        source = self.source
        settled = self.updated.keys() | self.missed
        return ImportSummary(
            kind=source.kind,
            path=source.path,
            rows=source.rows,
            added=[label for label in self.new if label],
            updated=list(self.updated),
            unchanged=len(self.matched.keys() - settled),
            combined=self.combined,
            skipped=sorted(source.skipped.items + self.skipped.items, key=lambda item: item.line),
            warnings=sorted(source.warnings.items, key=lambda item: item.line),
            likely=self.likely(),
            failed=self.failed,
            unreadable=sum(1 for path in self.store.problems if path.parent == self.store.contacts_dir),
            dry_run=self.dry_run,
            more_skipped=source.skipped.more + self.skipped.more,
            more_warnings=source.warnings.more,
        )


def _referral(referrer: str) -> Callable[[Contact], bool]:
    """Sets who referred a contact, unless someone already did or it would be themselves."""

    def change(contact: Contact) -> bool:
        if not referrer or contact.referred_by or referrer == contact.id:
            return False
        contact.referred_by = referrer
        return True

    return change


def _chunks(items: list) -> Iterator[list]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _quiet(rows: int, fraction: float) -> None:
    """No progress wanted."""
