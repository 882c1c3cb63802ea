"""Fixtures shared by every test folder: a fixed clock and a store on a fresh data folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pendulum
import pytest

from networkday.clock import FixedClock
from networkday.storage.store import Store

#: The instant every test lives at unless it moves the clock: a Wednesday morning in Berlin.
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=pendulum.timezone("Europe/Berlin"))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Store:
    return Store.open(tmp_path / "data", clock)
