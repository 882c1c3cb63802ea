"""Textual themes built from the theme files, and which one to show.

Built-in themes ship in ``themes/``; users add theme files to ``<data dir>/themes/``. A
file that cannot be used is reported with its path, line and column, and the app falls back
to the theme it would have picked without it, so a typo never stops the app or crashes it
later when the stylesheet is applied.

Which theme: the one picked in the command palette (remembered in the app-owned state
file) wins over ``[ui] theme`` in config.toml, which wins over the automatic choice (the
ANSI theme on 16-colour terminals and ``TERM=linux``), which wins over the dark default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
from textual.css.stylesheet import Stylesheet, StylesheetError
from textual.theme import Theme

from networkday.paths import resource
from networkday.storage.problems import DataProblem
from networkday.storage.themes import COLOUR_KEYS, ThemeFile, read_theme_folder

DEFAULT_THEME = "networkday-dark"
ANSI_THEME = "networkday-ansi"
#: Colour systems (as Rich detects them from TERM and COLORTERM) that get the ANSI theme.
FEW_COLOURS = frozenset({None, "standard", "windows"})
_PERCENT = re.compile(r"^(?P<colour>.+?)\s+(?P<percent>\d{1,3}(\.\d+)?)%$")


@dataclass
class LoadedThemes:
    themes: dict[str, Theme] = field(default_factory=dict)
    problems: list[DataProblem] = field(default_factory=list)


def load_themes(
    user_dir: Path,
    app_variables: Mapping[str, str] | None = None,
    stylesheet: Stylesheet | None = None,
) -> LoadedThemes:
    """The built-in themes, then the user's (which may replace a built-in of the same name).

    With the app's ``stylesheet``, each user theme is also tried against it, so that no
    value that passed the checks here can still break the styles once the theme is applied.
    """
    app_variables = app_variables or {}
    known = reference_variables(app_variables)
    loaded = LoadedThemes()
    for folder, trusted in ((resource("themes"), True), (user_dir, False)):
        files, problems = read_theme_folder(folder)
        loaded.problems.extend(problems)
        for theme_file in files:
            problem = check_theme(theme_file, known)
            theme = make_theme(theme_file.values)
            tried = problem is None and not trusted
            if tried and stylesheet is not None and not works_with(stylesheet, theme_variables(theme, app_variables)):
                problem = theme_file.problem(("variables",), "the theme's values break the app's styles")
            if problem is not None:
                loaded.problems.append(problem)
                continue
            loaded.themes[theme.name] = theme
    return loaded


def make_theme(values: Mapping[str, object]) -> Theme:
    return Theme(**values)  # type: ignore[arg-type]  # keys and types checked in storage.themes


def reference_variables(app_variables: Mapping[str, str]) -> dict[str, str]:
    """Every variable a theme may set, with Textual's default value, which tells its kind."""
    return {**Theme(name="reference", primary="#000000").to_color_system().generate(), **app_variables}


def check_theme(theme_file: ThemeFile, known: Mapping[str, str]) -> DataProblem | None:
    """The first value Textual could not use, located in the file; None when all is well."""
    for key in COLOUR_KEYS:
        value = theme_file.values.get(key)
        if value is not None and not _is_colour(value):
            return theme_file.problem((key,), f"{key!r}: {value!r} is not a colour (try '#4FA3E0' or 'ansi_blue')")
    for name, value in theme_file.values["variables"].items():
        if name not in known:
            return theme_file.problem(("variables", name), f"unknown theme variable {name!r}")
        message = _variable_problem(name, value, known[name])
        if message:
            return theme_file.problem(("variables", name), message)
    return None


def _variable_problem(name: str, value: str, default: str) -> str | None:
    if _is_style(default):
        if not _is_style(value):
            return f"{name!r}: {value!r} is not a text style (use words such as 'bold', 'reverse', 'none')"
        return None
    if not _is_colour(value, with_percent=True):
        return f"{name!r}: {value!r} is not a colour (try '#4FA3E0', 'ansi_blue' or 'auto 87%')"
    return None


def _is_style(value: str) -> bool:
    words = value.split()
    return bool(words) and all(word in VALID_STYLE_FLAGS for word in words)


def _is_colour(value: str, *, with_percent: bool = False) -> bool:
    text = value.strip()
    if with_percent:
        if text == "initial":
            return True
        match = _PERCENT.match(text)
        if match:
            if float(match["percent"]) > 100:
                return False
            text = match["colour"]
        if text == "auto":
            return True
    try:
        Color.parse(text)
    except ColorParseError:
        return False
    return True


def works_with(stylesheet: Stylesheet, variables: Mapping[str, str]) -> bool:
    """Whether the app's stylesheet still parses with these variables: the last guard before use."""
    trial = stylesheet.copy()
    trial.set_variables(dict(variables))
    try:
        trial.reparse()
    except StylesheetError:
        return False
    return True


def theme_variables(theme: Theme, app_variables: Mapping[str, str]) -> dict[str, str]:
    """The variables the app would use with ``theme``, as ``App.get_css_variables`` builds them."""
    return {**app_variables, **theme.to_color_system().generate(), **theme.variables}


def automatic_theme(color_system: str | None, term: str, no_color: bool = False) -> str | None:
    """The ANSI theme where the terminal has 16 colours or fewer (as Textual will draw) or NO_COLOR is set.

    Under NO_COLOR the ANSI theme is drawn in the terminal's default colours with its
    cursor row in reverse video, so not a single colour code is sent.
    """
    if no_color or term == "linux" or color_system in FEW_COLOURS:
        return ANSI_THEME
    return None


def choose_theme(
    available: Mapping[str, Theme],
    remembered: str | None,
    configured: str,
    automatic: str | None,
) -> tuple[str, list[str]]:
    """The theme to start with, and a warning for each choice that could not be honoured."""
    warnings: list[str] = []
    if remembered:
        if remembered in available:
            return remembered, warnings
        warnings.append(f"The theme {remembered!r} picked earlier is not available any more.")
    if configured:
        if configured in available:
            return configured, warnings
        names = ", ".join(sorted(name for name in available if name.startswith("networkday-")))
        warnings.append(f"config.toml [ui] theme: there is no theme {configured!r} (built in: {names}).")
    if automatic and automatic in available:
        return automatic, warnings
    return DEFAULT_THEME if DEFAULT_THEME in available else "textual-dark", warnings
