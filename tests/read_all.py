"""A file an importer streams, read to its end at once, for tests that look at every record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from networkday.domain.incoming import Record, Skipped
from networkday.importers import parse_file


@dataclass
class ReadFile:
    records: list[Record]
    skipped: list[Skipped]
    warnings: list[Skipped]
    rows: int


def read_all(kind: str, path: Path) -> ReadFile:
    """Every record of the file, then what was skipped and warned about on the way."""
    source = parse_file(kind, path)
    records = list(source)
    return ReadFile(records, source.skipped.items, source.warnings.items, source.rows)
