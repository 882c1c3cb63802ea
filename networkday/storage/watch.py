"""Which contact files changed since the last look, told by inotify or found by a cheap look.

The app asks every half second (``changes``). Statting 30,000 files takes about 50 ms,
too much to repeat that often, so neither way does it:

- ``InotifyWatch``: one inotify watch on ``contacts/`` covers every file. A look is a
  non-blocking read of the events the kernel queued, a few microseconds when idle.
- ``PollWatch``, where inotify is missing (macOS, Windows) or cannot see the changes (a
  network share changed from another machine; ``NETWORKDAY_WATCH=poll`` picks it): one
  stat of the folder each time, whose mtime moves when a file is added, removed or
  renamed over (every networkday save, ``git pull``). Then the names and inodes are
  listed, which costs no stat per file. A file edited in place leaves the folder alone,
  so a slice of ``SLICE`` files is statted at each look, round and round: every file
  within half a second up to 1,000 contacts, within 15 seconds at 30,000. A file seen
  changing is statted again at the next look, in case an editor was still writing it.

Both give file names (``ada.toml``); the catalogue compares each with its index, so the
app's own saves, already indexed, change nothing on screen. ``None`` means the watch
lost track (the kernel's queue overflowed, the folder was replaced): look at every file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Protocol

#: Files a ``PollWatch`` stats at each look for edits made in place: about 2 ms.
SLICE = 1000
#: What a file was at the last look: (inode, mtime in ns, size, ctime in ns); 0 where not known yet.
Mark = tuple[int, int, int, int]


class Watch(Protocol):
    #: "inotify" or "poll", for the benchmark and the tests
    kind: str

    def changes(self) -> set[str] | None: ...

    def close(self) -> None: ...


def _contact_file(name: str) -> bool:
    """A record's name, not a save's temporary file (``.ada.toml.123.tmp``)."""
    return name.endswith(".toml") and not name.startswith(".")


class InotifyWatch:
    kind = "inotify"

    def __init__(self, folder: Path) -> None:
        from inotify_simple import INotify, flags

        self.folder = folder
        self._new = INotify
        self._flags = flags
        self._mask = (
            flags.CLOSE_WRITE
            | flags.MODIFY
            | flags.ATTRIB
            | flags.CREATE
            | flags.DELETE
            | flags.MOVED_FROM
            | flags.MOVED_TO
            | flags.DELETE_SELF
            | flags.MOVE_SELF
        )
        self._inotify = INotify(nonblocking=True)
        self._watching = False
        self._watch()

    def _watch(self) -> bool:
        """A watch on the folder now at the path, on a fresh queue: the old one may follow a moved folder."""
        if self._inotify.closed:
            self._inotify = self._new(nonblocking=True)
        try:
            self._inotify.add_watch(self.folder, self._mask)
        except OSError:  # the folder is gone for now: looked for again at the next look
            self._watching = False
            return False
        self._watching = True
        return True

    def changes(self) -> set[str] | None:
        if not self._watching:
            return None if self._watch() else set()
        try:
            events = self._inotify.read(timeout=0)
        except OSError:
            return None
        lost = self._flags.Q_OVERFLOW | self._flags.IGNORED | self._flags.DELETE_SELF | self._flags.MOVE_SELF
        names: set[str] = set()
        for event in events:
            if event.mask & lost:
                if not event.mask & self._flags.Q_OVERFLOW:
                    self._watching = False
                    self._inotify.close()
                return None
            if _contact_file(event.name):
                names.add(event.name)
        return names

    def close(self) -> None:
        self._inotify.close()


class PollWatch:
    kind = "poll"

    def __init__(self, folder: Path, known: dict[str, tuple[int, int]]) -> None:
        """``known``: each file's (mtime, size) as the index read it, so an edit before the
        first look is still told."""
        self.folder = folder
        self._folder_mark = self._stat_folder()
        self._marks: dict[str, Mark] = {name: (0, *seen, 0) for name, seen in known.items()}
        self._inodes = self._list()
        self._round: list[str] = []

    def _stat_folder(self) -> tuple[int, int] | None:
        try:
            stat = os.stat(self.folder)
        except OSError:
            return None
        return stat.st_ino, stat.st_mtime_ns

    def _list(self) -> dict[str, int]:
        """Each record's inode, from the folder's entries alone (no stat per file on POSIX)."""
        with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
            return {entry.name: entry.inode() for entry in entries if _contact_file(entry.name)}
        return {}

    def changes(self) -> set[str] | None:
        names: set[str] = set()
        folder = self._stat_folder()
        if folder != self._folder_mark:
            self._folder_mark = folder
            inodes = self._list()
            names = {name for name in inodes.keys() | self._inodes.keys() if inodes.get(name) != self._inodes.get(name)}
            self._inodes = inodes
            for name in names:
                self._marks.pop(name, None)
            self._round[:0] = names  # its mark taken at the next look,
            self._round.extend(names)  # and looked at again in this round, not only the next
        names.update(self._sweep())
        return names

    def _sweep(self) -> set[str]:
        """The next slice of files, statted: those whose mtime, size or ctime moved since."""
        if not self._round:
            self._round = list(self._inodes)
        step, self._round = self._round[:SLICE], self._round[SLICE:]
        changed = set()
        marks, stat_of, prefix = self._marks, os.stat, f"{self.folder}{os.sep}"  # 30,000 a round: no Path each
        for name in step:
            try:
                stat = stat_of(prefix + name)
            except OSError:
                continue  # gone: the folder's mtime tells it
            was = marks.get(name)
            mark = marks[name] = (stat.st_ino, stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns)
            if was is None or was[1:3] != mark[1:3] or 0 != was[3] != mark[3]:
                changed.add(name)
        self._round[:0] = changed  # looked at again next time: an editor may still be writing it
        return changed

    def close(self) -> None:
        self._marks.clear()


def open_watch(folder: Path, known: dict[str, tuple[int, int]], kind: str | None = None) -> Watch:
    """inotify where the platform has it, else the look; ``kind`` (or ``NETWORKDAY_WATCH``) = "poll" forces the look."""
    if (kind or os.environ.get("NETWORKDAY_WATCH", "")) != "poll":
        try:
            return InotifyWatch(folder)
        except (ImportError, OSError, AttributeError):  # no inotify here (AttributeError: libc lacks it)
            pass
    return PollWatch(folder, known)
