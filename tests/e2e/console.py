"""The demo of 25 November 2026 in an 80x24 Linux console without colour: fixtures shared by e2e tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.storage.demo import demo_copy
from tests.e2e.tmux import Terminal


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(today=date(2026, 11, 25), target=tmp_path / "demo")


@pytest.fixture
def terminal(demo: Path) -> Iterator[Terminal]:
    term = Terminal(["--data-dir", str(demo)], width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    yield term
    term.close()
