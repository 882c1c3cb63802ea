"""What the Companies list and a company's screen look like on the demo, at 80x24 and 120x40."""

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
def test_the_list(demo_app, snap_compare, size):
    assert snap_compare(demo_app, press=["4"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_a_company_with_an_offer(demo_app, snap_compare, size):
    """Brightwater Health, second in the list: an offer whose chain runs back through three people."""
    assert snap_compare(demo_app, press=["4", "j", "enter"], terminal_size=size)


def test_the_list_in_the_ansi_theme(demo_app, snap_compare, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TERM", "linux")  # read when the app starts: the ANSI theme and an ASCII star
    assert snap_compare(demo_app, press=["4"], terminal_size=(80, 24))
