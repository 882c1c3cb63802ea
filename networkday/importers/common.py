"""What every importer shares: opening a file it was promised, and streaming CSV rows safely.

A file that cannot be what the user said (missing, empty, binary, the wrong header)
fails at once with one line naming it, before anything is written. Inside a good file,
a broken or oversized row is reported with its line number and the rest still comes in.
Rows are read one at a time, so a file of any size is read in the same memory.
"""

from __future__ import annotations

import codecs
import csv
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

from networkday.domain.import_limits import fit
from networkday.domain.incoming import Listing, Record, Skipped

T = TypeVar("T")
#: How much of a file is looked at to tell text from binary and find the encoding.
HEAD_BYTES = 8192


class ImportFormatError(Exception):
    """The whole file cannot be imported; the message is one line that names it."""


#: Longest CSV row read (a quoted field may span lines): a longer one is skipped unread.
MAX_ROW = 1_000_000
#: The header may be wider: Google adds columns as far as its busiest contact needs.
MAX_HEADER = 16_000_000
#: How much is read at a time past a row too long to keep.
CHUNK = 65_536


class ParsedSource:
    """A file being read into records, one at a time, ready for ``services.importer.import_source``.

    Building one reads the file as far as its header (or first card), so a file that is
    not what the user said fails with ImportFormatError before the data folder is
    touched. Iterating then reads the rest row by row: memory stays the same whatever the
    file's size. ``rows``, ``skipped`` and ``warnings`` grow as it goes.
    """

    def __init__(self, kind: str, path: Path, reader: Callable[[ParsedSource], Iterator[Record | None]]) -> None:
        self.kind = kind
        self.path = path
        #: Rows (or cards) read so far: those kept and those skipped.
        self.rows = 0
        self.skipped = Listing()
        #: Something left out of a row that was still imported (an unreadable date, a field cut).
        self.warnings = Listing()
        #: Why the file could not be read to its end (a disk error, a UTF-16 file cut mid-character).
        self.stopped: str | None = None
        self._stream: BinaryIO | None = None
        #: The file's size in bytes (at least 1), known once it is open.
        self.size = 1
        self._records = reader(self)
        try:
            next(self._records, None)  # the reader yields None once the file is known to be its kind
        except (OSError, UnicodeError) as error:
            raise ImportFormatError(f"{path}: cannot be read: {_reason(error)}") from None

    def __iter__(self) -> Iterator[Record]:
        """The records; a read that fails part-way ends them and says where in ``stopped``."""
        at = 0
        try:
            for record in self._records:
                if record is not None:
                    yield record
                    at = self._position()
        except (OSError, UnicodeError) as error:
            self.stopped = f"{self.path}: the rest of the file, from byte {at:,} on, cannot be read: {_reason(error)}"

    def _position(self) -> int:
        stream = self._stream
        return stream.tell() if stream is not None and not stream.closed else 0

    def opened(self, stream: TextIO) -> TextIO:
        """Called by readers with the file they read, so ``fraction`` can follow it."""
        self._stream = stream.buffer
        self.size = max(os.fstat(stream.fileno()).st_size, 1)
        return stream

    @property
    def fraction(self) -> float:
        """How much of the file has been read, from 0 to 1, for progress."""
        return min(self._position() / self.size, 1.0)

    def skip(self, item: Skipped) -> None:
        """A row left out."""
        self.rows += 1
        self.skipped.add(item)

    def warn(self, line: int, reason: str) -> None:
        self.warnings.add(Skipped(line, reason))

    def keep(self, record: Record) -> Record | None:
        """The record cut to the import limits, or None when it cannot become a contact (skipped)."""
        problem = record.problem()
        if problem:
            self.skip(Skipped(record.line, problem))
            return None
        self.rows += 1
        for reason in fit(record):
            self.warn(record.line, reason)
        garbled = record.misencoded()
        if garbled:
            self.warn(record.line, f"{garbled!r} looks mis-encoded (UTF-8 read as Windows-1252); kept as written")
        return record


def _reason(error: OSError | UnicodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"{error.reason} in {error.encoding} text"
    return str(getattr(error, "strerror", None) or error)


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


def open_text(source: ParsedSource, what: str) -> TextIO:
    """The file as text; bytes that are not UTF-8 survive as surrogates, for the row to be skipped."""
    path = source.path
    encoding = text_encoding(path, read_head(path), what)
    try:
        return source.opened(path.open(encoding=encoding, errors="surrogateescape", newline=""))
    except OSError as error:
        raise ImportFormatError(f"{path}: cannot be read: {error.strerror or error}") from None


@dataclass
class Row:
    line: int
    cells: list[str]

    @property
    def blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


class RowTooLong(Exception):
    """Raised through csv.reader by ``LineFeed``: the row it was reading is dropped."""


class LineFeed:
    """A file's lines for csv.reader, counted, and never more than ``limit`` characters for one row.

    A longer row is read past in pieces and never held whole; csv.reader then starts
    afresh at the next line.
    """

    def __init__(self, stream: TextIO, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        #: Lines read so far.
        self.line = 0
        #: Characters of the current row so far.
        self.used = 0

    def __iter__(self) -> LineFeed:
        return self

    def __next__(self) -> str:
        room = self.limit - self.used
        text = self.stream.readline(room + 1)
        if not text:
            raise StopIteration
        self.line += 1
        if len(text) > room:
            while text and not text.endswith(("\n", "\r")):
                text = self.stream.readline(CHUNK)
            raise RowTooLong
        self.used += len(text)
        return text


def csv_rows(feed: LineFeed) -> Iterator[Row | Skipped]:
    """Rows with the line each starts on; a row the csv module or the decoder rejects is skipped.

    A quoted field may hold newlines, so a row's line is the one after where the previous
    row ended, not a count of rows.
    """
    # A cell may fill its row: the limits per field then cut it, rather than the csv module's
    # own 131,072 characters skipping the person (the row limit already bounds a cell).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_HEADER))
    reader = csv.reader(feed)
    while True:
        start = feed.line + 1
        feed.used = 0
        try:
            cells = next(reader)
        except StopIteration:
            return
        except RowTooLong:
            yield Skipped(start, f"the row is longer than {feed.limit:,} characters; not read")
            continue
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
    read_row: Callable[[Row, T], Record | None],
) -> Iterator[Record | None]:
    """A ParsedSource's reader for CSV: finds the header (``header`` returns the layout and its
    width, or raises ImportFormatError), yields None, then the record of every row of the
    header's width; other rows are skipped, blank ones ignored.
    """
    with open_text(source, what) as stream:
        feed = LineFeed(stream, MAX_HEADER)
        rows = csv_rows(feed)
        layout, width = header(rows)
        feed.limit = MAX_ROW
        yield None
        for item in rows:
            if isinstance(item, Row) and item.blank:
                continue
            wrong = check_width(item, width) if isinstance(item, Row) else item
            if wrong is not None:
                source.skip(wrong)
            elif isinstance(item, Row):
                record = read_row(item, layout)
                if record is not None:
                    yield record


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
