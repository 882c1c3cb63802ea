"""Where the client-written fixtures are, for import tests.

Copies of ``shared/fixtures`` (with their README and licence) live in
``tests/fixtures/shared``: the tests read only files inside the repository, so they pass
from a clone with nothing beside it, as on a user's machine.
"""

from __future__ import annotations

from pathlib import Path

_COPIES = Path(__file__).resolve().parent / "fixtures" / "shared"


def fixtures_dir() -> Path:
    return _COPIES


def fixture(relative: str) -> Path:
    return fixtures_dir() / relative


def every(suffix: str) -> list[Path]:
    """Every fixture file with this suffix, for parametrised tests."""
    return sorted(fixtures_dir().rglob(f"*{suffix}"))
