"""The ids of a data folder's contacts and companies, for shell completion: read only, never made or written.

A Tab must answer at once, so no file is opened: an id is a file's name, and one listing of
the folder gives them all, the ones made by hand a moment ago included. At 30,000 contacts
the listing takes a third of the time of unpacking the index cache's ids, which may also
lag behind a hand-made file (`bench/contacts_cli.py` prints both).
"""

from __future__ import annotations

import os
from pathlib import Path

from networkday.storage.layout import valid_id


def _stems(folder: Path) -> list[str]:
    """The ids of the ``.toml`` files in ``folder``, sorted; none when it cannot be listed."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(name[:-5] for name in names if name.endswith(".toml") and valid_id(name[:-5]))


def contact_ids(root: Path) -> list[str]:
    return _stems(root / "contacts")


def company_ids(root: Path) -> list[str]:
    return _stems(root / "companies")
