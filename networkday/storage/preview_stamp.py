"""What a preview of Today is stamped with: the files it was made from, taken in a few stats.

Apart from ``storage.preview`` so a command can take the stamp as it opens the store
without importing the queue's types: ``timer status`` runs every few seconds.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from networkday import __version__
from networkday.storage.index import IndexCache, mark_of
from networkday.storage.store import Store

_KEY = ("networkday-today-preview", 2, __version__)


def preview_path(store: Store) -> Path:
    return store.app_dir / "today.marshal"


def stamp(store: Store, day: date) -> tuple[object, ...]:
    """What a preview of ``day`` made now is made from: the files a start reads for Today, the day and the zone.

    The cache's files by inode, mtime and size (each write renames a new file in); the
    two files people edit, config.toml and the day's file, with their ctime as well.
    """
    cache = tuple(mark_of(path) for path in IndexCache.files(store.index_path))
    edited = tuple(mark_of(path, ctime=True) for path in (store.root / "config.toml", store.day_path(day)))
    now = store.clock.now()
    offset = (now.utcoffset() or timedelta()).total_seconds()  # the clock's now is always aware
    return (_KEY, day.toordinal(), str(now.tzinfo), offset, cache, edited)


def preview_stamp(store: Store, day: date) -> tuple[object, ...] | None:
    """``stamp`` now, or None when the store keeps no cache (and so no preview).

    A command takes it as it opens the store, for ``preview.follow_preview`` once it is done.
    """
    return None if store.no_cache else stamp(store, day)
