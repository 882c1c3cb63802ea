"""An import's memory does not grow with its file: the rows stream through, only people's keys stay.

Each import runs in a child process that reports how far its resident memory rose
above where it stood just before (the kernel's peak, reset first). The files repeat a
few thousand people many times over, as concatenated exports do: what must be held
(their keys, one batch, about 7 MB) is then small, and anything that keeps every row
shows at once. The code that held every row rose by 306 MB for the 24 MB LinkedIn file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: Rows (or cards) in each file: 18 to 24 MB of text.
ROWS = 200_000
#: Distinct people in each file; every one of them appears ``ROWS // PEOPLE`` times in a row.
PEOPLE = 2000

CHILD = """
import json, sys
from pathlib import Path

import vobject  # imported before measuring: the vCard reader loads it on its first card

from networkday.clock import FixedClock
from networkday.importers import parse_file
from networkday.services.importer import import_source
from networkday.storage.store import Store
from tests.conftest import NOW


def kib(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1])


kind, path, root = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
store = Store.open(root, FixedClock(NOW))
Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from now
before = kib("VmRSS:")
summary = import_source(store, parse_file(kind, path))
grew = (kib("VmHWM:") - before) * 1024
print(json.dumps({"grew": grew, "rows": summary.rows, "added": len(summary.added), "combined": summary.combined}))
"""


def linkedin_row(number: int, person: int) -> str:
    return (
        f"First{person},Last{person},https://www.linkedin.com/in/person-{person},person{person}@example.com,"
        f'"Company {person % 97}, Inc.",Engineer,07 Dec 2025\r\n'
    )


def google_row(number: int, person: int) -> str:
    labels = "* myContacts ::: Friends"
    return f"First{person},Last{person},Company {person % 97},{labels},person{person}@example.com,row {number}\r\n"


def vcard_row(number: int, person: int) -> str:
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:First{person} Last{person}\r\nEMAIL:person{person}@example.com\r\n"
        f"ORG:Company {person % 97}\r\nNOTE:card {number}\r\nEND:VCARD\r\n"
    )


FILES = {
    "linkedin": (
        "Notes:\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n",
        linkedin_row,
    ),
    "google": ("First Name,Last Name,Organization Name,Labels,E-mail 1 - Value,Notes\r\n", google_row),
    "vcard": ("", vcard_row),
}


def write(path: Path, kind: str, rows: int) -> None:
    header, row = FILES[kind]
    repeats = rows // PEOPLE
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        for number in range(rows):
            out.write(row(number, number // repeats))


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux's /proc to read peak memory")
@pytest.mark.parametrize("kind", ["linkedin", "google", "vcard"])
def test_memory_stays_below_the_file_size(tmp_path: Path, kind: str):
    rows = ROWS
    path = tmp_path / "export"
    write(path, kind, rows)
    size = path.stat().st_size
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), kind, str(path), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    found = json.loads(result.stdout)
    assert (found["rows"], found["added"], found["combined"]) == (rows, PEOPLE, rows - PEOPLE)
    assert len(list((tmp_path / "data" / "contacts").iterdir())) == PEOPLE
    assert found["grew"] < size, f"memory rose by {found['grew'] / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"
