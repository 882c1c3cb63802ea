"""Problems found in the data folder, located so a person can fix them by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DataProblem:
    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class StoreError(Exception):
    """A write was refused or failed; the original file is untouched and the edit can be retried."""


class ProblemError(StoreError):
    """The file cannot be read; it is reported and never overwritten."""

    def __init__(self, problem: DataProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class WriteError(StoreError):
    """Saving failed (disk full, no permission, an I/O error): the file on disk is as it was."""
