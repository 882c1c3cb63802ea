"""The files networkday itself wrote last, kept as a hint in the folder lock's own file.

Every networkday writer holds the folder lock while it writes, and writes by rename, so
a file that is still exactly as a networkday write left it (same device, inode, size and
mtime) is whole, and a rewrite may trust it at once. Only another program (an editor
saving in place, a sync) can leave a file half-written; ``settle.read_settled`` waits for
those. The lock file holds one line per recent write, the last ``KEEP`` of them: read and
written only under the lock, never fsynced (a hint lost in a crash only costs a wait).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence

#: How many writes the hint remembers: the last saves of a session, a few KB.
KEEP = 256
#: Enough to read the whole hint (a line is under 80 bytes).
_MOST = 32 * 1024


def _line(stat: os.stat_result) -> bytes:
    return b"%d %d %d %d\n" % (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def note_written(lock_fd: int, stats: Sequence[os.stat_result]) -> None:
    """Adds the files just written (their stats after the rename) to the hint in the open lock file.

    The files are saved by then, so a failure here (a full disk) is not the save's: it is
    ignored, and a later rewrite of those files only waits for them to settle.
    """
    new = [_line(stat) for stat in stats[-KEEP:]]
    if not new:
        return
    with contextlib.suppress(OSError):
        old = [line for line in os.pread(lock_fd, _MOST, 0).splitlines(keepends=True) if line.endswith(b"\n")]
        data = b"".join(old[max(len(old) + len(new) - KEEP, 0) :] + new)
        os.pwrite(lock_fd, data, 0)
        os.ftruncate(lock_fd, len(data))


def written_here(lock_fd: int, stat: os.stat_result) -> bool:
    """Whether the file with this stat is exactly as a networkday write left it; False when unsure."""
    try:
        return b"\n" + _line(stat) in b"\n" + os.pread(lock_fd, _MOST, 0)
    except OSError:
        return False
