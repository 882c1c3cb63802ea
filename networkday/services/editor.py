"""Editing text in the person's own editor: ``$VISUAL``, then ``$EDITOR``, then ``vi``.

``journal --edit`` and the app's message templates both use it (the app suspends itself
around it), so it sits below both.

The text goes through a 0600 file in a private 0700 temporary folder, and the folder is
removed afterwards whatever happens (a failing editor, an exception, Ctrl-C). The editor
setting is split the way a shell would split it (``shlex``), so ``code --wait`` or a path
with quoted spaces works, but it is never run through a shell: nothing in the setting or
the file name is interpreted.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

FALLBACK = "vi"


class EditorError(Exception):
    """The editor could not be used; ``code`` is 2 when it cannot be started, 1 when its text is not taken."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The editor to run, as an argument list."""
    env = os.environ if environ is None else environ
    for key in ("VISUAL", "EDITOR"):
        value = env.get(key, "")
        try:
            parts = shlex.split(value)
        except ValueError as error:
            raise EditorError(f"${key} {value!r} cannot be read as a command: {error}", 2) from None
        if parts:
            return parts
    return [FALLBACK]


def edit_text(text: str, name: str, environ: Mapping[str, str] | None = None) -> str:
    """Opens ``text`` in the editor as a file called ``name`` and returns what was saved.

    Raises EditorError when the editor cannot be started (exit 2), fails, removes the
    file, or leaves bytes that are not UTF-8 (exit 1).
    """
    command = editor_command(environ)
    with tempfile.TemporaryDirectory(prefix="networkday-") as folder:
        path = Path(folder) / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(text.encode("utf-8"))
        try:
            status = subprocess.run([*command, str(path)], check=False).returncode
        except OSError as error:
            raise EditorError(
                f"cannot start the editor {command[0]!r}: {error.strerror}; set $VISUAL or $EDITOR", 2
            ) from None
        if status != 0:
            raise EditorError(f"the editor {command[0]!r} exited with status {status}; nothing was saved")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise EditorError("the editor removed the file; nothing was saved") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EditorError(f"the edited text is not UTF-8 (byte {error.start}); nothing was saved") from None
