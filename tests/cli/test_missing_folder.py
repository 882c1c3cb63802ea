"""A mistyped --data-dir is said, never answered as an empty network and never made by a command that reads.

Only the commands that write (``add``, ``log``, ``import``, ``timer start``) make a missing
data folder; every other one exits 1 naming it, and leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main
from tests.conftest import NOW
from tests.fixture_files import fixture

READING = [
    ["check"],
    ["check", "--fix"],
    ["today"],
    ["today", "--json"],
    ["timer", "status"],
    ["timer", "stop"],
    ["timer", "report", "--month", "--json"],
    ["journal"],
    ["review"],
    ["review", "--month", "--json"],
    ["export", "journal"],
    ["export", "vcard"],
    ["export", "csv"],
    ["export", "ics"],
]


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


@pytest.mark.parametrize("argv", READING, ids=" ".join)
def test_a_command_that_reads_names_the_missing_folder_and_makes_nothing(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "typo" / "path"
    assert main([*argv, "--data-dir", str(typo)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"networkday: no data folder at {typo}; `networkday add` or `networkday import` creates one\n"
    assert not (tmp_path / "typo").exists()


def test_the_default_folder_is_named_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("NETWORKDAY_HOME", str(tmp_path / "home"))
    assert main(["today"]) == 1
    assert f"no data folder at {tmp_path / 'home'};" in capsys.readouterr().err
    assert not (tmp_path / "home").exists()


def test_a_dry_run_import_reads_its_file_and_makes_no_folder(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "new"
    argv = ["import", "vcard", str(fixture("vcard/gmail-list.vcf")), "--dry-run", "--data-dir", str(folder)]
    assert main(argv) == 0
    assert not folder.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "Ada Lovelace"],
        ["import", "vcard", str(fixture("vcard/gmail-list.vcf"))],
        ["timer", "start", "networking"],
        ["timer", "switch"],
    ],
    ids=" ".join,
)
def test_a_command_that_writes_makes_the_folder(argv: list[str], tmp_path: Path, capsys) -> None:
    folder = tmp_path / "new"
    assert main([*argv, "--data-dir", str(folder)]) == 0
    assert folder.is_dir()
    assert main(["check", "--data-dir", str(folder)]) == 0
