"""Which files in the data folder are records, and why a file there is not read.

File names become record keys: a contact's id is its stem and a day file is named for
its date. A ``.toml`` file the store would pass over is reported instead of being
silently ignored, because a person made it and expects to see it.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from networkday.domain.dates import RANGE_TEXT, in_range
from networkday.domain.text import slugify
from networkday.storage.atomic import OPEN_BITS, remove_if_stale, too_open

ID_PATTERN = re.compile(r"\A[a-z0-9][a-z0-9-]{0,79}\Z")
_DAY_NAME = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\.toml\Z")
_YEAR = re.compile(r"\A\d{4}\Z")


def valid_id(contact_id: str) -> bool:
    """Ids become file names; only this shape can never leave the contacts folder."""
    return bool(ID_PATTERN.match(contact_id))


def is_year_folder(name: str) -> bool:
    return bool(_YEAR.match(name))


def contact_name_problem(name: str) -> str:
    """Why ``contacts/<name>`` (a .toml file) is not read as a contact."""
    stem = name.removesuffix(".toml")
    return (
        "the file name is not a contact id (lowercase letters, digits and dashes), so it is not read;"
        f" rename it, for example to {slugify(stem)}.toml"
    )


def day_of(year: str, name: str) -> date | str:
    """The date a file in ``days/<year>/`` holds, or why it is not read as a day."""
    match = _DAY_NAME.match(name)
    if not match:
        return "a day file is named YYYY-MM-DD.toml, so this one is not read"
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return f"{name.removesuffix('.toml')} is not a date, so this file is not read"
    if not in_range(day):
        return f"{day.isoformat()} is outside the dates networkday accepts ({RANGE_TEXT}), so this file is not read"
    if match.group(1) != year:
        return f"this day belongs in days/{match.group(1)}/, so it is not read here"
    return day


@dataclass
class Findings:
    """What a scan notices besides records: modes open to other users, files it will not read."""

    open_folders: list[Path] = field(default_factory=list)
    open_files: list[Path] = field(default_factory=list)
    strays: dict[Path, str] = field(default_factory=dict)

    def warnings(self) -> list[str]:
        """One line per folder, so thousands of loose files do not make thousands of warnings."""
        lines = [f"{folder}: the folder is open to other users; run chmod 700 on it" for folder in self.open_folders]
        by_folder: dict[Path, list[Path]] = {}
        for path in self.open_files:
            by_folder.setdefault(path.parent, []).append(path)
        for folder, paths in by_folder.items():
            if len(paths) == 1:
                lines.append(f"{paths[0]}: the file is open to other users; run chmod 600 on it")
            else:
                lines.append(f"{folder}: {len(paths)} files are open to other users; run chmod 600 on them")
        return lines


@contextlib.contextmanager
def _listing(folder: Path, findings: Findings) -> Iterator[Iterator[os.DirEntry[str]]]:
    """The folder's entries: none when it is missing (nothing in it yet) or cannot be listed (noted)."""
    try:
        listing = os.scandir(folder)
    except OSError as error:
        if isinstance(error, NotADirectoryError):
            findings.strays[folder] = "not a folder, so nothing in it is read; move it away"
        elif not isinstance(error, FileNotFoundError):
            findings.strays[folder] = f"cannot be read: {error.strerror or error}"
        yield iter(())
        return
    with listing:
        yield listing


def toml_files(folder: Path, findings: Findings) -> dict[str, tuple[int, int]]:
    """The ``.toml`` files of one folder, each with its mtime (ns) and size; stale temp files are removed.

    This runs over every contact file at each start and each command: 30,000 entries, so
    the loop does no more than it must per file (the stat is most of what is left).
    """
    files: dict[str, tuple[int, int]] = {}
    with _listing(folder, findings) as entries:
        for entry in entries:
            name = entry.name
            if not name.endswith(".toml") or name[0] == ".":
                if name[0] == "." and name.endswith(".tmp"):
                    remove_if_stale(Path(entry.path))
                continue
            if not entry.is_file():
                findings.strays[Path(entry.path)] = "not a regular file, so it is not read"
                continue
            stat = entry.stat()
            if stat.st_mode & OPEN_BITS:
                findings.open_files.append(Path(entry.path))
            files[name] = (stat.st_mtime_ns, stat.st_size)
    return files


def year_folders(days_dir: Path, findings: Findings) -> Iterator[Path]:
    """The ``days/YYYY`` folders; a day file left directly in ``days/`` is noted as not read."""
    with _listing(days_dir, findings) as entries:
        for entry in entries:
            if entry.name.endswith(".toml") and not entry.name.startswith("."):
                findings.strays[Path(entry.path)] = "day files belong in days/YYYY/, so this one is not read"
            elif is_year_folder(entry.name) and not entry.is_dir():
                findings.strays[Path(entry.path)] = "a year's day files go in a folder of that name; this is not one"
            elif is_year_folder(entry.name):
                if too_open(entry.stat().st_mode):
                    findings.open_folders.append(Path(entry.path))
                yield Path(entry.path)
