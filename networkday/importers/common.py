"""What every importer shares: opening a file it was promised, and reading CSV rows safely.

A file that cannot be what the user said (missing, empty, binary, the wrong header)
fails at once with one line naming it, before anything is written. Inside a good file,
a broken row is reported with its line number and the rest still comes in.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, TypeVar

from networkday.domain.incoming import Record, Skipped

T = TypeVar("T")
#: How much of a file is looked at to tell text from binary and find the encoding.
HEAD_BYTES = 8192


class ImportFormatError(Exception):
    """The whole file cannot be imported; the message is one line that names it."""


@dataclass
class ParsedSource:
    """A file read into records, ready for ``services.importer.import_source``."""

    kind: str
    path: Path
    records: list[Record] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: Something left out of a row that was still imported (an unreadable date).
    warnings: list[Skipped] = field(default_factory=list)

    @property
    def rows(self) -> int:
        """Rows (or cards) read: the ones imported and the ones skipped."""
        return len(self.records) + len(self.skipped)

    def keep(self, record: Record) -> None:
        """Adds a record, or skips it when it cannot become a contact."""
        problem = record.problem()
        if problem:
            self.skipped.append(Skipped(record.line, problem))
            return
        self.records.append(record)
        garbled = record.misencoded()
        if garbled:
            reason = f"{garbled!r} looks mis-encoded (UTF-8 read as Windows-1252); kept as written"
            self.warnings.append(Skipped(record.line, reason))


def read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES)
    except IsADirectoryError:
        raise ImportFormatError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise ImportFormatError(f"{path}: cannot be read: {error.strerror or error}") from None
    if not head.strip():
        raise ImportFormatError(f"{path}: the file is empty")
    return head


def text_encoding(path: Path, head: bytes, what: str) -> str:
    """UTF-8 with or without a BOM, or UTF-16 with one; a file with NUL bytes is binary."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise ImportFormatError(f"{path}: is a binary file, not {what}")
    return "utf-8-sig"


def open_text(path: Path, what: str) -> TextIO:
    """The file as text; bytes that are not UTF-8 survive as surrogates, for the row to be skipped."""
    encoding = text_encoding(path, read_head(path), what)
    return path.open(encoding=encoding, errors="surrogateescape", newline="")


@dataclass
class Row:
    line: int
    cells: list[str]

    @property
    def blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


def csv_rows(stream: TextIO) -> Iterator[Row | Skipped]:
    """Rows with the line each starts on; a row the csv module or the decoder rejects is skipped.

    A quoted field may hold newlines, so a row's line is the one after where the previous
    row ended, not a count of rows.
    """
    reader = csv.reader(stream)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Skipped(start, f"cannot be read as CSV: {error}")
            continue
        if any(_undecodable(cell) for cell in cells):
            yield Skipped(start, "holds bytes that are not UTF-8 text (save the file as UTF-8)")
        elif any("\x00" in cell for cell in cells):
            yield Skipped(start, "holds NUL bytes (is the file damaged?)")
        else:
            yield Row(start, cells)


def _undecodable(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def header_keys(cells: list[str]) -> list[str]:
    """Header cells compared without case or surrounding spaces."""
    return [" ".join(cell.split()).casefold() for cell in cells]


def read_csv(
    source: ParsedSource,
    what: str,
    header: Callable[[Iterator[Row | Skipped]], tuple[T, int]],
    read_row: Callable[[Row, T], None],
) -> ParsedSource:
    """Finds the header (``header`` returns the layout and its width, or raises ImportFormatError),
    then hands every row of the header's width to ``read_row``; other rows are skipped, blank ones ignored.
    """
    with open_text(source.path, what) as stream:
        rows = csv_rows(stream)
        layout, width = header(rows)
        for item in rows:
            if isinstance(item, Row) and item.blank:
                continue
            wrong = check_width(item, width) if isinstance(item, Row) else item
            if wrong is not None:
                source.skipped.append(wrong)
            elif isinstance(item, Row):
                read_row(item, layout)
    return source


def check_width(row: Row, width: int) -> Skipped | None:
    """A row with fewer fields than the header was cut short; more means a stray comma."""
    cells = row.cells
    if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
        del cells[width:]
    if len(cells) < width:
        return Skipped(row.line, f"has {len(cells)} of the header's {width} fields (is the file cut short?)")
    if len(cells) > width:
        return Skipped(row.line, f"has {len(cells)} fields but the header has {width} (a comma outside quotes?)")
    return None
