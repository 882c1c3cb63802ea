"""What Today looks like in helping mode, at 80x24 and 120x40: the week's gives and whom you could help."""

from __future__ import annotations

import pytest

from networkday.storage.store import Store
from networkday.ui.app import create_app
from tests.ui.helping_world import helping_world


@pytest.fixture
def helping_store(store: Store) -> Store:
    helping_world(store)
    store.update_state(mode="helping")
    return store


def test_today_helping_80x24(snap_compare, helping_store: Store):
    assert snap_compare(create_app(helping_store), terminal_size=(80, 24))


def test_today_helping_120x40(snap_compare, helping_store: Store):
    assert snap_compare(create_app(helping_store), terminal_size=(120, 40))
