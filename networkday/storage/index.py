"""The index cache: summaries of every file, keyed by the file's mtime and size.

It is derived and disposable. Deleting it loses nothing; a file whose mtime or size
changed is parsed again, so a hand edit is seen at the next scan. marshal is used
because it loads several times faster than JSON at 30,000 rows; the Python version is
part of the key, since marshal's format may change between versions.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from networkday.storage.atomic import write_atomic

INDEX_VERSION = 4
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

    @classmethod
    def load(cls, path: Path) -> IndexCache:
        """An unreadable or foreign cache is simply rebuilt."""
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError, KeyError):
            data = marshal.loads(path.read_bytes())
            if data.get("key") == _KEY:
                return cls(contacts=data["contacts"], days=data["days"])
        return cls()

    def save(self, path: Path) -> None:
        write_atomic(path, marshal.dumps({"key": _KEY, "contacts": self.contacts, "days": self.days}))
