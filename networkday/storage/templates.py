"""Message templates: the plain text files in ``<data dir>/templates/``, read by name, and the defaults.

A template is ``<name>.txt``, UTF-8 text the user writes and owns. networkday writes
templates only once, when the folder has no ``templates/`` at all (a new folder, or one
from before templates existed): then it makes the folder and the missing defaults. A
default the user deleted or changed is never written again, since the folder is there
from then on; removing the whole folder brings the defaults back at the next start.
A file is never replaced: each default is written only where no file of that name is.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from networkday.storage.atomic import ABSENT, ChangedMeanwhile, ensure_dir, write_atomic
from networkday.storage.problems import DataProblem, ProblemError, StoreError

TEMPLATES_DIR = "templates"
#: The templates a new folder starts with, shipped inside the package as the files they become.
DEFAULTS_DIR = Path(__file__).parent / "default_templates"
SUFFIX = ".txt"
#: A message is a few hundred bytes; anything far bigger is not a template.
MAX_TEMPLATE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Template:
    """One template file as read: its name (the file stem), path and text."""

    name: str
    path: Path
    text: str


def templates_dir(root: Path) -> Path:
    return root / TEMPLATES_DIR


def write_defaults(root: Path) -> list[Path]:
    """Writes the default templates when ``templates/`` does not exist yet; returns the files written.

    An existing folder, even an empty one, is the user's choice and is left alone. Each
    file is written only if still absent when it is renamed into place (another process
    starting at the same moment writes the same text; a file made meanwhile is kept).
    """
    folder = templates_dir(root)
    if os.path.lexists(folder):
        return []
    ensure_dir(folder)
    written = []
    for source in sorted(DEFAULTS_DIR.glob(f"*{SUFFIX}")):
        path = folder / source.name
        with contextlib.suppress(ChangedMeanwhile):
            write_atomic(path, source.read_bytes(), expect=ABSENT)
            written.append(path)
    return written


def template_names(root: Path) -> list[str]:
    """The templates' names, sorted: every ``*.txt`` file (hidden and temp files left out)."""
    folder = templates_dir(root)
    try:
        with os.scandir(folder) as entries:
            names = [
                entry.name.removesuffix(SUFFIX)
                for entry in entries
                if entry.name.endswith(SUFFIX) and not entry.name.startswith(".") and len(entry.name) > len(SUFFIX)
            ]
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreError(f"{folder}: the templates cannot be listed: {error.strerror or error}") from None
    return sorted(names)


def read_templates(root: Path) -> tuple[list[Template], list[DataProblem]]:
    """Every template that can be read, and a located problem for each that cannot."""
    found: list[Template] = []
    problems: list[DataProblem] = []
    for name in template_names(root):
        try:
            found.append(read_template(root, name))
        except ProblemError as error:
            problems.append(error.problem)
    return found, problems


def read_template(root: Path, name: str) -> Template:
    """The template called ``name``; StoreError when there is none, ProblemError when it cannot be read.

    The name is looked up among the folder's files, never joined into a path, so no name
    (``../config``, an absolute path) reaches a file outside ``templates/``.
    """
    if name not in template_names(root):
        raise StoreError(f"no template called {name!r} in {templates_dir(root)}")
    path = templates_dir(root) / f"{name}{SUFFIX}"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise ProblemError(DataProblem(path, 1, 1, f"cannot read the template: {error.strerror or error}")) from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ProblemError(DataProblem(path, 1, 1, f"a template must be under {MAX_TEMPLATE_BYTES // 1024} KB"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ProblemError(DataProblem(path, line, column, "not UTF-8 text; save it as UTF-8")) from None
    return Template(name, path, text.removeprefix("\ufeff"))
