"""A lock that cannot be taken is named, with what to do, instead of the record being saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.storage.store import Store

ADA = b'format = 1\nname = "Ada Lovelace"\n'


def test_a_lock_that_is_a_folder_is_named_and_nothing_changes(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", "2026-11-25T09:30:00+01:00")
    store = Store.open(tmp_path / "data", clock)
    path = store.contact_path("ada")
    path.write_bytes(ADA)
    path.chmod(0o600)
    store.lock_path.mkdir()
    assert main(["log", "ada", "talked", "--data-dir", str(store.root)]) == 1
    assert capsys.readouterr().err == (
        f"networkday: {store.lock_path}: the lock is a folder, not a file; nothing was saved. "
        "Remove it (rmdir) and try again\n"
    )
    assert path.read_bytes() == ADA
    assert store.lock_path.is_dir()
