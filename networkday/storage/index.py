"""The index cache: summaries of every file, keyed by the file's mtime and size.

It is derived and disposable. Deleting it loses nothing; a file whose mtime or size
changed is parsed again, so a hand edit is seen at the next scan. marshal is used
because it loads several times faster than JSON at 30,000 rows; the Python version is
part of the key, since marshal's format may change between versions.

Contacts are kept in ``SHARDS`` files by a hash of their id, and days in the main file,
so saving after one change rewrites one shard of about a thirtieth of the network
instead of all of it (136 ms for the whole index at 30,000 contacts). A command that
needs only the days (``timer status``, every few seconds) never reads the shards.
Cache files are replaced atomically but not fsynced: after a power cut a torn cache
fails to load and is rebuilt from the data files, which are what must survive.

Each cache file is sealed: a tag and the CRC-32 of its body go before the marshalled
data, and a file whose body does not match them is thrown away unread. Only this
module writes what it then trusts, so no odd entry (a key such as ``../x``, a row of the
wrong shape, a day named ``zz.toml``), whether from an edit, another program or a torn
write, ever reaches the store. Checking every field of 30,000 rows instead took as long
as loading them; the CRC of the whole cache of bench/make_data.py's 30,000 contacts
(5.8 MB) takes 1.2 ms, against about 55 ms to load it.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sys
import zlib
from collections.abc import ItemsView, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, overload

from networkday.storage.atomic import FILE_MODE, read_with_stat, temp_name

INDEX_VERSION = 12
SHARDS = 32
_KEY = (INDEX_VERSION, SHARDS, sys.version_info[:2])
#: What every sealed cache file starts with, before the CRC-32 of its body.
_SEAL = b"networkday-cache\n"
_HEAD = len(_SEAL) + 4


class IndexEntry(NamedTuple):
    """What the index knows of one record file, as of the stat it was read at.

    A NamedTuple because marshal keeps plain tuples: entries are saved as such and named
    again as they load (``named``), which costs about a tenth of loading them.
    """

    mtime: int
    size: int
    #: A ``ContactRow`` or a ``DayRow`` (domain.summary), by the dict it sits in; None for a
    #: file that could not be read. The seal vouches for its shape, so it is not checked
    #: field by field at load, and its type here stays open.
    row: tuple[Any, ...] | None
    #: Why the file could not be read, as (line, column, message), or None.
    problem: tuple[int, int, str] | None
    #: The format of a file a newer networkday wrote, or None.
    newer: int | None


#: file stem or name -> its entry, as one cache file holds them
EntryTable = dict[str, IndexEntry]
#: The entries of one kind as the store reads them: the days' table, or the contacts' shards
Entries = MutableMapping[str, IndexEntry]
_Default = TypeVar("_Default")

#: A file as one look at it saw it: (inode, mtime in ns, size), and with ``ctime`` the
#: change time too. Cache files are replaced by renaming a new file over them, so a new
#: inode tells a rewrite even within one clock tick (the rename itself moves the ctime).
#: For files people edit, the ctime also tells a ``chmod``, or a copy that kept the mtime.
FileMark = tuple[int, ...]


def file_mark(stat: os.stat_result, *, ctime: bool = False) -> FileMark:
    if ctime:
        return stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def mark_of(path: Path, *, ctime: bool = False) -> FileMark | None:
    """The file's mark now, or None when there is no such file."""
    try:
        return file_mark(os.stat(path), ctime=ctime)
    except (FileNotFoundError, NotADirectoryError):  # NotADirectoryError: ``.networkday`` is a file
        return None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Holds the cyclic garbage collector while tens of thousands of rows are built.

    Loading allocates hundreds of thousands of tuples and no garbage cycles; each
    allocation burst would start a collection that walks everything built so far, which
    made loading the cache two to three times slower. Reference counting still frees
    what is dropped; the collector's state is restored afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def shard_of(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % SHARDS


class ShardedEntries(MutableMapping[str, IndexEntry]):
    """A mapping split into shards that remembers which shards changed since the last save.

    Lookups and iteration go through one flat dict beside the shards: a scan looks up
    every one of 30,000 names, and hashing each into its shard cost more than the stat.
    The shards are there to be written: they keep the plain tuples marshal loaded, and
    only the flat dict holds them named (one pass over 30,000 entries, not two).
    """

    def __init__(self, shards: list[dict[str, tuple[Any, ...]]] | None = None) -> None:
        self.shards: list[dict[str, tuple[Any, ...]]] = shards or [{} for _ in range(SHARDS)]
        new = tuple.__new__
        self.flat: EntryTable = {name: new(IndexEntry, entry) for shard in self.shards for name, entry in shard.items()}
        self.dirty: set[int] = set()

    def __getitem__(self, name: str) -> IndexEntry:
        return self.flat[name]

    @overload
    def get(self, name: str, /) -> IndexEntry | None: ...
    @overload
    def get(self, name: str, default: IndexEntry, /) -> IndexEntry: ...
    @overload
    def get(self, name: str, default: _Default, /) -> IndexEntry | _Default: ...

    def get(self, name: str, default: object = None, /) -> object:
        return self.flat.get(name, default)

    def __contains__(self, name: object) -> bool:
        return name in self.flat

    def __setitem__(self, name: str, entry: IndexEntry) -> None:
        shard = shard_of(name)
        self.shards[shard][name] = entry
        self.flat[name] = entry
        self.dirty.add(shard)

    def __delitem__(self, name: str) -> None:
        shard = shard_of(name)
        del self.flat[name]
        del self.shards[shard][name]
        self.dirty.add(shard)

    def __iter__(self) -> Iterator[str]:
        return iter(self.flat)

    def __len__(self) -> int:
        return len(self.flat)

    def items(self) -> ItemsView[str, IndexEntry]:
        return self.flat.items()


class DirtyEntries(dict[str, IndexEntry]):
    """The days: one small dict that only notes whether it changed."""

    dirty = False

    def __setitem__(self, name: str, entry: IndexEntry) -> None:
        super().__setitem__(name, entry)
        self.dirty = True

    def __delitem__(self, name: str) -> None:
        super().__delitem__(name)
        self.dirty = True

    @overload
    def pop(self, name: str, /) -> IndexEntry: ...
    @overload
    def pop(self, name: str, default: IndexEntry, /) -> IndexEntry: ...
    @overload
    def pop(self, name: str, default: _Default, /) -> IndexEntry | _Default: ...

    def pop(self, name: str, /, *default: object) -> object:
        self.dirty = self.dirty or name in self
        return super().pop(name, *default)


class IndexCache:
    """The summaries as last saved: the days in one file, the contacts in ``SHARDS`` more.

    The contacts' shards are read when first asked for, so a store can show what needs
    the days alone (the timer's status, the first frame from a ``DayPreview``) without
    unpacking 30,000 contacts.
    """

    def __init__(self, contacts: EntryTable | None = None, days: EntryTable | None = None) -> None:
        self._contacts: ShardedEntries | None = ShardedEntries()
        for name, entry in (contacts or {}).items():
            self._contacts[name] = entry
        self.days = DirtyEntries(days or {})
        self.days.dirty = bool(days)
        self._path: Path | None = None
        #: Whether every shard file is on disk as loaded; until then a save writes them all.
        self._complete = False
        #: Each cache file as this cache last read or wrote it (``file_mark``): what is in
        #: memory describes those files, and no others (see ``matches_disk``).
        self.marks: dict[Path, FileMark | None] = {}

    @classmethod
    def load(cls, path: Path, *, contacts: bool = True) -> IndexCache:
        """An unreadable or foreign cache is simply rebuilt; so is a torn shard.

        ``contacts=False`` leaves the contacts' shards on disk until ``contacts`` is first read.
        """
        cache = cls()
        cache.marks[path] = None
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
            data = unseal(cache._read(path))
            if type(data) is not dict or data.get("key") != _KEY or type(data.get("days")) is not dict:
                return cache
            cache.days = DirtyEntries(named(data["days"]))
            cache._contacts, cache._path = None, path
            if contacts:
                cache.contacts  # noqa: B018 (read now: the caller wants them)
        return cache

    @property
    def contacts(self) -> ShardedEntries:
        if self._contacts is None:
            self._contacts = self._read_shards()
        return self._contacts

    def forget_contacts(self) -> None:
        """Entries that did not fit: the contacts are indexed again from their files."""
        self._contacts, self._complete = ShardedEntries(), False

    def _read_shards(self) -> ShardedEntries:
        """A missing or torn shard leaves the contacts to be rebuilt from the files."""
        assert self._path is not None
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            shards = [unseal(self._read(_shard_path(self._path, number))) for number in range(SHARDS)]
            tables = [shard for shard in shards if isinstance(shard, dict)]
            if len(tables) == SHARDS:
                self._complete = True
                return ShardedEntries(tables)
        return ShardedEntries()

    @staticmethod
    def files(path: Path) -> list[Path]:
        """The cache's files: the days, then each shard of the contacts."""
        return [path, *(_shard_path(path, number) for number in range(SHARDS))]

    def _read(self, path: Path) -> bytes:
        """The file's bytes, its mark noted from the same open file (another writer renames, never rewrites)."""
        data, stat = read_with_stat(path)
        self.marks[path] = file_mark(stat)
        return data

    def matches_disk(self, path: Path, *, shards: bool = True) -> bool:
        """Whether every file of the cache on disk is the one this cache last read or wrote.

        False once another instance or a command has saved the cache since: what this
        one holds in memory then describes files that are no longer there. ``shards=False``:
        the days' file only, for a store that never unpacked the contacts.
        """
        return all(self.marks.get(file, ...) == mark_of(file) for file in (self.files(path) if shards else [path]))

    def save(self, path: Path) -> None:
        """Writes what changed since the last save: some shards, and the days if they moved."""
        if self._contacts is not None:
            if not self._complete:
                self.contacts.dirty.update(range(SHARDS))
                self.days.dirty = True
                self._complete = True
            for number in sorted(self.contacts.dirty):
                shard = _shard_path(path, number)
                self.marks[shard] = replace_cache_file(shard, seal(plain(self.contacts.shards[number])))
            self.contacts.dirty.clear()
        if self.days.dirty or not path.exists():
            self.marks[path] = replace_cache_file(path, seal({"key": _KEY, "days": plain(self.days)}))
            self.days.dirty = False


def named(table: dict[str, tuple[Any, ...]]) -> EntryTable:
    """Entries as marshal loads them (plain tuples) named again: ``tuple.__new__`` is the
    cheapest way there, a quarter faster than ``IndexEntry._make``, and the seal vouches
    for their shape (``ShardedEntries`` does the same for the contacts)."""
    new = tuple.__new__
    return {name: new(IndexEntry, entry) for name, entry in table.items()}


def plain(table: Mapping[str, tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """Entries as marshal can write them: it refuses a tuple subclass."""
    return {name: tuple(entry) for name, entry in table.items()}


def _shard_path(path: Path, number: int) -> Path:
    return path.with_name(f"{path.stem}-{number:02d}{path.suffix}")


def seal(value: dict[str, Any]) -> bytes:
    """``value`` marshalled, behind the tag and the CRC-32 that ``unseal`` checks."""
    body = marshal.dumps(value)
    return _SEAL + zlib.crc32(body).to_bytes(4, "big") + body


def unseal(data: bytes) -> object:
    """What ``seal`` wrote; ValueError for anything else (a foreign, edited or torn file)."""
    body = memoryview(data)[_HEAD:]
    if data[: len(_SEAL)] != _SEAL or zlib.crc32(body).to_bytes(4, "big") != data[len(_SEAL) : _HEAD]:
        raise ValueError("not a sealed networkday cache file")
    return marshal.loads(body)


def replace_cache_file(target: Path, data: bytes) -> FileMark:
    """A cache file swapped in whole; not fsynced: a cache lost in a crash is rebuilt.

    Returns the file's mark as written (the rename keeps its inode, mtime and size).
    """
    temp = temp_name(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            mark = file_mark(os.fstat(handle.fileno()))
        os.replace(temp, target)
        return mark
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
