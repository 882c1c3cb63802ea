"""What every command test sets: the fixed instant and zone the commands read, and no data folder from the shell."""

from __future__ import annotations

import pytest

from tests.conftest import NOW


@pytest.fixture
def command_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)
