"""``export vcard --dir``: one card per contact, unchanged cards untouched, only networkday's own removed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import vobject

from networkday.cli import main
from networkday.exporters.vcard import uid_of

pytestmark = pytest.mark.usefixtures("command_env")


def _folder(tmp_path: Path, *names: str) -> Path:
    data = tmp_path / "data"
    for name in names:
        assert main(["--data-dir", str(data), "add", name, "--phone", "555 0100"]) == 0
    return data


def _export(data: Path, folder: Path, *more: str) -> int:
    return main(["--data-dir", str(data), "export", "vcard", "--dir", str(folder), *more])


def test_one_parsing_card_per_contact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, vdir = _folder(tmp_path, "Ann Lee", "Bob Ray"), tmp_path / "vdir"
    assert _export(data, vdir) == 0
    assert sorted(path.name for path in vdir.iterdir()) == ["ann-lee.vcf", "bob-ray.vcf"]
    assert vdir.stat().st_mode & 0o777 == 0o700
    for path in vdir.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600
        (card,) = vobject.readComponents(path.read_text("utf-8"))
        assert card.uid.value == uid_of(path.stem)
    assert "2 written, 0 unchanged, 0 removed" in capsys.readouterr().err
    assert _export(data, vdir, "--version", "3.0") == 0
    assert "VERSION:3.0" in (vdir / "ann-lee.vcf").read_text("utf-8")


def test_unchanged_cards_are_left_alone_and_gone_ones_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, vdir = _folder(tmp_path, "Ann Lee", "Bob Ray", "Cy Twombly"), tmp_path / "vdir"
    assert _export(data, vdir) == 0
    before = {path.name: os.stat(path) for path in vdir.iterdir()}
    foreign = vdir / "someone-else.vcf"
    foreign.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:other\r\nFN:Other\r\nEND:VCARD\r\n", "utf-8")
    namesake = vdir / "dee-dee.vcf"  # named like an id, but another program's card
    namesake.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nFN:Dee\r\nEND:VCARD\r\n", "utf-8")
    note = vdir / "README"
    note.write_text("mine", "utf-8")
    assert main(["--data-dir", str(data), "log", "ann-lee", "talked", "--note", "x"]) == 0  # a touch is not on the card
    (data / "contacts" / "bob-ray.toml").write_text('format = 1\nname = "Bob Ray"\ntitle = "CTO"\n', "utf-8")
    (data / "contacts" / "cy-twombly.toml").unlink()
    capsys.readouterr()
    assert _export(data, vdir) == 0
    assert "1 written, 1 unchanged, 1 removed" in capsys.readouterr().err
    after = {path.name: os.stat(path) for path in vdir.iterdir()}
    assert after["ann-lee.vcf"].st_ino == before["ann-lee.vcf"].st_ino
    assert after["ann-lee.vcf"].st_mtime_ns == before["ann-lee.vcf"].st_mtime_ns
    assert "TITLE:CTO" in (vdir / "bob-ray.vcf").read_text("utf-8")
    assert "cy-twombly.vcf" not in after
    assert {"someone-else.vcf", "dee-dee.vcf", "README"} <= set(after)


def test_a_card_stays_while_its_file_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, vdir = _folder(tmp_path, "Ann Lee"), tmp_path / "vdir"
    assert _export(data, vdir) == 0
    (data / "contacts" / "ann-lee.toml").write_text("name = [broken\n", "utf-8")
    assert _export(data, vdir) == 0
    err = capsys.readouterr().err
    assert "not exported" in err
    assert "0 written, 0 unchanged, 0 removed" in err
    assert (vdir / "ann-lee.vcf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "vcard", "--dir", "{data}/cards"], "overlaps the data folder"),
        (["export", "vcard", "--dir", "{tmp}"], "overlaps the data folder"),
        (["export", "vcard", "--dir", "{tmp}/file.txt"], "is not a folder"),
        (["export", "csv", "--dir", "{tmp}/out"], "only `export vcard` writes a folder"),
        (["export", "vcard", "--dir", "{tmp}/out", "-o", "{tmp}/x.vcf"], "not with -o"),
    ],
)
def test_refusals_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    data = _folder(tmp_path, "Ann Lee")
    (tmp_path / "file.txt").write_text("keep", "utf-8")
    listing = sorted(str(path) for path in tmp_path.rglob("*"))
    capsys.readouterr()
    filled = [arg.format(data=data, tmp=tmp_path) for arg in args]
    assert main(["--data-dir", str(data), *filled]) == 2
    assert message in capsys.readouterr().err
    assert sorted(str(path) for path in tmp_path.rglob("*")) == listing
