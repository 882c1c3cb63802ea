"""The "likely the same person" flags a sync left in people's files, located for ``check``.

Read in the same pass as the ``[[conflict]]`` entries (``sync_conflicts``), so ``check``
reads each file's bytes once for both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from networkday.domain.sync_duplicates import FLAG, flagged
from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem

#: The bytes a file must hold to be parsed for a flag.
FLAG_BYTES = FLAG.encode()


def describe(other_id: str) -> str:
    """One line: who the other record is, and the two ways to settle it."""
    return (
        f"likely the same person as {other_id} (added on both machines): press m on either's screen to merge"
        f" them, or N there if they are two people (deleting {FLAG} from both files does the same)"
    )


def flag_problems(path: Path, table: dict[str, Any], text: str) -> list[DataProblem]:
    """The flag of a person's file at its line; none in other files, or when it names nobody."""
    other = flagged(table)
    if other is None or path.parent.name != "contacts":
        return []
    line, column = locate(text, (FLAG,))
    return [DataProblem(path, line, column, describe(other))]
