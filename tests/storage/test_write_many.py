"""atomic.write_many: every file as safe as write_atomic, all fsyncs in one round, all or nothing on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from networkday.domain.contact import Contact
from networkday.storage import atomic
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


def disk_error(*args: object) -> None:
    raise OSError(5, "Input/output error")


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two files already there; write_many will replace them and add two more."""
    folder = tmp_path / "contacts"
    folder.mkdir()
    (folder / "a.toml").write_bytes(b"old a\n")
    (folder / "b.toml").write_bytes(b"old b\n")
    return folder


def batch(folder: Path) -> list[tuple[Path, bytes]]:
    return [(folder / name, f"new {name}\n".encode()) for name in ("a.toml", "c.toml", "b.toml", "d.toml")]


def test_writes_every_file_private_and_fsyncs_each_before_any_rename(folder: Path, monkeypatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: events.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(os, "replace", lambda a, b: events.append("rename") or real_replace(a, b))
    old_umask = os.umask(0)
    try:
        stats = atomic.write_many(batch(folder))
    finally:
        os.umask(old_umask)
    assert files_in(folder) == {name: f"new {name}\n".encode() for name in ("a.toml", "b.toml", "c.toml", "d.toml")}
    assert all(stat.S_IMODE(item.st_mode) == 0o600 for item in stats)
    assert events[:4] == ["fsync"] * 4
    assert events[4:8] == ["rename"] * 4
    assert events[8:] == ["fsync"]  # the folder, once


@pytest.mark.parametrize("step", ["write", "fsync", "rename", "folder fsync"])
def test_a_failure_at_any_step_leaves_every_file_as_it_was_and_no_temp_file(folder: Path, monkeypatch, step):
    before = files_in(folder)
    calls = {"n": 0}

    def third_time(real):
        def fail(*args):
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(5, "Input/output error")
            return real(*args)

        return fail

    if step == "write":
        monkeypatch.setattr(os, "write", third_time(os.write))
    elif step == "fsync":
        monkeypatch.setattr(atomic, "_fsync_file", third_time(atomic._fsync_file))
    elif step == "rename":
        monkeypatch.setattr(os, "replace", third_time(os.replace))
    else:
        monkeypatch.setattr(atomic, "fsync_dir", disk_error)
    with pytest.raises(OSError, match="Input/output error"):
        atomic.write_many(batch(folder))
    assert files_in(folder) == before


def test_nothing_to_write_writes_nothing(folder: Path):
    assert atomic.write_many([]) == []
    assert files_in(folder) == {"a.toml": b"old a\n", "b.toml": b"old b\n"}


def test_add_contacts_saves_all_or_none(store: Store, monkeypatch):
    store.add_contact(Contact(id="", name="Ann Lee"))
    before = files_in(store.contacts_dir)
    monkeypatch.setattr(atomic, "fsync_dir", disk_error)
    with pytest.raises(StoreError, match="Input/output error"):
        store.add_contacts([Contact(id="", name=f"Person {n}") for n in range(5)])
    assert files_in(store.contacts_dir) == before
    assert sorted(store.contacts) == ["ann-lee"]


def test_update_contacts_reports_a_failed_batch_and_keeps_every_file(store: Store, monkeypatch):
    store.add_contacts([Contact(id="", name=name) for name in ("Ann Lee", "Bob Ray")])
    before = files_in(store.contacts_dir)
    monkeypatch.setattr(atomic, "_fsync_file", disk_error)

    def tag(contact: Contact) -> bool:
        contact.tags.append("new")
        return True

    outcomes = store.update_contacts([("ann-lee", tag), ("bob-ray", tag)])
    assert all(isinstance(outcome, StoreError) for outcome in outcomes.values())
    assert "Input/output error" in str(outcomes["ann-lee"])
    assert files_in(store.contacts_dir) == before
    assert store.contacts["ann-lee"].tags == ()
