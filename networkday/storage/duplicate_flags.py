"""The "likely the same person" flags a sync left in people's files, located for ``check``.

Read in the same pass as the ``[[conflict]]`` entries (``sync_conflicts``), so ``check``
reads each file's bytes once for both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from networkday.domain.sync_duplicates import FLAG, MARKER, flagged
from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem

#: Bytes of which a file must hold one to be parsed for a flag (or a marker no sync split off).
WORDS = (FLAG.encode(), MARKER.encode())


def holds_a_word(data: bytes) -> bool:
    return any(word in data for word in WORDS)


_LEFT = (
    f"another machine's record of this person, added there under the same id, is kept here under [{MARKER}]:"
    " a sync could not split it off; move it into a new contact file, then delete the table"
)


_NO_PAIR = f"{FLAG} names no other person here (it must be another contact's id)"


def _is_contact(folder: Path, contact_id: str) -> bool:
    """Whether ``contact_id`` names a contact file beside this one (a name, never a path elsewhere)."""
    return Path(contact_id).name == contact_id and (folder / f"{contact_id}.toml").is_file()


def describe(other_id: str) -> str:
    """One line: who the other record is, and the two ways to settle it."""
    return (
        f"likely the same person as {other_id} (added on both machines): press m on either's screen to merge"
        f" them, or N there if they are two people (deleting {FLAG} from both files does the same)"
    )


def flag_problems(path: Path, table: dict[str, Any], text: str) -> list[DataProblem]:
    """The flag of a person's file at its line, and a marker a sync left; none in other files."""
    if path.parent.name != "contacts":
        return []
    found = []
    other = flagged(table)
    if other is not None and other != path.stem and _is_contact(path.parent, other):
        found.append(DataProblem(path, *locate(text, (FLAG,)), describe(other)))
    elif other is not None:  # this person's own id, or one no file has
        found.append(DataProblem(path, *locate(text, (FLAG,)), f"{_NO_PAIR}: N on their screen clears it"))
    elif table.get(FLAG, "") != "":  # not an id at all (empty: none)
        found.append(DataProblem(path, *locate(text, (FLAG,)), f"{_NO_PAIR}: delete it from the file"))
    if MARKER in table:  # the sync that merged it could not write the split (disk full): nothing was lost
        found.append(DataProblem(path, *locate(text, (MARKER,)), _LEFT))
    return found
