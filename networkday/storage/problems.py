"""Problems found in the data folder, located so a person can fix them by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from networkday.domain.text import escape_name


@dataclass(frozen=True)
class DataProblem:
    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        """One line, whatever the file is called: a newline or ESC in a name is shown as ``\\n``, ``\\x1b``."""
        return f"{escape_name(str(self.path))}:{self.line}:{self.column}: {escape_name(self.message)}"


class StoreError(Exception):
    """A write was refused or failed; the original file is untouched and the edit can be retried."""


class ProblemError(StoreError):
    """The file cannot be read; it is reported and never overwritten."""

    def __init__(self, problem: DataProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class WriteError(StoreError):
    """Saving failed (disk full, no permission, an I/O error): the file on disk is as it was."""
