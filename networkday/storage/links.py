"""Record files that are links: a save goes through a link inside the data folder, and
never silently turns a link into a copy.

A rename replaces the name it lands on, so an atomic save over a symbolic link would
leave a regular file where the link was, and one over a hard-linked file would leave
the other names with the old content.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from networkday.storage.problems import StoreError


def save_target(path: Path, root: Path) -> Path:
    """The file a save of ``path`` must replace: ``path`` itself, or the target of a symbolic
    link that stays inside the data folder ``root``.

    A link that leads outside the folder, or nowhere, and a file with more than one hard
    link, are refused with a StoreError that says why and what to do. One ``lstat`` per
    save; nothing is resolved unless the file is a link.
    """
    try:
        seen = os.lstat(path)
    except FileNotFoundError:
        return path
    target = path
    if stat.S_ISLNK(seen.st_mode):
        target = path.resolve()
        try:
            seen = os.stat(target)
        except OSError:
            raise StoreError(f"{path}: a link to {target}, which cannot be opened; not saved") from None
        if not target.is_relative_to(root.resolve()):
            raise StoreError(
                f"{path}: a link to {target}, outside the data folder; not saved. "
                "Edit that file by hand, or put the file itself in its place to edit it here"
            )
    if seen.st_nlink > 1:
        raise StoreError(
            f"{target}: the file has {seen.st_nlink} hard links, which a save would split; not saved. "
            "Replace it with a copy of its own (cp, then mv) to edit it here"
        )
    return target
