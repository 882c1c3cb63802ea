"""state.toml: the machine-local choices networkday remembers (theme, last seen), checked like any record."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Any

from networkday.domain.errors import RecordError
from networkday.domain.mode import MODES
from networkday.storage.atomic import write_atomic
from networkday.storage.codec import build, dumps, parse
from networkday.storage.folder import Folder
from networkday.storage.problems import DataProblem, ProblemError, StoreError

#: The keys of state.toml and their types: a value of another type means the file is damaged.
STATE_TYPES: dict[str, type] = {"theme": str, "last_seen": datetime, "mode": str}


class AppState:
    """Reads and updates state.toml; ``writing`` is the store's folder lock around a save."""

    def __init__(
        self,
        folder: Folder,
        problems: dict[Path, DataProblem],
        writing: Callable[[Path], AbstractContextManager[None]],
    ) -> None:
        self.path = folder.state_path
        self._folder = folder
        self._problems = problems
        self._writing = writing

    def read(self) -> dict[str, Any]:
        """Machine-local choices (theme, last seen); {} when there are none.

        A damaged state file is reported like any other file (in ``problems``, with its
        line) and read as empty; ``update`` then refuses to replace it, so what it held is
        never thrown away unseen. An empty file holds no choices and is no problem.
        """
        path = self.path
        if self._folder.no_cache:
            return {}
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = b""
        except OSError as error:
            self._problems[path] = DataProblem(path, 1, 1, f"cannot be read: {error.strerror or error}")
            return {}
        if not data.strip():
            self._problems.pop(path, None)
            return {}
        try:
            table, text = parse(path, data)
            build(path, text, lambda: _check_state(table))
        except ProblemError as error:
            self._problems[path] = error.problem
            return {}
        self._problems.pop(path, None)
        return table

    def update(self, **values: Any) -> None:
        """Remembers ``values`` (None leaves a key as it is); a damaged state file is left alone."""
        with self._writing(self.path):
            state = self.read()
            problem = self._problems.get(self.path)
            if problem is not None:
                raise StoreError(f"{problem}; not overwritten: fix or delete the file")
            state.update({key: value for key, value in values.items() if value is not None})
            write_atomic(self.path, dumps(state))


def _check_state(table: dict[str, Any]) -> None:
    for key, kind in STATE_TYPES.items():
        if key in table and not isinstance(table[key], kind):
            raise RecordError(f"{key!r} must be a {kind.__name__}, not {type(table[key]).__name__}", (key,))
    if table.get("mode", MODES[0]) not in MODES:
        raise RecordError(f"'mode' must be one of {', '.join(MODES)}", ("mode",))
