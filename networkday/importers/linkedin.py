"""LinkedIn's Connections.csv: note lines, then a header, then one row per connection.

Both layouts LinkedIn has shipped are read by column name: with the profile ``URL``
column and without it. The profile link goes into ``links``; the connection date goes
into ``connected``: it says how long you have known them, not when you last talked, so
an imported person stays "never contacted" until a touch is logged.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path

from networkday.domain.incoming import Record, Skipped
from networkday.importers.common import ImportFormatError, ParsedSource, Row, header_keys, read_csv

WHAT = "a LinkedIn connections export (Connections.csv)"
#: LinkedIn writes a few note lines before the header; a file without it this far in is not an export.
HEADER_WITHIN = 10
_COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected",
}
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}


def parse(path: Path) -> ParsedSource:
    """The file, read as far as its header; raises ImportFormatError when it is not a LinkedIn export."""
    return ParsedSource(
        "linkedin",
        path,
        lambda source: read_csv(source, WHAT, lambda rows: _find_header(path, rows), partial(_read_row, source)),
    )


def _find_header(path: Path, rows: Iterator[Row | Skipped]) -> tuple[dict[str, int], int]:
    for item in rows:
        if isinstance(item, Row):
            keys = header_keys(item.cells)
            if "first name" in keys and "last name" in keys:
                columns = {_COLUMNS[key]: index for index, key in enumerate(keys) if key in _COLUMNS}
                return columns, len(item.cells)
        if item.line >= HEADER_WITHIN:
            break
    reason = f"no 'First Name,Last Name,…' header in its first {HEADER_WITHIN} lines"
    raise ImportFormatError(f"{path}: not {WHAT}: {reason}")


def _read_row(source: ParsedSource, row: Row, columns: dict[str, int]) -> Record | None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row.cells[index].strip() if index is not None else ""

    record = Record(
        line=row.line,
        name=f"{cell('first')} {cell('last')}",
        given=cell("first"),
        family=cell("last"),
        company=cell("company"),
        title=cell("position"),
        email=[cell("email")],
        links=[cell("url")],
    )
    connected = cell("connected")
    if connected:
        day = parse_connected(connected)
        if day is None:
            source.warn(row.line, f"'Connected On' {connected!r} is not a date like 07 Dec 2025; left out")
        else:
            record.connected = day
    if not record.name:
        source.skip(Skipped(row.line, "no name or email: LinkedIn leaves them out for some members"))
        return None
    return source.keep(record)


def parse_connected(text: str) -> date | None:
    """``07 Dec 2025`` or ``1 Jan 2026`` (English month names whatever the locale), or ISO."""
    parts = text.split()
    try:
        if len(parts) == 3 and parts[1][:3].casefold() in _MONTHS:
            return date(int(parts[2]), _MONTHS[parts[1][:3].casefold()], int(parts[0]))
        return date.fromisoformat(text.strip())
    except ValueError:
        return None
