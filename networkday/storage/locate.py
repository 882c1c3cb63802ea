"""Finds the line and column of a key path in TOML source.

tomllib reports syntax errors with positions but returns plain values, so a wrong type
found later during validation is located here by reading the headers and keys again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from networkday.domain.errors import KeyPath

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return tuple(part.strip("\"'") for part in parts)


def _entries(source: str) -> Iterator[tuple[KeyPath, int, int, bool]]:
    """Each header and key line outside multi-line strings: its full path, line, column, and if a header."""
    current: KeyPath = ()
    counts: dict[KeyPath, int] = {}
    in_multiline: str | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header:
            current = _header_path(_split_key(header.group(2)), header.group(1) == "[[", counts)
            yield current, number, line.index("[") + 1, True
            continue
        key = _KEY.match(line)
        if key:
            yield (*current, *_split_key(key.group(1))), number, len(line) - len(line.lstrip()) + 1, False
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote


def locate(source: str, key_path: KeyPath) -> tuple[int, int]:
    """Returns the 1-based (line, column) of the deepest part of ``key_path`` that is found."""
    best: tuple[int, int, int] = (0, 1, 1)  # depth matched, line, column
    for full, number, column, header in _entries(source):
        depth = _match_depth(full, key_path)
        if depth > best[0] and (header or depth == len(full)):
            best = (depth, number, column)
    return best[1], best[2]


def locate_array(source: str, name: str) -> dict[int, tuple[int, int]]:
    """The (line, column) of each ``[[name]]`` element, by index, in one pass; key -1 is ``name = [...]``.

    Locating each element with ``locate`` reads the whole source once per element, which is
    quadratic in a file holding thousands of them (``check`` on a file full of conflicts).
    """
    found: dict[int, tuple[int, int]] = {}
    for full, number, column, header in _entries(source):
        if header and len(full) == 2 and full[0] == name and isinstance(full[1], int):
            found.setdefault(full[1], (number, column))
        elif not header and full == (name,):
            found[-1] = (number, column)
    return found


def _header_path(names: tuple[str, ...], array: bool, counts: dict[KeyPath, int]) -> KeyPath:
    """The key path a header opens, with the index of each array of tables on the way.

    ``[[opportunity.step]]`` adds a step to the last ``[[opportunity]]`` read, so its path
    is ``("opportunity", 1, "step", 0)``: ``counts`` holds the last index of every array of
    tables by its path, and a new parent element starts its children's count again.
    """
    path: KeyPath = ()
    for name in names[:-1]:
        path = (*path, name)
        if path in counts:
            path = (*path, counts[path])
    path = (*path, names[-1]) if names else path
    if not array:
        return path
    counts[path] = counts.get(path, -1) + 1
    return (*path, counts[path])


def _match_depth(found: KeyPath, wanted: KeyPath) -> int:
    depth = 0
    for a, b in zip(found, wanted, strict=False):
        if a != b:
            return 0 if depth < len(found) else depth
        depth += 1
    return depth if depth == len(found) else 0
