"""Atomic, private writes: a reader sees the old file or the new one, never a mix.

Each write goes to a temp file in the same folder, is fsynced, renamed over the target,
and the folder is fsynced so the rename itself survives a power cut. Modes are set
explicitly so a permissive umask cannot widen them.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload

FILE_MODE = 0o600
DIR_MODE = 0o700
#: How many files ``write_many`` fsyncs at once.
SYNC_THREADS = 16
STALE_AFTER = 24 * 3600  # seconds
_TEMP = re.compile(r"\A\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp\Z")

#: What says a file is still the one a rewrite read: its inode, size and mtime in ns.
Mark = tuple[int, int, int]
#: The mark of a file that is not there.
ABSENT: Mark = (0, -1, 0)


class ChangedMeanwhile(Exception):
    """The file is no longer the one that was read: another program wrote it since. Nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: changed by another program since it was read")
        self.path = path


def mark_of_stat(stat: os.stat_result) -> Mark:
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def current_mark(path: Path) -> Mark:
    """The mark of the file at ``path`` now (through a symbolic link), or ABSENT."""
    try:
        return mark_of_stat(os.stat(path))
    except FileNotFoundError:
        return ABSENT


def read_with_stat(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its stat from the same open file, taken before the read: a
    change made during the read shows as a newer mtime, and a file renamed over it as
    another inode, at the next look."""
    with open(path, "rb") as file:
        stat = os.fstat(file.fileno())
        return file.read(), stat


def temp_name(target: Path) -> Path:
    # os.urandom is what secrets.token_hex reads; importing secrets (hashlib, hmac) cost every command 4 ms.
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def ensure_dir(path: Path) -> None:
    """Creates ``path`` and missing parents as 0700."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, DIR_MODE)
        os.chmod(folder, DIR_MODE)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(target: Path, data: bytes, expect: Mark | None = None) -> os.stat_result:
    """Replaces ``target`` with ``data``; on any failure the old file is left as it was.

    The rename is durable only once the folder is fsynced, so until then the old file is
    kept as a hard link: if that fsync fails, the old file is put back and the write fails.
    With ``expect``, the mark of the file that was read (ABSENT: none), the file is
    compared just before the rename: a program that takes no lock (an editor saving in
    place, a sync) may have written it since, and its change must not be replaced. Then
    nothing is written and ChangedMeanwhile is raised, for the caller to read it again.
    """
    ensure_dir(target.parent)
    temp = temp_name(target)
    _write_new(temp, data)
    if expect is not None and current_mark(target) != expect:
        _discard(temp)
        raise ChangedMeanwhile(target)
    backup = _link_original(target)
    replaced = False
    try:
        os.replace(temp, target)
        replaced = True
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            if not replaced:
                os.unlink(temp)
            elif backup is not None:
                os.replace(backup, target)
            else:
                os.unlink(target)
        _discard(backup)
        raise
    _discard(backup)
    return os.stat(target)


@overload
def write_many(files: Sequence[tuple[Path, bytes]], expect: None = None) -> list[os.stat_result]: ...
@overload
def write_many(files: Sequence[tuple[Path, bytes]], expect: Sequence[Mark]) -> list[os.stat_result | None]: ...
def write_many(files: Sequence[tuple[Path, bytes]], expect: Sequence[Mark] | None = None) -> Any:
    """Replaces many distinct files, each as safely as ``write_atomic``, for a fraction of the fsyncs' cost.

    Every temp file is written first, then all are fsynced at once from a few threads: the
    file system commits concurrent fsyncs in one journal transaction, about ten times
    faster than one after another. Only when all are on disk is each renamed over its
    target, and each folder is fsynced once. At every moment each target holds its old or
    its new content; if anything fails before the folders are fsynced, every target is put
    back as it was and no temp file is left.

    With ``expect`` (one mark per file, as in ``write_atomic``), a file that changed since
    it was read is left as it is, its temp file removed, and its stat in the result is None.
    """
    temps: list[Path] = []
    skipped: set[int] = set()
    renamed: list[tuple[Path, Path | None, bool]] = []  # target, a link to its old file, whether it existed
    done = 0  # temp files renamed or discarded
    try:
        for target, data in files:
            ensure_dir(target.parent)
            temps.append(temp_name(target))
            _write_new(temps[-1], data, sync=False)
        from concurrent.futures import ThreadPoolExecutor  # here: logging and friends cost every command 4 ms

        with ThreadPoolExecutor(max_workers=max(1, min(SYNC_THREADS, len(temps)))) as pool:
            list(pool.map(_fsync_file, temps))
        for temp, (target, _) in zip(temps, files, strict=True):
            if expect is not None and current_mark(target) != expect[done]:
                skipped.add(done)
                _discard(temp)
                done += 1
                continue
            existed, backup = target.exists(), _link_original(target)
            try:
                os.replace(temp, target)
            except BaseException:
                _discard(backup)
                raise
            renamed.append((target, backup, existed))
            done += 1
        for folder in dict.fromkeys(target.parent for target, _ in files):
            fsync_dir(folder)
    except BaseException:
        _undo(renamed, temps[done:])
        raise
    for _, backup, _ in renamed:
        _discard(backup)
    return [None if number in skipped else os.stat(target) for number, (target, _) in enumerate(files)]


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _undo(renamed: list[tuple[Path, Path | None, bool]], unused: list[Path]) -> None:
    """Puts back the files ``write_many`` had replaced, removes the ones it created and its temp files.

    A replaced file with no link to its old content (a file system without hard links)
    keeps its new, complete content rather than being removed.
    """
    for target, backup, existed in renamed:
        with contextlib.suppress(OSError):
            if backup is not None:
                os.replace(backup, target)
            elif not existed:
                os.unlink(target)
    for temp in unused:
        _discard(temp)


def _write_new(temp: Path, data: bytes, *, sync: bool = True) -> None:
    """Writes (and fsyncs, unless ``sync`` is False) a new private file; it is gone again if anything fails."""
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _link_original(target: Path) -> Path | None:
    """A second name for the current file, under a temp name so a crash leaves only a stale temp."""
    backup = temp_name(target)
    try:
        os.link(target, backup)
    except OSError:  # no file yet, or a file system without hard links: nothing to put back
        return None
    return backup


def _discard(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def is_stale_temp(path: Path) -> bool:
    """A temp file whose writer is gone; a live writer's temp file is left alone.

    A writer holds its temp file for milliseconds, so one older than a day is stale even
    when its process id has since been reused by another process.
    """
    match = _TEMP.match(path.name)
    if not match:
        return False
    pid = int(match.group("pid"))
    if pid != os.getpid() and not _alive(pid):
        return True
    try:
        return time.time() - path.stat().st_mtime > STALE_AFTER
    except FileNotFoundError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_if_stale(path: Path) -> bool:
    if not is_stale_temp(path):
        return False
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    return True


def remove_stale_temps(folder: Path) -> int:
    removed = 0
    with contextlib.suppress(FileNotFoundError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".tmp") and remove_if_stale(Path(entry.path)):
                removed += 1
    return removed


#: Permission bits for the group and others: none may be set on the user's data.
OPEN_BITS = 0o077


def too_open(mode: int) -> bool:
    """Group or others can read, write or enter it."""
    return bool(mode & OPEN_BITS)
