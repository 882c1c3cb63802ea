"""Closing a data folder to other users after a tool that keeps no modes (a ``git clone``) made it.

networkday writes 0600 files in 0700 folders, but git records no permissions beyond the
executable bit: a clone on another machine is made with the umask, usually 0644 and 0755,
and the scan would then warn about every folder. ``sync init`` adopting such a clone closes
it here, as the person would with ``chmod -R go-rwx``. Symbolic links are not followed (their
target may be anyone's), and of ``.git`` only the folder itself is closed, which already
keeps everything in it from other users.
"""

from __future__ import annotations

import os
from pathlib import Path

from networkday.storage.atomic import OPEN_BITS, too_open


def close_to_others(root: Path) -> int:
    """Drops group and others' bits from the folder, its folders and files; how many it changed."""
    changed = 0
    for folder, folders, files in os.walk(root):
        if Path(folder) == root and ".git" in folders:
            folders.remove(".git")
            changed += _close(Path(folder) / ".git")
        changed += _close(Path(folder))
        for name in files:
            changed += _close(Path(folder) / name)
    return changed


def _close(path: Path) -> int:
    try:
        mode = path.lstat().st_mode
        if path.is_symlink() or not too_open(mode):
            return 0
        os.chmod(path, mode & ~OPEN_BITS & 0o7777)
    except OSError:  # not ours to change, or gone meanwhile: the scan still warns about it
        return 0
    return 1
