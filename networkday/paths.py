"""Where the data lives: the one function that decides it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def data_dir(explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """``--data-dir``, else ``$NETWORKDAY_HOME``, else the platform's user data folder."""
    env = os.environ if environ is None else environ
    if explicit:
        return Path(explicit).expanduser()
    if env.get("NETWORKDAY_HOME"):
        return Path(env["NETWORKDAY_HOME"]).expanduser()
    xdg = env.get("XDG_DATA_HOME")
    if xdg and os.name == "posix" and Path(xdg).is_absolute():
        return Path(xdg) / "networkday"
    import platformdirs

    return Path(platformdirs.user_data_dir("networkday", appauthor=False))


_SOURCE_LAYOUT = {"themes": ("themes",), "demo": ("examples", "demo")}


def resource(name: str) -> Path:
    """A folder shipped with the app: ``themes`` or ``demo``.

    The wheel carries them in ``networkday/resources/``; a source checkout has them at the
    top level, where users and reviewers expect to find them.
    """
    installed = Path(__file__).parent / "resources" / name
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent.joinpath(*_SOURCE_LAYOUT[name])
