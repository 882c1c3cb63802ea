"""A write that fails at any step leaves the file as it was and no temp file behind."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from networkday.domain.contact import Contact, LogEntry
from networkday.storage import atomic
from networkday.storage.problems import WriteError
from networkday.storage.store import Store

DAY = date(2026, 11, 25)


def _fail(code: int) -> OSError:
    return OSError(code, os.strerror(code))


def _on_file(real: Callable) -> Callable:
    """Fails the call when its first argument is a regular file's descriptor."""

    def fake(fd: int, *args: object) -> object:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise _fail(errno.EIO)
        return real(fd, *args)

    return fake


def _on_folder(real: Callable) -> Callable:
    def fake(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise _fail(errno.EIO)
        real(fd)

    return fake


def _on_temp_open(real: Callable) -> Callable:
    """Fails creating a temp file; the lock file and folders still open."""

    def fake(path: str | Path, *args: object) -> int:
        if str(path).endswith(".tmp"):
            raise _fail(errno.EACCES)
        return real(path, *args)

    return fake


def _close_then_fail(real: Callable) -> Callable:
    """close(2) may report a delayed write error (NFS, quotas); the descriptor is closed anyway."""

    def fake(fd: int) -> None:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
        real(fd)
        if regular:
            raise _fail(errno.EIO)

    return fake


def _after_first(real: Callable, code: int) -> Callable:
    """Writes a few bytes, then the disk is full: the temp file holds half a record."""
    calls = []

    def fake(fd: int, data: bytes) -> int:
        calls.append(fd)
        if len(calls) > 1:
            raise _fail(code)
        return real(fd, bytes(data[:7]))

    return fake


def _always(code: int) -> Callable:
    def fake(*args: object, **kwargs: object) -> None:
        raise _fail(code)

    return fake


FAULTS: dict[str, Callable[[], tuple[str, Callable]]] = {
    "create the temp file": lambda: ("open", _on_temp_open(os.open)),
    "set its mode": lambda: ("fchmod", _always(errno.EPERM)),
    "write: disk full": lambda: ("write", _always(errno.ENOSPC)),
    "write: full after a few bytes": lambda: ("write", _after_first(os.write, errno.ENOSPC)),
    "write: quota": lambda: ("write", _always(errno.EDQUOT)),
    "fsync the file": lambda: ("fsync", _on_file(os.fsync)),
    "close the file": lambda: ("close", _close_then_fail(os.close)),
    "rename over the target": lambda: ("replace", _always(errno.EXDEV)),
    "fsync the folder": lambda: ("fsync", _on_folder(os.fsync)),
}


def _folder_listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def _saved(store: Store) -> Contact:
    return store.add_contact(Contact(id="", name="Jane Doe", company="Initech", notes="first\n\nsecond\n"))


@pytest.mark.parametrize("step", FAULTS)
def test_a_failed_update_leaves_the_original_byte_identical(store: Store, step: str) -> None:
    jane = _saved(store)
    path = store.contact_path(jane.id)
    before = path.read_bytes()
    listing = _folder_listing(path.parent)
    name, fake = FAULTS[step]()
    entry = LogEntry(at=store.clock.now(), channel="phone", outcome="will", note="a note")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, name, fake)
        with pytest.raises(WriteError) as caught:
            store.update_contact(jane.id, lambda c: c.log.append(entry))
    assert path.read_bytes() == before
    assert _folder_listing(path.parent) == listing
    assert str(path) in str(caught.value)
    assert "unchanged" in str(caught.value)
    assert isinstance(caught.value.__cause__, OSError)
    # The store keeps working once the disk is fine again, and the record is as it was.
    assert store.contact(jane.id).log == []
    store.update_contact(jane.id, lambda c: c.log.append(entry))
    assert store.contact(jane.id).log == [entry]


@pytest.mark.parametrize("step", FAULTS)
def test_a_failed_new_file_leaves_nothing_behind(store: Store, step: str) -> None:
    name, fake = FAULTS[step]()
    listing = _folder_listing(store.contacts_dir)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, name, fake)
        with pytest.raises(WriteError):
            _saved(store)
    assert _folder_listing(store.contacts_dir) == listing
    assert store.contacts == {}


@pytest.mark.parametrize("step", FAULTS)
def test_a_failed_day_write_leaves_the_day_as_it_was(store: Store, step: str) -> None:
    store.update_day(DAY, lambda day: day.journal.set_answer("Who did I help?", "Sam"))
    path = store.day_path(DAY)
    before = path.read_bytes()
    name, fake = FAULTS[step]()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, name, fake)
        with pytest.raises(WriteError):
            store.update_day(DAY, lambda day: setattr(day.journal, "rating", 4))
    assert path.read_bytes() == before
    assert _folder_listing(path.parent) == [path.name]
    assert store.day(DAY).journal.rating is None


def test_a_failed_delete_keeps_the_file(store: Store) -> None:
    jane = _saved(store)
    path = store.contact_path(jane.id)
    before = path.read_bytes()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "unlink", _always(errno.EROFS))
        with pytest.raises(WriteError):
            store.delete_contact(jane.id)
    assert path.read_bytes() == before


def test_short_writes_are_completed(store: Store) -> None:
    real = os.write
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "write", lambda fd, data: real(fd, bytes(data[:3])))
        jane = _saved(store)
    assert store.contact(jane.id).notes == "first\n\nsecond\n"


def test_without_hard_links_a_write_still_succeeds(store: Store) -> None:
    jane = _saved(store)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "link", _always(errno.EPERM))
        store.update_contact(jane.id, lambda c: setattr(c, "title", "CTO"))
    assert store.contact(jane.id).title == "CTO"
    assert _folder_listing(store.contacts_dir) == ["jane-doe.toml"]


def test_a_record_that_cannot_be_serialised_is_refused_before_writing(store: Store) -> None:
    jane = _saved(store)
    path = store.contact_path(jane.id)
    before = path.read_bytes()
    with pytest.raises(TypeError):
        store.update_contact(jane.id, lambda c: c.extra.update(broken=None))
    assert path.read_bytes() == before
    assert _folder_listing(path.parent) == [path.name]


def test_write_atomic_puts_the_old_file_back_when_the_folder_fsync_fails(tmp_path: Path) -> None:
    target = tmp_path / "file.toml"
    atomic.write_atomic(target, b"old\n")
    inode = target.stat().st_ino
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(atomic, "fsync_dir", _always(errno.EIO))
        with pytest.raises(OSError, match="Input/output"):
            atomic.write_atomic(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert target.stat().st_ino == inode
    assert os.listdir(tmp_path) == ["file.toml"]
