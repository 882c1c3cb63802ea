"""Atomic, private writes: a reader sees the old file or the new one, never a mix.

Each write goes to a temp file in the same folder, is fsynced, renamed over the target,
and the folder is fsynced so the rename itself survives a power cut. Modes are set
explicitly so a permissive umask cannot widen them.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


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


def write_atomic(target: Path, data: bytes) -> os.stat_result:
    """Replaces ``target`` with ``data``; on any failure the old file is left as it was."""
    ensure_dir(target.parent)
    temp = temp_name(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(target.parent)
    return os.stat(target)


def is_stale_temp(name: str) -> bool:
    """A temp file whose writer is gone; a live writer's temp file is left alone."""
    match = _TEMP.match(name)
    if not match:
        return False
    pid = int(match.group("pid"))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def remove_if_stale(path: Path) -> bool:
    if not is_stale_temp(path.name):
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


def too_open(mode: int) -> bool:
    """Group or others can read, write or enter it."""
    return bool(mode & 0o077)
