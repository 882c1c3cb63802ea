"""Standard input as a file an importer can read, for `networkday import KIND -`."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: The FILE that names standard input, as for most command-line tools.
STDIN = "-"
#: How standard input is named in messages and in the import's summary.
SHOWN = "standard input"
#: Bytes copied at a time: memory stays flat whatever comes down the pipe.
_CHUNK = 1 << 20


@contextmanager
def readable(path: Path) -> Iterator[Path]:
    """``path`` itself, or for ``-`` what standard input holds, copied to a private temporary file.

    An importer reads its file twice (the head, to know its kind and encoding, then row by
    row) and measures it for progress; a pipe allows neither. So standard input is copied
    in chunks to a file named ``standard input`` in a new 0700 folder, removed with it once
    the import is done, whatever happened.
    """
    if str(path) != STDIN:
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="networkday-import-"))
    try:
        spool = folder / SHOWN
        with os.fdopen(os.open(spool, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as copy:
            shutil.copyfileobj(sys.stdin.buffer, copy, _CHUNK)
        yield spool
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def shown(text: str, given: Path, read: Path) -> str:
    """``text`` naming the file as the person gave it: ``standard input`` for the copy ``readable`` made."""
    return text.replace(str(read), SHOWN) if read != given else text
