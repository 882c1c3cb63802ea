"""Errors raised by the pure rules; storage turns them into located problems."""

from __future__ import annotations

KeyPath = tuple[str | int, ...]
"""Where in a record a value sits: table keys and array indexes, such as ``("log", 2, "outcome")``."""


class RecordError(ValueError):
    """A record's content breaks the format: a wrong type, a missing name, an unknown outcome.

    ``key_path`` names where the fault is (for example ``("log", 2, "outcome")``) so that
    storage can point at the line and column in the file the user edits by hand.
    """

    def __init__(self, message: str, key_path: KeyPath = ()) -> None:
        super().__init__(message)
        self.message = message
        self.key_path = key_path


class ConflictError(Exception):
    """A change cannot be applied because the same field was changed elsewhere meanwhile."""

    def __init__(self, message: str, fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.fields = fields
