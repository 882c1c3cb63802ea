"""A data folder a sync left conflicts in: a person (a field and a touch's note), a company and a day."""

from __future__ import annotations

import os
import time
from pathlib import Path

#: Ada's file after a merge: her title and one touch's note were changed on both machines.
PERSON = """format = 1
name = "Ada Lovelace"
company = "Acme"
title = "Engineer"

[[log]]
at = 2026-11-20T09:00:00Z
id = "aaaa0001"
channel = "phone"
note = "mine"

[[conflict]]
field = "title"
value = "[b]Countess\\u001b[31m"
from = "origin/main"
at = 2026-11-20T10:00:00Z

[[conflict]]
field = "log[aaaa0001].note"
value = "theirs"
from = "origin/main"
at = 2026-11-20T10:00:00Z
"""

COMPANY = """format = 1
name = "Acme"
website = "https://acme.example"

[[conflict]]
field = "website"
removed = true
from = "laptop"
at = 2026-11-20T10:00:00Z
"""

#: 2026-11-25, the tests' today: its journal rating was changed on both machines.
DAY = """format = 1
date = 2026-11-25

[journal]
rating = 3

[[conflict]]
field = "journal.rating"
value = 5
from = "origin/main"
at = 2026-11-20T10:00:00Z
"""


def write(path: Path, text: str) -> Path:
    """A file as a sync's merge left it a minute ago: private, its folders too.

    A minute ago, because a rewrite waits for a file another program changed within the
    last seconds to settle (``storage.settle``): a sync's merge is long done by then.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.chmod(path, 0o600)
    then = time.time() - 60
    os.utime(path, (then, then))
    return path


def conflicted(root: Path) -> dict[str, Path]:
    """Writes the three files into ``root``; their paths by kind."""
    return {
        "person": write(root / "contacts" / "ada-lovelace.toml", PERSON),
        "company": write(root / "companies" / "acme.toml", COMPANY),
        "day": write(root / "days" / "2026" / "2026-11-25.toml", DAY),
    }
