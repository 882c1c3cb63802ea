"""A lock that cannot be taken is named, with what to do, instead of the record being saved."""

from __future__ import annotations

import pytest

from networkday.storage.store import Store
from tests.storage.saving import log_talked, private_file

ADA = b'format = 1\nname = "Ada Lovelace"\n'


def test_a_lock_that_is_a_folder_is_named_and_nothing_changes(
    command_folder: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store = command_folder
    path = private_file(store.contact_path("ada"), ADA)
    store.lock_path.mkdir()
    assert log_talked(store, capsys) == (
        1,
        f"networkday: {store.lock_path}: the lock is a folder, not a file; nothing was saved. "
        "Remove it (rmdir) and try again\n",
    )
    assert path.read_bytes() == ADA
    assert store.lock_path.is_dir()
