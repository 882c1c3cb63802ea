"""TOML in and out, with every failure turned into a located problem."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import tomli_w

from networkday.domain.errors import RecordError
from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem, ProblemError

T = TypeVar("T")
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    return line, offset - (before.rfind(b"\n") + 1) + 1


def parse(path: Path, data: bytes) -> tuple[dict[str, Any], str]:
    """Decodes and parses; the text is returned for locating later validation errors."""
    if not data.strip():
        raise ProblemError(DataProblem(path, 1, 1, "the file is empty"))
    if b"\x00" in data:
        line, col = _line_col(data, data.index(b"\x00"))
        raise ProblemError(DataProblem(path, line, col, "the file holds NUL bytes (is it damaged?)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _line_col(data, error.start)
        raise ProblemError(DataProblem(path, line, col, "the file is not valid UTF-8")) from None
    try:
        return tomllib.loads(text.removeprefix("\ufeff")), text
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _POSITION.search(message)
        line, col = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        clean = _POSITION.sub("", message).strip()
        raise ProblemError(DataProblem(path, line, col, f"invalid TOML: {clean}")) from None


def build(path: Path, text: str, make: Callable[[], T]) -> T:
    """Runs a record constructor and locates any RecordError it raises in ``text``."""
    try:
        return make()
    except RecordError as error:
        line, col = locate(text, error.key_path)
        raise ProblemError(DataProblem(path, line, col, error.message)) from None


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else tomli_w.dumps({name: 0}).split(" = ")[0]


def _is_aot(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _document(table: dict[str, Any], prefix: tuple[str, ...], out: list[str]) -> None:
    plain = {k: v for k, v in table.items() if not isinstance(v, dict) and not _is_aot(v)}
    if plain:
        out.append(tomli_w.dumps(plain, multiline_strings=True))
    for name, value in table.items():
        path = (*prefix, _key(name))
        if isinstance(value, dict):
            out.append(f"\n[{'.'.join(path)}]\n")
            _document(value, path, out)
        elif _is_aot(value):
            for item in value:
                out.append(f"\n[[{'.'.join(path)}]]\n")
                _document(item, path, out)


def dumps(table: dict[str, Any]) -> bytes:
    """Serialises fully in memory first: tomli-w can fail halfway through a document.

    Arrays of tables are always written as ``[[log]]`` sections, never as inline tables,
    because people read, edit and diff these files by hand.
    """
    out: list[str] = []
    _document(table, (), out)
    return "".join(out).encode("utf-8")
