"""What the tests of the store's write path share: files as a user leaves them, a command run in-process."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.storage import atomic
from networkday.storage.store import Store


def private_file(path: Path, data: bytes | str) -> Path:
    """Writes a file as the store would leave it (0600), so no warning about its mode is printed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    path.chmod(0o600)
    return path


def log_talked(store: Store, capsys: pytest.CaptureFixture[str], contact_id: str = "ada") -> tuple[int, str]:
    """Runs ``networkday log CONTACT talked``; its exit code and what it printed on stderr."""
    code = main(["log", contact_id, "talked", "--data-dir", str(store.root)])
    return code, capsys.readouterr().err


def full_disk_for(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Saving ``path`` fails as on a full disk, at the rename that would replace it; other files save."""
    real_replace = os.replace

    def replace(source, target, *args, **kwargs):
        if str(target) == str(path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "replace", replace)
