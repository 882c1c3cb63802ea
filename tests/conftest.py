"""Fixtures shared by every test folder: a fixed clock and a store on a fresh data folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pendulum
import pytest

from networkday.clock import FixedClock
from networkday.storage.store import Store

#: The Linux-console demo fixtures some e2e tests share (a module fixture of the same name wins).
pytest_plugins = ["tests.e2e.console"]

#: The instant every test lives at unless it moves the clock: a Wednesday morning in Berlin.
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=pendulum.timezone("Europe/Berlin"))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Store:
    return Store.open(tmp_path / "data", clock)


@pytest.fixture(autouse=True)
def machine_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps this machine's state (what was reminded) in its own folder, never the user's."""
    folder = tmp_path / "machine-state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def truecolour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every app in a test starts as in a true-colour terminal, so the automatic theme (the ANSI
    one for 16 colours, TERM=linux or NO_COLOR) never depends on the shell that runs the tests;
    a test that wants another terminal sets TERM, COLORTERM or NO_COLOR itself."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)
