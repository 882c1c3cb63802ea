"""The store's saves: each change applied to the record on disk now, under the folder lock.

Each operation reads, changes and writes through ``rewrite.Rewriter``, then tells the
catalogue what it wrote, so the index cache follows without a scan.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.errors import RecordError
from networkday.domain.text import numbered_ids
from networkday.storage.atomic import ChangedMeanwhile, Mark, current_mark, ensure_dir, fsync_dir, write_many
from networkday.storage.links import save_target
from networkday.storage.problems import StoreError, WriteError
from networkday.storage.records import checked, contact_check, day_check
from networkday.storage.rewrite import REWRITE_TRIES, Rewriter, again, kept_changing
from networkday.storage.settle import GIVE_UP

if TYPE_CHECKING:
    from networkday.storage.store import Store

T = TypeVar("T")
#: One contact's change in ``update_contacts``: its id and the change to apply.
Change = tuple[str, Callable[[Contact], bool]]


class Writes:
    """Adding, changing, putting back and deleting contacts; changing days, one or several at once."""

    def __init__(self, rewriter: Rewriter, new_batch: Callable[[], DayBatch]) -> None:
        self.rewriter = rewriter
        #: A fresh ``DayBatch`` for each run of a ``change_days`` block (it reads through the store).
        self._new_batch = new_batch
        self.records = rewriter.records
        self.catalogue = rewriter.catalogue

    def add_contacts(self, contacts: list[Contact]) -> list[Contact]:
        """New contacts under one lock, one index save and one round of fsyncs (imports).

        Each gets a fresh id from its name (``jane-doe``, ``jane-doe-2``). Each file is still
        written safely (``atomic.write_many``); if one could not be read back or the disk
        fails, none of them is saved.
        """
        records = self.records
        with self.rewriter.writing(records.contacts_dir):
            taken = set(self.catalogue.contacts)
            files = []
            for contact in contacts:
                # lexists: a link that leads nowhere is a name taken too, never replaced
                candidate = next(
                    name
                    for name in numbered_ids(contact.name)
                    if name not in taken and not os.path.lexists(records.contact_path(name))
                )
                taken.add(candidate)
                contact.id = candidate
                path = records.contact_path(candidate)
                files.append((path, checked(path, contact.to_dict(), contact_check(candidate))))
            stats = write_many(files)
            self.rewriter.note_written(stats)
        for contact, stat in zip(contacts, stats, strict=True):
            self.catalogue.remember_contact(contact, stat)
        self.catalogue.save()
        return contacts

    def update_contact(self, contact_id: str, change: Callable[[Contact], T]) -> Contact:
        """Applies ``change`` to the contact as it is on disk now, then saves it atomically.

        ``change`` may run more than once, each time on a fresh record (see ``rewrite.again``).
        """
        path = self.records.contact_path(contact_id)

        def attempt() -> tuple[Contact, os.stat_result]:
            contact, mark = self._existing(contact_id, path)
            change(contact)
            return contact, self.rewriter.write_locked(path, contact.to_dict(), contact_check(contact_id), mark)

        with self.rewriter.writing(path):
            contact, stat = again(path, attempt)
        self.catalogue.remember_contact(contact, stat)
        self.catalogue.save()
        return contact

    def _existing(self, contact_id: str, path: Path) -> tuple[Contact, Mark]:
        """The contact as it is on disk now, to change it or delete it; no file is an error."""
        contact, mark = self.rewriter.on_disk(path, contact_check(contact_id))
        if contact is None:
            raise self.records.no_contact(contact_id)
        return contact, mark

    def update_contacts(self, changes: Iterable[Change]) -> dict[str, bool | StoreError]:
        """Many contacts changed under one hold of the lock and one index save (imports).

        Each change is applied to the contact as it is on disk now, as in ``update_contact``;
        one that returns False leaves its file untouched. A contact that cannot be read or
        saved does not stop the others: each id maps to True (saved), False (untouched) or
        the StoreError saying why it was not saved. A file another program wrote between
        the read and the rename is read again and its change applied again, as in ``again``.
        """
        outcomes: dict[str, bool | StoreError] = {}
        saved: list[tuple[Contact, os.stat_result]] = []
        pending = list(changes)
        deadline = time.monotonic() + GIVE_UP
        with self.rewriter.writing(self.records.contacts_dir):
            for _ in range(REWRITE_TRIES):
                pending = self._update_round(pending, outcomes, saved)
                if not pending or time.monotonic() > deadline:
                    break
        for contact_id, _ in pending:
            outcomes[contact_id] = kept_changing(self.records.contact_path(contact_id))
        for contact, stat in saved:
            self.catalogue.remember_contact(contact, stat)
            outcomes[contact.id] = True
        self.catalogue.save()
        return outcomes

    def _update_round(
        self, changes: list[Change], outcomes: dict[str, bool | StoreError], saved: list[tuple[Contact, os.stat_result]]
    ) -> list[Change]:
        """One pass of ``update_contacts``: fills ``outcomes`` and ``saved``; returns the
        changes whose file another program wrote meanwhile, to be applied again."""
        changed: list[tuple[str, Callable[[Contact], bool], Contact, Path, bytes, Mark]] = []
        for contact_id, change in changes:
            try:
                path = self.records.contact_path(contact_id)
                contact, mark = self._existing(contact_id, path)
                if change(contact) is False:
                    outcomes[contact_id] = False
                    continue
                data = checked(path, contact.to_dict(), contact_check(contact_id))
                changed.append((contact_id, change, contact, save_target(path, self.records.root), data, mark))
            except StoreError as error:
                outcomes[contact_id] = error
            except (OSError, RecordError) as error:
                reason = getattr(error, "strerror", None) or error
                outcomes[contact_id] = WriteError(f"{path}: not saved, the file is unchanged: {reason}")
        try:
            stats = write_many([(path, data) for *_, path, data, _ in changed], [mark for *_, mark in changed])
            self.rewriter.note_written([stat for stat in stats if stat is not None])
        except OSError as error:
            reason = error.strerror or error
            folder = self.records.contacts_dir
            failed = WriteError(f"{folder}: {len(changed)} contacts not saved, all unchanged: {reason}")
            outcomes.update((contact_id, failed) for contact_id, *_ in changed)
            return []
        retry: list[Change] = []
        for (contact_id, change, contact, *_), stat in zip(changed, stats, strict=True):
            if stat is None:
                retry.append((contact_id, change))
            else:
                saved.append((contact, stat))
        return retry

    def put_contact(self, contact: Contact) -> Contact:
        """Writes a whole contact under its id (undo of a delete, the result of a merge).

        A file there that cannot be read, or that a newer networkday wrote, is never replaced.
        """
        path = self.records.contact_path(contact.id)

        def attempt() -> os.stat_result:
            _, mark = self.rewriter.on_disk(path, contact_check(contact.id))
            return self.rewriter.write_locked(path, contact.to_dict(), contact_check(contact.id), mark)

        with self.rewriter.writing(path):
            stat = again(path, attempt)
        self.catalogue.remember_contact(contact, stat)
        self.catalogue.save()
        return contact

    def delete_contact(self, contact_id: str) -> Contact:
        """Removes the file and returns the contact as it was, so the deletion can be undone.

        A file another program wrote since it was read is read again first, so what is
        returned (and an undo puts back) holds that change too.
        """
        path = self.records.contact_path(contact_id)

        def attempt() -> Contact:
            contact, mark = self._existing(contact_id, path)
            if current_mark(path) != mark:
                raise ChangedMeanwhile(path)
            os.unlink(path)
            return contact

        with self.rewriter.writing(path):
            contact = again(path, attempt)
            fsync_dir(path.parent)
        self.catalogue.forget_contact(contact_id)
        self.catalogue.save()
        return contact

    def update_day(self, day: date, change: Callable[[Day], T]) -> Day:
        """Applies ``change`` to the day file as it is on disk now, then saves it atomically.

        ``change`` may run more than once, each time on a fresh record (see ``rewrite.again``).
        """
        path = self.records.day_path(day)

        def attempt() -> tuple[Day, os.stat_result]:
            record, mark = self.rewriter.on_disk(path, day_check(day))
            record = record or Day(date=day)
            change(record)
            return record, self.rewriter.write_locked(path, record.to_dict(), day_check(day), mark)

        with self.rewriter.writing(path):
            record, stat = again(path, attempt)
        self.catalogue.remember_day(path.name, record, stat)
        self.catalogue.save()
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
        ``rewrite.again``): it must keep no state of its own from one run to the next. The
        lock is not re-entrant: call no other writing method of the store inside ``block``.
        """
        written: list[tuple[str, Day, os.stat_result]] = []
        day_path = self.records.day_path

        def attempt() -> T:
            batch = self._new_batch()
            result = block(batch)
            changes = batch.changed()
            for day, _, table in changes:
                Day.from_dict(table, day)
                refusal = batch.refusal(day)
                if refusal:
                    raise StoreError(refusal)
            for day, _, _ in changes[1:]:  # before the first rename (which checks its own): seen late, half saved
                if current_mark(day_path(day)) != batch.mark(day):
                    raise ChangedMeanwhile(day_path(day))
            for day, record, table in changes:
                path = day_path(day)
                ensure_dir(path.parent)
                stat = self.rewriter.write_locked(path, table, day_check(day), batch.mark(day))
                written.append((path.name, record, stat))
            return result

        try:
            with self.rewriter.writing(self.records.days_dir):
                return again(self.records.days_dir, attempt)
        finally:
            for name, record, stat in written:
                self.catalogue.remember_day(name, record, stat)
            if written:
                self.catalogue.save()


class DayBatch:
    """Day files read from disk while ``Store.change_days`` holds the lock.

    Change the records ``day`` returns in place; the batch writes those that differ from
    what was read when the block ends.
    """

    def __init__(self, store: Store) -> None:
        #: The store the batch reads through; a block may also look at its summaries.
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
