"""Phone kinds through the commands: an iPhone card imported, exported and imported again, and a stray kind checked."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from networkday.cli import main
from tests.fixture_files import fixture

pytestmark = pytest.mark.usefixtures("command_env")


def test_kinds_survive_import_export_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["--data-dir", str(first), "import", "vcard", str(fixture("vcard/John_Doe_IPHONE.vcf"))]) == 0
    (path,) = (first / "contacts").glob("*.toml")
    kinds = tomllib.loads(path.read_text("utf-8"))["phone_kinds"]
    assert kinds["905-999-1234"] == "work fax"
    for version in ("4.0", "3.0"):
        card = tmp_path / f"john-{version}.vcf"
        assert main(["--data-dir", str(first), "export", "vcard", "--version", version, "-o", str(card)]) == 0
        target = second / version
        assert main(["--data-dir", str(target), "import", "vcard", str(card)]) == 0
        (again,) = (target / "contacts").glob("*.toml")
        assert tomllib.loads(again.read_text("utf-8"))["phone_kinds"] == kinds
    capsys.readouterr()


def test_check_locates_a_kind_whose_number_is_gone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "add", "Ann Lee", "--phone", "555 0100"]) == 0
    path = folder / "contacts" / "ann-lee.toml"
    text = path.read_text("utf-8") + '\n[phone_kinds]\n"555 0199" = "work"\n'
    path.write_text(text, "utf-8")
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "check"]) == 1
    printed = capsys.readouterr()
    assert f"{path}:8:1: '555 0199' has a kind but is not one of 'phone'" in printed.out + printed.err
    assert path.read_text("utf-8") == text  # reported, never rewritten
