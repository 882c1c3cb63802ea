"""The index cache: summaries of every file, keyed by the file's mtime and size.

It is derived and disposable. Deleting it loses nothing; a file whose mtime or size
changed is parsed again, so a hand edit is seen at the next scan. marshal is used
because it loads several times faster than JSON at 30,000 rows; the Python version is
part of the key, since marshal's format may change between versions.

Contacts and days are stored as two marshalled blobs, so a command that needs only the
days (``timer status``, run every few seconds) skips unpacking 30,000 contact rows and
still writes them back unchanged.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from networkday.storage.atomic import write_atomic

INDEX_VERSION = 5
_KEY = (INDEX_VERSION, sys.version_info[:2])

#: (mtime_ns, size, summary row or None, problem as (line, column, message) or None,
#: the format of a file a newer networkday wrote or None)
IndexEntry = tuple[int, int, tuple | None, tuple[int, int, str] | None, int | None]
#: file stem or name -> its entry
Entries = dict[str, IndexEntry]


@dataclass
class IndexCache:
    contacts: Entries = field(default_factory=dict)
    days: Entries = field(default_factory=dict)
    #: The contacts as stored, left packed by ``load(contacts=False)`` so that a save keeps them.
    packed_contacts: bytes | None = None

    @classmethod
    def load(cls, path: Path, *, contacts: bool = True) -> IndexCache:
        """An unreadable or foreign cache is simply rebuilt."""
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
            data = marshal.loads(path.read_bytes())
            if data.get("key") == _KEY:
                days = marshal.loads(data["days"])
                if contacts:
                    return cls(contacts=marshal.loads(data["contacts"]), days=days)
                return cls(days=days, packed_contacts=data["contacts"])
        return cls()

    def save(self, path: Path) -> None:
        packed = marshal.dumps(self.contacts) if self.packed_contacts is None else self.packed_contacts
        write_atomic(path, marshal.dumps({"key": _KEY, "contacts": packed, "days": marshal.dumps(self.days)}))
