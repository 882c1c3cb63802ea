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

_KEY = ("networkday-today-preview", 5, __version__)


def preview_path(store: Store) -> Path:
    return store.app_dir / "today.marshal"


def stamp(store: Store, day: date) -> tuple[object, ...]:
    """What a preview of ``day`` made now is made from: the files a start reads for Today, the day and the zone.

    The cache's files by inode, mtime and size (each write renames a new file in); the
    two files people edit, config.toml and the day's file, with their ctime as well; and
    each company file the same way (a target ranks the queue, and one set by hand in
    place changes no folder's mtime; a user keeps tens of them, so the stats are cheap).
    Last, the mode state.toml chose (``domain.mode``): it decides what the queue suggests.
    The value, not the file's mark: the app writes the file each minute it is used.
    """
    cache = tuple(mark_of(path) for path in IndexCache.files(store.index_path))
    edited = tuple(mark_of(path, ctime=True) for path in (store.root / "config.toml", store.day_path(day)))
    now = store.clock.now()
    offset = (now.utcoffset() or timedelta()).total_seconds()  # the clock's now is always aware
    mode = store.state().get("mode")
    return (_KEY, day.toordinal(), str(now.tzinfo), offset, cache, edited, store.company_marks(), mode)


def preview_stamp(store: Store, day: date) -> tuple[object, ...] | None:
    """``stamp`` now, or None when the store keeps no cache (and so no preview).

    A command takes it as it opens the store, for ``preview.follow_preview`` once it is done.
    """
    return None if store.no_cache else stamp(store, day)


def days_only_changed(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """Whether of two ``stamp``s only the day files differ: the index's days file and the day's file.

    The contacts' shards, config.toml, the company files, the mode, the day, the zone and the version are the same.
    """
    if len(before) != len(now) or before[:4] != now[:4] or before[6:] != now[6:]:
        return False
    cache, edited, cache_now, edited_now = before[4], before[5], now[4], now[5]
    if not (isinstance(cache, tuple) and isinstance(edited, tuple)):
        return False
    if not (isinstance(cache_now, tuple) and isinstance(edited_now, tuple)):
        return False
    return bool(cache[1:] == cache_now[1:] and edited[:1] == edited_now[:1])
