"""What the call brief looks like on the demo: Priya Raman, the first open call on Today, at 80x24 and 120x40."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.storage.demo import demo_copy
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from tests.conftest import NOW

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def demo_app(tmp_path: Path) -> NetworkdayApp:
    return create_app(Store.open(demo_copy(NOW.date(), tmp_path / "demo"), FixedClock(NOW)))


@pytest.mark.parametrize("size", SIZES)
def test_the_brief_from_today(demo_app, snap_compare, size):
    """Every part: a referrer (Marcus), motives, a give and an ask, an opportunity she opened."""
    assert snap_compare(demo_app, press=["b"], terminal_size=size)


def test_the_end_of_the_brief_at_80x24(demo_app, snap_compare):
    """The suggestions, scrolled to: the brief is longer than a small screen."""
    assert snap_compare(demo_app, press=["b", "end"], terminal_size=(80, 24))
