"""Theme files: the built-in ones shipped with the app and the user's own in ``<data dir>/themes/``.

Themes are app resources and settings, not user data, so they are only read here: never
written. Each file is parsed and its keys and types checked; the UI turns what passes into
Textual themes (checking the colours, which needs Textual) and shows every problem with its
file, line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from networkday.domain.errors import KeyPath, RecordError
from networkday.domain.fields import TableReader
from networkday.storage.codec import build, parse
from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem, ProblemError

#: The folder under the data folder where users drop their own theme files.
USER_THEMES_DIR = "themes"
#: A theme file is a few dozen lines; anything far bigger is not a theme.
MAX_THEME_BYTES = 64 * 1024
#: Theme names become CSS class names and config values: keep them plain.
THEME_NAME = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_-]{0,47}\Z")
#: The colour keys of a theme, as Textual names them.
COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)


@dataclass(frozen=True)
class ThemeFile:
    """One theme file that parsed and has the right keys and types."""

    path: Path
    values: dict[str, Any]
    text: str

    def problem(self, key_path: KeyPath, message: str) -> DataProblem:
        """A problem found later (a colour Textual cannot read), located in this file."""
        line, column = locate(self.text, key_path)
        return DataProblem(self.path, line, column, message)


def user_themes_dir(root: Path) -> Path:
    return root / USER_THEMES_DIR


def read_theme_folder(folder: Path) -> tuple[list[ThemeFile], list[DataProblem]]:
    """Every ``*.toml`` in ``folder``, by name; a missing folder simply has no themes."""
    themes: list[ThemeFile] = []
    problems: list[DataProblem] = []
    try:
        paths = sorted(path for path in folder.glob("*.toml") if path.is_file())
    except OSError:
        return themes, problems
    for path in paths:
        try:
            themes.append(read_theme_file(path))
        except ProblemError as error:
            problems.append(error.problem)
    return themes, problems


def read_theme_file(path: Path) -> ThemeFile:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_THEME_BYTES + 1)
    except OSError as error:
        raise ProblemError(DataProblem(path, 1, 1, f"cannot read the theme: {error.strerror}")) from None
    if len(data) > MAX_THEME_BYTES:
        raise ProblemError(DataProblem(path, 1, 1, f"a theme file must be under {MAX_THEME_BYTES // 1024} KB"))
    table, text = parse(path, data)
    values = build(path, text, lambda: check_theme_table(table))
    return ThemeFile(path, values, text)


def check_theme_table(table: dict[str, Any]) -> dict[str, Any]:
    """The keys a theme may have, with their types; an unknown key is a typo to report."""
    reader = TableReader(table)
    name = reader.text("name", required=True)
    if not THEME_NAME.match(name):
        raise RecordError("'name' may hold only letters, digits, '-' and '_' (at most 48)", ("name",))
    values: dict[str, Any] = {"name": name, "dark": reader.flag("dark", True), "ansi": reader.flag("ansi")}
    for key in COLOUR_KEYS:
        colour = reader.opt_text(key)
        if colour is not None:
            values[key] = colour
    if "primary" not in values:
        raise RecordError("'primary' is required: every theme needs a main colour", ("primary",))
    for key, default in (("luminosity_spread", 0.15), ("text_alpha", 0.95)):
        number = reader.number(key, default)
        if not 0 <= number <= 1:
            raise RecordError(f"{key!r} must be between 0 and 1", (key,))
        values[key] = number
    variables = reader.table("variables")
    values["variables"] = {}
    if variables is not None:
        for key in variables.data:
            values["variables"][key] = variables.text(key, required=True)
    unknown = sorted(reader.rest())
    if unknown:
        raise RecordError(f"unknown key {unknown[0]!r} in a theme", (unknown[0],))
    return values
