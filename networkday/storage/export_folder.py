"""A folder of exported files kept in line with the data: only changed files written, only stale own ones removed.

The writing end of ``export vcard --dir`` (a vdir). Unchanged files keep their bytes and
their time, so a sync tool watching the folder (vdirsyncer) sees only real changes; files
the caller does not claim as its own are never touched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from networkday.storage.atomic import ensure_dir, fsync_dir, write_many


@dataclass(frozen=True)
class FolderSync:
    """What ``sync_folder`` did: files written, left as they were, and removed."""

    written: int
    unchanged: int
    removed: int


def sync_folder(folder: Path, files: Mapping[str, bytes], suffix: str, stale: Callable[[Path], bool]) -> FolderSync:
    """Writes ``files`` (name to bytes) into ``folder`` (0700, made if missing) as each 0600 file
    differs, and removes the other ``*suffix`` files for which ``stale`` says yes. OSError is the caller's.
    """
    ensure_dir(folder)
    present = {path.name: path for path in folder.iterdir() if path.name.endswith(suffix)}
    changed = [(folder / name, data) for name, data in files.items() if _read(present.pop(name, None)) != data]
    write_many(changed)
    gone = [path for path in present.values() if not path.is_symlink() and path.is_file() and stale(path)]
    for path in gone:
        path.unlink()
    if gone:
        fsync_dir(folder)
    return FolderSync(len(changed), len(files) - len(changed), len(gone))


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or none when it cannot be read: an unreadable file is never claimed."""
    return _read(path) or b""


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    with contextlib.suppress(OSError):
        return path.read_bytes()
    return None
