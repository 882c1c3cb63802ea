"""The hint of networkday's own saves in the lock file: it names the newest, stays small, and survives junk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from networkday.storage.written import KEEP, note_written, written_here


@pytest.fixture
def lock(tmp_path: Path) -> Iterator[int]:
    fd = os.open(tmp_path / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    yield fd
    os.close(fd)


def _saved(folder: Path, count: int) -> list[os.stat_result]:
    """The stats of ``count`` real files, each renamed into place as a save leaves it."""
    stats = []
    for number in range(count):
        temp = folder / f".record-{number}.tmp"
        temp.write_text(f"n = {number}\n")
        temp.rename(folder / f"record-{number}.toml")
        stats.append(os.stat(folder / f"record-{number}.toml"))
    return stats


def test_the_newest_saves_are_known_and_the_oldest_forgotten(lock: int, tmp_path: Path) -> None:
    stats = _saved(tmp_path, KEEP + 10)
    for stat in stats[:20]:
        note_written(lock, [stat])
    note_written(lock, stats[20:])
    assert all(written_here(lock, stat) for stat in stats[10:])
    assert not any(written_here(lock, stat) for stat in stats[:10])
    assert os.fstat(lock).st_size < 32 * 1024


def test_a_file_changed_in_place_after_the_save_is_not_taken_for_it(lock: int, tmp_path: Path) -> None:
    (stat,) = _saved(tmp_path, 1)
    note_written(lock, [stat])
    path = tmp_path / "record-0.toml"
    with open(path, "r+b") as file:  # an editor's in-place save: same inode, new size and time
        file.truncate(0)
        file.write(b"n = 0\n# edited\n")
    assert not written_here(lock, os.stat(path))


def test_junk_in_the_lock_file_is_no_save_and_is_replaced(lock: int, tmp_path: Path) -> None:
    stats = _saved(tmp_path, 2)
    os.write(lock, b"\x00junk that is no stat\n1 2 3 4\n" + b"x" * 40_000)
    assert not written_here(lock, stats[0])
    note_written(lock, stats)
    assert written_here(lock, stats[0])
    assert written_here(lock, stats[1])
    assert os.fstat(lock).st_size < 1024


def test_a_hint_that_cannot_be_read_or_written_is_no_error(tmp_path: Path) -> None:
    """The files are saved before the hint is: failing to note them must not fail the save."""
    (stat,) = _saved(tmp_path, 1)
    path = tmp_path / "lock"
    path.write_bytes(b"")
    read_only = os.open(path, os.O_RDONLY)
    write_only = os.open(path, os.O_WRONLY)
    try:
        note_written(read_only, [stat])
        assert path.read_bytes() == b""
        assert not written_here(write_only, stat)
    finally:
        os.close(read_only)
        os.close(write_only)
