"""Where the client-written fixtures are, for import tests.

``shared/fixtures`` beside the checkout is the source of truth (CI has it there); the
copies in ``tests/fixtures/shared`` (with their README and licence) keep the tests
running where it is missing.
"""

from __future__ import annotations

from pathlib import Path

_SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
_COPIES = Path(__file__).resolve().parent / "fixtures" / "shared"


def fixtures_dir() -> Path:
    return _SHARED if _SHARED.is_dir() else _COPIES


def fixture(relative: str) -> Path:
    return fixtures_dir() / relative


def every(suffix: str) -> list[Path]:
    """Every fixture file with this suffix, for parametrised tests."""
    return sorted(fixtures_dir().rglob(f"*{suffix}"))
