"""state.toml: a damaged one is reported with its line and never replaced; an empty one is no choices."""

from __future__ import annotations

import pytest

from networkday.clock import FixedClock
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


@pytest.mark.parametrize(
    ("damage", "line"),
    [
        (b"\x00" * 40, 1),
        (b'theme = "dark"\nlast_seen = 2026-11-25T09:', 2),
        (b'theme = "d\xffrk"\n', 1),
        (b'theme = "dark"\nlast_seen = "yesterday"\n', 2),
        (b"theme = 5\n", 1),
    ],
)
def test_a_damaged_state_file_is_reported_and_never_overwritten(
    store: Store, clock: FixedClock, damage: bytes, line: int
) -> None:
    store.state_path.write_bytes(damage)
    again = Store.open(store.root, clock)
    assert again.problems[again.state_path].line == line
    assert again.state() == {}
    with pytest.raises(StoreError, match="not overwritten"):
        again.update_state(theme="light")
    assert store.state_path.read_bytes() == damage


def test_an_empty_state_file_holds_no_choices_and_is_written_over(store: Store, clock: FixedClock) -> None:
    store.state_path.write_bytes(b"")
    again = Store.open(store.root, clock)
    assert again.problems == {}
    again.update_state(theme="light")
    assert again.state() == {"theme": "light"}
    assert Store.open(store.root, clock).problems == {}
