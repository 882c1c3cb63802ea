"""The person's editor for the commands: ``services.editor``, its failures as one-line command errors.

The editor itself lives in ``services.editor``, below the commands and the app, which both
open it (``journal --edit``, ``edit``, and a message template in the app).
"""

from __future__ import annotations

from collections.abc import Mapping

from networkday.commands.common import CommandError
from networkday.services import editor


def edit_text(text: str, name: str, environ: Mapping[str, str] | None = None) -> str:
    """``services.editor.edit_text``; a failure is a CommandError with the same exit code (2: no editor)."""
    try:
        return editor.edit_text(text, name, environ)
    except editor.EditorError as error:
        raise CommandError(str(error), error.code) from None
