"""User data on screen: always plain text, never markup, never escape sequences."""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text

from networkday.domain.text import shown, shown_line


def plain(text: str | None, style: str = "") -> Text:
    """A Text that shows ``text`` literally: ``[b]`` stays ``[b]``, ESC never reaches the terminal,
    a bidi override shows as ``\\u202e`` and a zero-width character takes no place (see ``shown``)."""
    return Text(shown(text or ""), style=style, end="")


def plain_line(text: str | None, style: str = "") -> Text:
    """As ``plain``, folded onto one line for table cells and headers."""
    return Text(shown_line(text or ""), style=style, end="")


def join(*parts: Text | str, sep: str = " · ") -> Text:
    """Joins pieces; literal strings here are the app's own words, added as plain text too."""
    out = Text(end="")
    for part in parts:
        if not part:
            continue
        if out:
            out.append(sep)
        out.append(part if isinstance(part, Text) else Text(part))
    return out


def home_relative(path: str | Path) -> str:
    """``~/…`` for a path in the home directory: shorter, and the same on every machine."""
    text, home = str(path), str(Path.home())
    return "~" + text[len(home) :] if text == home or text.startswith(home + os.sep) else text
