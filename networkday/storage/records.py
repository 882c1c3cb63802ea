"""Record files: where each contact and day lives, and how its bytes become a Contact or a Day."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.vocab import FORMAT_VERSION
from networkday.storage.codec import TOMLDecodeError, build, dumps, loads, parse
from networkday.storage.layout import valid_id
from networkday.storage.problems import DataProblem, ProblemError, StoreError

T = TypeVar("T")
#: A ``[[conflict]]`` header or a ``conflict = [...]`` key in a record file's bytes: only a file
#: that holds one is parsed for them (both forms are the same TOML array).
CONFLICT_HEADER = re.compile(
    rb"^[ \t]*(?:\[\[[ \t]*[\"']?conflict[\"']?[ \t]*\]\]|[\"']?conflict[\"']?[ \t]*=)", re.MULTILINE
)
#: What opening a file that is not there raises: no such file, or a folder on its path is a file.
GONE = (FileNotFoundError, NotADirectoryError)


class Records:
    """The paths of the record files and their reading, with what reading them taught.

    ``read_only`` is filled here because decoding is where a newer format is seen: every
    part of the store that reads a record goes through ``decode``.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.contacts_dir = root / "contacts"
        self.days_dir = root / "days"
        #: Files written by a newer networkday, with the format they carry: read, never written.
        self.read_only: dict[Path, int] = {}

    def contact_path(self, contact_id: str) -> Path:
        if not valid_id(contact_id):
            raise StoreError(f"{contact_id!r} is not a contact id (lowercase letters, digits and dashes)")
        return self.contacts_dir / f"{contact_id}.toml"

    def day_path(self, day: date) -> Path:
        return self.days_dir / f"{day.year:04d}" / f"{day.isoformat()}.toml"

    def day_file(self, name: str) -> Path:
        """The path of a day file from its name, ``YYYY-MM-DD.toml``."""
        return self.days_dir / name[:4] / name

    def no_contact(self, contact_id: str) -> StoreError:
        """The one error for a contact id with no file: reading, changing and deleting say the same."""
        return StoreError(f"no contact {contact_id!r} in {self.contacts_dir}")

    def read_only_reason(self, path: Path) -> str | None:
        version = self.read_only.get(path)
        return None if version is None else newer_message(path, version)

    def decode(
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

    def load(self, path: Path, make: Callable[[dict[str, Any]], T]) -> T | None:
        """The record in ``path``, or None when there is no such file; a broken one raises ProblemError."""
        try:
            data = path.read_bytes()
        except GONE:  # a folder on its path that is a file is reported by the scan
            self.read_only.pop(path, None)
            return None
        except OSError as error:  # its mode, a folder in its place, an I/O error
            raise ProblemError(DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")) from None
        return self.decode(path, data, make)

    def contact(self, contact_id: str) -> Contact:
        contact = self.load(self.contact_path(contact_id), contact_check(contact_id))
        if contact is None:
            raise self.no_contact(contact_id)
        return contact

    def contact_text(self, contact_id: str) -> tuple[str, Contact]:
        """The contact's file as it is written, with the contact it holds: a copy to edit by hand.

        A file that cannot be read raises ProblemError, as ``contact`` does: only a file
        that reads is offered for editing, so the edit starts from what networkday knows.
        """
        path = self.contact_path(contact_id)
        try:
            data = path.read_bytes()
        except GONE:
            raise self.no_contact(contact_id) from None
        except OSError as error:
            raise ProblemError(DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")) from None
        contact = self.decode(path, data, contact_check(contact_id))
        return data.decode("utf-8"), contact

    def read_contact(self, contact_id: str, text: str) -> Contact:
        """``text`` read as the contact's file would be, located errors and all; nothing is written.

        Unlike ``decode``, what the text says of its format does not mark the file read-only:
        the text is a proposal, not the file.
        """
        path = self.contact_path(contact_id)
        table, text = parse(path, text.encode("utf-8"))
        return build(path, text, lambda: Contact.from_dict(contact_id, table))

    def day(self, day: date) -> Day:
        """A missing day file is an empty day; a broken one raises and is never replaced."""
        return self.load(self.day_path(day), day_check(day)) or Day(date=day)

    def day_fingerprint(self, day: date) -> tuple[int, int] | None:
        """Cheap change detection for polling: the day file's mtime and size."""
        try:
            stat = os.stat(self.day_path(day))
        except GONE:
            return None
        return stat.st_mtime_ns, stat.st_size


def newer_message(path: Path, version: int) -> str:
    return f"{path}: written by a newer networkday (format {version}); it is read-only here"


def ordinal_of(name: str) -> int:
    """The day of a day file's name, ``YYYY-MM-DD.toml``, as an ordinal."""
    return date.fromisoformat(name[:10]).toordinal()


def checked(path: Path, table: dict[str, Any], check: Callable[[dict[str, Any]], object]) -> bytes:
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


def contact_check(contact_id: str) -> Callable[[dict[str, Any]], Contact]:
    return lambda table: Contact.from_dict(contact_id, table)


def day_check(day: date) -> Callable[[dict[str, Any]], Day]:
    return lambda table: Day.from_dict(table, day)
