"""`networkday check` across files: touches without their made call, made calls without their touch.

Every day file is read (about a thousand after three years); of the contacts, only
those whose file holds a touch id or that a made call names are parsed, so the check
stays near the cost of reading the bytes once, even at 30,000 contacts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Day
from networkday.domain.touch import mark_call
from networkday.domain.touch_audit import (
    calls_without_touch,
    renamable,
    rename_copies,
    repeated_ids,
    touch_of_call,
    touches_without_call,
)
from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem, StoreError
from networkday.storage.store import Store

#: A key ``id`` at the start of a line: a contact file with a touch that networkday logged.
_TOUCH_ID = re.compile(rb"^[ \t]*id[ \t]*=", re.MULTILINE)
FIX_HINT = "run: networkday check --fix"


@dataclass
class Records:
    """The readable day files and the contacts the cross-check needs."""

    days: dict[date, Day]
    contacts: dict[str, Contact]


def read_records(store: Store) -> Records:
    days: dict[date, Day] = {}
    for ordinal in sorted(store.days):
        day = date.fromordinal(ordinal)
        if store.day_path(day) in store.problems:
            continue
        try:
            days[day] = store.day(day)
        except (StoreError, OSError):
            continue
    named = {call.contact for record in days.values() for call in record.calls if call.made}
    contacts: dict[str, Contact] = {}
    for contact_id in store.contacts:
        path = store.contact_path(contact_id)
        if path in store.problems:
            continue
        try:
            if contact_id not in named and not _TOUCH_ID.search(path.read_bytes()):
                continue
            contacts[contact_id] = store.contact(contact_id)
        except (StoreError, OSError):
            continue
    return Records(days, contacts)


def audit_touches(store: Store, records: Records | None = None) -> list[DataProblem]:
    """Each mismatch, located at the touch or the call it is about."""
    records = records or read_records(store)
    problems = []
    for contact in records.contacts.values():
        problems.extend(_repeated_id_problems(store, contact, records.days))
        for index in touches_without_call(contact, records.days):
            entry = contact.log[index]
            day_path = store.day_path(entry.at.date())
            fix = _fix_hint(store, day_path)
            message = (
                f"touch {entry.id} ({entry.outcome}, {entry.at.isoformat()}) has no made call in {day_path}; {fix}"
            )
            path = store.contact_path(contact.id)
            line, column = locate(path.read_text("utf-8"), ("log", index))
            problems.append(DataProblem(path, line, column, message))
    for day, record in records.days.items():
        path = store.day_path(day)
        for index in calls_without_touch(record, records.contacts):
            call = record.calls[index]
            where = store.contact_path(call.contact)
            fix = _fix_hint(store, where) if call.at is not None else "give the call an 'at' or remove its outcome"
            message = f"made call to {call.contact} ({call.outcome}) has no touch in the history of {where}; {fix}"
            line, column = locate(path.read_text("utf-8"), ("call", index))
            problems.append(DataProblem(path, line, column, message))
    return problems


def _repeated_id_problems(store: Store, contact: Contact, days: dict[date, Day]) -> list[DataProblem]:
    """An id used again in one history, located at the later entry, with what to do."""
    problems = []
    path = store.contact_path(contact.id)
    for index, first in repeated_ids(contact).items():
        entry, earlier = contact.log[index], contact.log[first]
        fix = (
            FIX_HINT + " (it gives this entry a new id)"
            if renamable(contact, index, days)
            else "check --fix cannot tell which of them its made call is for: remove the copy, "
            "or give it a new id by hand (any 8 hex digits not used in this history)"
        )
        message = (
            f"touch id {entry.id} is used again here ({entry.outcome or 'no outcome'}, {entry.at.isoformat()}); "
            f"the touch at {earlier.at.isoformat()} has it too; {fix}"
        )
        line, column = locate(path.read_text("utf-8"), ("log", index))
        problems.append(DataProblem(path, line, column, message))
    return problems


def _fix_hint(store: Store, target: Path) -> str:
    """``--fix`` when it can write the file the missing side goes to; else why it cannot."""
    if target in store.problems:
        return "that file has a problem of its own, so nothing can be added to it before it is mended"
    if store.read_only_reason(target):
        return "that file is from a newer networkday and read-only here, so add it with that version"
    return FIX_HINT


def fix_touches(store: Store) -> list[str]:
    """Adds what is missing on either side, never removes anything; returns what was done.

    First a later copy of a touch id gets a new id where ``renamable`` says which entry
    the made calls are for; a copy it cannot tell apart is left for the person. Then a
    touch without its call gets its made call in its day file (a planned call to the
    person that day is the one marked made). A made call without its touch gets the
    touch put back in the history, with the call's time, channel, outcome and id. A file
    that cannot be written is said so and left as it is.
    """
    records = read_records(store)
    done = []
    for contact in records.contacts.values():
        if any(renamable(contact, index, records.days) for index in repeated_ids(contact)):
            done.extend(_rename_copies(store, contact.id, records.days))
    if done:
        records = read_records(store)
    for contact in records.contacts.values():
        for index in touches_without_call(contact, records.days):
            entry = contact.log[index]
            said = f"{store.day_path(entry.at.date())}: made call to {contact.id} for touch {entry.id} added"
            mark = partial(mark_call, entry=entry, contact_id=contact.id)
            done.append(_attempt(partial(store.update_day, entry.at.date(), mark), said))
    for day, record in records.days.items():
        for index in calls_without_touch(record, records.contacts):
            call = record.calls[index]
            lost = touch_of_call(call)
            if lost is not None:
                said = f"{store.contact_path(call.contact)}: touch of {day}'s made call ({call.outcome}) added"
                done.append(_attempt(partial(store.update_contact, call.contact, partial(_put_back, entry=lost)), said))
    return done


def _rename_copies(store: Store, contact_id: str, days: dict[date, Day]) -> list[str]:
    renamed: list[tuple[LogEntry, str]] = []

    def rename(contact: Contact) -> None:
        renamed[:] = rename_copies(contact, days)  # the last try's: the ones written

    try:
        store.update_contact(contact_id, rename)
    except StoreError as error:
        return [f"not fixed: {error}"]
    path = store.contact_path(contact_id)
    return [
        f"{path}: touch at {entry.at.isoformat()} had the id {old} of another touch; its id is now {entry.id}"
        for entry, old in renamed
    ]


def _attempt(write: Callable[[], object], said: str) -> str:
    try:
        write()
    except StoreError as error:
        return f"not fixed: {error}"
    return said


def _put_back(contact: Contact, entry: LogEntry) -> None:
    """Adds the touch unless it is there already (written meanwhile by another instance)."""
    there = any(e.id == entry.id for e in contact.log) if entry.id else entry in contact.log
    if not there:
        contact.log.append(entry)
