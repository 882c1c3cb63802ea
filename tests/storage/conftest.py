"""Fixtures for the storage tests: a folder that commands run on in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.storage.store import Store

#: The instant commands run at (the ``clock`` fixture's, as NETWORKDAY_NOW spells it).
COMMAND_NOW = "2026-11-25T09:30:00+01:00"


@pytest.fixture
def command_folder(tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A store on a fresh folder, with commands run in-process at the clock's instant."""
    monkeypatch.setenv("NETWORKDAY_NOW", COMMAND_NOW)
    return Store.open(tmp_path / "data", clock)
