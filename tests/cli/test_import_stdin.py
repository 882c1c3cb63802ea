"""`networkday import KIND -` reads standard input: each kind through a real pipe, as a script would send it.

What comes in is what the same file brings by its path; a bad input is named as
``standard input`` in its one line, and the copy the import reads is gone afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.summary import ContactSummary
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.e2e.rawterm import REPO
from tests.fixture_files import fixture

GOOGLE = (
    "Name,Given Name,Additional Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name\n"
    "Ann Lee,Ann,,Lee,* Work,ann@acme.example,Acme Inc\n"
    "Bob Ray,Bob,,Ray,* Work,bob@globex.example,Globex\n"
)


def networkday(tmp_path: Path, *args: str | Path, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    """The command in a child process, ``stdin`` written into a pipe; its temporary files kept under ``tmp_path``."""
    spare = tmp_path / "tmp"
    spare.mkdir(mode=0o700, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(REPO), "NETWORKDAY_NOW": NOW.isoformat(), "TMPDIR": str(spare)}
    return subprocess.run(
        [sys.executable, "-m", "networkday", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=60,  # a guard against a hang, not a measure
        check=False,
    )


def people(folder: Path) -> dict[str, ContactSummary]:
    return Store.open(folder, FixedClock(NOW)).contacts


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("linkedin", fixture("linkedin/Connections.csv").read_bytes()),
        ("vcard", fixture("vcard/gmail-list.vcf").read_bytes()),
        ("google", GOOGLE.encode()),
    ],
    ids=["linkedin", "vcard", "google"],
)
def test_each_kind_from_a_pipe_brings_what_its_file_brings(tmp_path: Path, kind: str, text: bytes) -> None:
    file = tmp_path / "export"
    file.write_bytes(text)
    by_path = networkday(tmp_path, "import", kind, file, "--data-dir", tmp_path / "by-path", stdin=b"")
    piped = networkday(tmp_path, "import", kind, "-", "--data-dir", tmp_path / "piped", stdin=text)
    assert (piped.returncode, by_path.returncode) == (0, 0), piped.stderr
    assert piped.stdout.decode().startswith("standard input: ")
    assert piped.stdout.decode().splitlines()[1:] == by_path.stdout.decode().splitlines()[1:]
    assert people(tmp_path / "piped") == people(tmp_path / "by-path") != {}
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"", "networkday: standard input: the file is empty\n"),
        (b"no,header\n1,2\n", "networkday: standard input: not a LinkedIn connections export (Connections.csv): "),
    ],
    ids=["empty", "not an export"],
)
def test_a_bad_input_is_one_line_naming_standard_input_and_nothing_is_made(
    tmp_path: Path, text: bytes, message: str
) -> None:
    done = networkday(tmp_path, "import", "linkedin", "-", "--data-dir", tmp_path / "data", stdin=text)
    assert done.returncode == 1
    assert done.stderr.decode().startswith(message)
    assert done.stderr.count(b"\n") == 1
    assert not (tmp_path / "data").exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_dry_run_from_a_pipe_writes_nothing(tmp_path: Path) -> None:
    text = fixture("vcard/gmail-list.vcf").read_bytes()
    done = networkday(tmp_path, "import", "vcard", "-", "--dry-run", "--data-dir", tmp_path / "data", stdin=text)
    assert done.returncode == 0, done.stderr
    assert b"dry run: nothing was written" in done.stdout
    assert not (tmp_path / "data").exists()
