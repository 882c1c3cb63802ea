"""TOML in and out, with every failure turned into a located problem."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import tomli_w

# The compiled build of the parser the standard library ships as tomllib: the same tables
# and the same error messages, in a third of the time. Saving a contact parses twice (the
# file as it is on disk, and the new bytes read back), and a first start parses every file.
from tomli import TOMLDecodeError, loads

from networkday.domain.errors import RecordError
from networkday.storage.locate import locate
from networkday.storage.problems import DataProblem, ProblemError, StoreError

# The two tomli names are passed on: the store reads TOML through this module only.
__all__ = ["ExactFloats", "TOMLDecodeError", "build", "dumps", "inexact_value", "loads", "parse"]

T = TypeVar("T")
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_END = "(at end of document)"


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset; the column counts characters, as the parser and editors do."""
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8", "replace")) + 1


def parse(path: Path, data: bytes, parse_float: Callable[[str], Any] = float) -> tuple[dict[str, Any], str]:
    """Decodes and parses; the text is returned for locating later validation errors.

    ``parse_float`` sees each float's literal (see ``ExactFloats``); it is called for floats only.
    """
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
        table = loads(text.removeprefix("\ufeff"), parse_float=parse_float)
    except RecursionError as error:  # tomli's limits on nesting: its message says which, not where
        line, col = _too_deep_at(text)
        raise ProblemError(DataProblem(path, line, col, f"invalid TOML: {error}")) from None
    except TOMLDecodeError as error:
        message = str(error)
        match = _POSITION.search(message)
        if match:
            line, col = int(match.group(1)), int(match.group(2))
        else:  # a truncated file: point at where it stops, not at its first line
            line, col = _line_col(data, len(data)) if _END in message else (1, 1)
        clean = _POSITION.sub("", message).replace(_END, "").strip()
        raise ProblemError(DataProblem(path, line, col, f"invalid TOML: {clean}")) from None
    # Each level of nesting opens with a bracket, a brace or a key's dot: only a file with more
    # of them than the limit can nest past it, and only such a file pays for the walk.
    if data.count(b"[") + data.count(b"{") + data.count(b".") > DEEPEST:
        deep = _deeper_than(table, DEEPEST)
        if deep is not None:
            line, col = locate(text, deep)
            why = f"tables and arrays nested more than {DEEPEST} levels deep (is it damaged?)"
            raise ProblemError(DataProblem(path, line, col, why))
    return table, text


#: tomli's limits: a key of more dotted parts, or arrays and inline tables nested deeper, raise RecursionError.
_KEY_PARTS = 1000
_NESTING = 400
#: The deepest a record may nest, counting every table and array: real files nest three or
#: four levels. tomli reads far deeper (a key's thousand dotted parts in each of 400 inline
#: tables), and every walk over values (a sync's merge, a settle's comparison, a copy, ``repr``,
#: JSON, a save) recurses once or more a level, inside the app's own stack.
DEEPEST = 100


def _deeper_than(table: dict[str, Any], limit: int) -> tuple[str | int, ...] | None:
    """The keys down to the deepest value, when it is nested more than ``limit`` levels; else None.

    The deepest, so the path reaches the end of the key or header that nests so (``locate``
    finds a line by a path at least as long as its key). A loop, not a recursion: the walk
    that guards the recursive ones cannot end in a RecursionError itself. Each value keeps a
    link to its parent's (key, link), so a path is spelled out only for the one value found.
    """
    Link = tuple[str | int, Any] | None
    stack: list[tuple[Any, int, Link]] = [(table, 0, None)]
    deepest: tuple[int, Link] = (0, None)
    while stack:
        value, depth, link = stack.pop()
        if depth > deepest[0]:
            deepest = depth, link
        pairs = value.items() if isinstance(value, dict) else enumerate(value)
        stack.extend((child, depth + 1, (key, link)) for key, child in pairs if isinstance(child, dict | list))
    if deepest[0] <= limit:
        return None
    keys: list[str | int] = []
    link = deepest[1]
    while link is not None:
        key, link = link
        keys.append(key)
    return tuple(reversed(keys))


def _too_deep_at(text: str) -> tuple[int, int]:
    """Where a document first nests past tomli's limits, for a file tomli refused with RecursionError.

    Only this rare error path pays for the walk. It skips strings and comments roughly
    (enough to point an editor at the right line); a key's parts are counted by its dots.
    """
    depth, dots, quote, line, start = 0, 0, "", 1, 0
    for offset, char in enumerate(text):
        if quote:
            if char == quote and text[offset - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            quote = "\n"
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == ".":
            dots += 1
        if char == "\n":
            line, start, dots = line + 1, offset + 1, 0
            quote = "" if quote == "\n" else quote
        if depth > _NESTING or dots >= _KEY_PARTS:
            return line, offset - start + 1
    return 1, 1


#: A time with more than six fractional digits, searched in the bytes (a '.' starts it, so the
#: search skips ahead in C: about 20 us over a 12 KB contact); only a match parses again.
_LONG_TIME = re.compile(rb"\.\d{7}")
_LONG_FRACTION = re.compile(r"(?:\d{4}-\d\d-\d\d[Tt ])?\d\d:\d\d:\d\d\.\d{6}(\d+)")


class ExactFloats:
    """A ``parse_float`` for ``parse`` that notes every float literal a Python float cannot
    hold exactly (``3.141592653589793238``), or at all (``1e400``, ``1e-400``): a rewrite
    would write it changed.

    Tomli calls it for float literals only, so a file without floats costs nothing more.
    """

    def __init__(self) -> None:
        self.inexact: list[tuple[str, str]] = []  # the literal, and why a float cannot hold it

    def __call__(self, literal: str) -> float:
        value = float(literal)
        why = _float_loss(literal, value)
        if why:
            self.inexact.append((literal, why))
        return value


#: Where an integer too long for TOML's 64 bits may be, searched in the bytes first (tomli
#: reads any size, and tomli-w writes it back, making a file other TOML readers refuse).
_LONG_INT = re.compile(rb"\d[\d_]{17}|0x[\dA-Fa-f_]{16}|0o[0-7_]{21}|0b[01_]{63}")
_INT_RANGE = range(-(2**63), 2**63)


def inexact_value(path: Path, data: bytes, floats: ExactFloats) -> str | None:
    """Why a rewrite of a file would change a value in it, naming where; None when it would not.

    Python keeps microseconds, so ``12:00:00.123456789`` is read as ``12:00:00.123456``, and
    a float about 17 digits (``floats`` saw the literals when ``data`` was parsed). An integer
    beyond 64 bits is kept, but written back it makes the file invalid TOML. A rewrite would
    write what was kept, changing a value nobody touched, so such a file is left for the user
    to edit. Call it on bytes ``parse`` accepted.
    """
    long_int = _LONG_INT.search(data)
    if not floats.inexact and not long_int and not _LONG_TIME.search(data):
        return None
    text = data.decode("utf-8").removeprefix("\ufeff")
    found = [(text.find(literal), literal, why) for literal, why in floats.inexact]
    if long_int:
        found += [(_int_offset(text, key, value), str(value), _BIG_INT) for key, value in _big_ints(loads(text), ())]
    if _LONG_FRACTION.search(text):
        # Floats are compared by their literals: ``nan`` is not equal to itself as a float.
        table = loads(text, parse_float=str)
        for match in _LONG_FRACTION.finditer(text):
            # The same document without the extra digits: equal when they were a time's (the
            # parser drops them anyway), different when they were part of a string.
            if (
                match.group(1).strip("0")
                and loads(text[: match.start(1)] + text[match.end(1) :], parse_float=str) == table
            ):
                found.append((match.start(), match.group(), "has more than the six fractional digits kept"))
    if not found:
        return None
    offset, value, why = min(found)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return (
        f"{path}:{line}:{column}: {value} {why}, so a save would change it; not saved. Shorten it by hand to edit here"
    )


def _big_ints(value: Any, key: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], int]]:
    """The key paths and values of integers outside TOML's 64-bit range."""
    if isinstance(value, dict):
        return [found for name, item in value.items() for found in _big_ints(item, (*key, name))]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in _big_ints(item, (*key, index))]
    if isinstance(value, int) and value not in _INT_RANGE:
        return [(key, value)]
    return []


_BIG_INT = "is beyond the 64-bit integers TOML allows"


def _int_offset(text: str, key: tuple[str | int, ...], value: int) -> int:
    """Where an integer is written: its key's line, at the number when written in decimal."""
    line, column = locate(text, key)
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    end = text.find("\n", start)
    at = text.find(str(value), start, len(text) if end < 0 else end)
    return at if at >= 0 else start + column - 1


def _float_loss(literal: str, value: float) -> str | None:
    """Why a float changes the number a literal writes, or None when it holds it exactly.

    ``nan``, ``inf`` and ``-0.0`` are held and written back as they are (a NaN's sign, which
    TOML leaves to each reader, is not kept).
    """
    plain = literal.replace("_", "")
    if plain.lstrip("+-") in ("inf", "nan"):
        return None
    if math.isinf(value):
        return "is beyond the largest number a float can hold"
    exact = Decimal(plain)
    if value == 0 and exact != 0:
        return "is nearer zero than a float can hold"
    return None if exact == Decimal(repr(value)) else "is more exact than a float can hold"


def build(path: Path, text: str, make: Callable[[], T]) -> T:
    """Runs a record constructor and locates any RecordError it raises in ``text``."""
    try:
        return make()
    except RecordError as error:
        line, col = locate(text, error.key_path)
        raise ProblemError(DataProblem(path, line, col, error.message)) from None


_BARE_KEY = re.compile(r"\A[A-Za-z0-9_-]+\Z")


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else tomli_w.dumps({name: 0}).removesuffix(" = 0\n")


def _portable(value: Any) -> Any:
    """TOML offsets are whole minutes: an old zone's offset in seconds (LMT) is written as the same instant in UTC."""
    if isinstance(value, datetime):
        offset = value.utcoffset()
        return value.astimezone(UTC) if offset is not None and offset % timedelta(minutes=1) else value
    if isinstance(value, list):
        return [_portable(item) for item in value]
    if isinstance(value, dict):
        return {key: _portable(item) for key, item in value.items()}
    return value


def _has_crlf(value: Any) -> bool:
    if isinstance(value, str):
        return "\r\n" in value
    if isinstance(value, list):
        return any(_has_crlf(item) for item in value)
    if isinstance(value, dict):
        return any(_has_crlf(item) for item in value.values())
    return False


def _plain(values: dict[str, Any]) -> str:
    """Multi-line strings keep notes readable, but tomli-w turns CRLF into LF inside them,
    so a value holding CRLF is written as an escaped one-line string instead."""
    if not any(_has_crlf(value) for value in values.values()):
        return tomli_w.dumps(values, multiline_strings=True)
    return "".join(tomli_w.dumps({key: value}, multiline_strings=not _has_crlf(value)) for key, value in values.items())


def _is_aot(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _document(table: dict[str, Any], prefix: tuple[str, ...], out: list[str]) -> None:
    plain = {k: v for k, v in table.items() if not isinstance(v, dict) and not _is_aot(v)}
    if plain:
        out.append(_plain(plain))
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
    try:
        _document(_portable(table), (), out)
    except RecursionError:  # a table nested hundreds of levels deep, which the file may hold unknown
        raise StoreError("cannot save a record whose tables nest this deeply; edit the file by hand") from None
    try:
        return "".join(out).encode("utf-8")
    except UnicodeEncodeError as error:  # lone surrogates, e.g. from undecodable command-line bytes
        raise StoreError(
            f"cannot save text that is not valid Unicode: {error.object[error.start : error.end]!r}"
        ) from None
