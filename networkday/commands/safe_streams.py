"""Every command's stdout and stderr: user text is shown, never run by the terminal."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TextIO

from networkday.domain.text import escape_output


class SafeStream(io.TextIOBase):
    """A text stream that escapes controls and bidi controls on their way to ``inner``.

    Names, notes and file names reach many lines of many commands; escaping them here, where
    every print passes, leaves none out. ``raw`` is for the few writes of the app's own
    control characters (the progress line's carriage return).
    """

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.raw = inner

    def write(self, text: str) -> int:
        """Writes ``text`` escaped; a character the stream's encoding lacks (a CJK name under a
        Latin-1 locale) is written as its escape too, rather than ending the command."""
        safe = escape_output(text)
        try:
            self.raw.write(safe)
        except UnicodeEncodeError:
            self.raw.write(safe.encode(self.encoding, "backslashreplace").decode(self.encoding))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]  # read-only here: the wrapped stream's encoding
        return getattr(self.raw, "encoding", None) or "utf-8"


@contextmanager
def safe_streams() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` escaped for the duration, then as they were."""
    stdout, stderr = sys.stdout, sys.stderr
    safe = SafeStream(stdout), SafeStream(stderr)
    sys.stdout, sys.stderr = safe
    try:
        yield
    finally:
        for stream in safe:
            with suppress(BrokenPipeError, ValueError):  # a closed pipe or stream: nothing left to say
                stream.flush()
        sys.stdout, sys.stderr = stdout, stderr


@contextmanager
def raw_streams() -> Iterator[None]:
    """The streams under ``safe_streams`` for the duration: for the app, which draws with
    escape sequences and shows user data only through its own plain text (ui/plain.py),
    and whose crash report is coloured."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = raw_stream(stdout), raw_stream(stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under a SafeStream, for the app's own control characters."""
    return stream.raw if isinstance(stream, SafeStream) else stream
