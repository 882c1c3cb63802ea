"""Checks for what people type into forms and commands."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\".]{2,}$")
_SAFE_LINK = re.compile(r"^(https://[^\s\x00-\x1f]+|mailto:[^\s\x00-\x1f]+)$", re.IGNORECASE)


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def safe_link(text: str) -> bool:
    """Only https and mailto links are ever opened or shown as hyperlinks."""
    return bool(_SAFE_LINK.match(text.strip()))
