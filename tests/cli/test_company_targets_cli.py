"""`networkday company` on targets config.toml names: by an alias, kept through an untarget, listed alone."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from networkday.cli import main
from tests.storage.saving import private_file


@pytest.fixture
def data(tmp_path: Path, command_env: None) -> Path:
    return tmp_path / "data"


def cli(data: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(data)])


def config(data: Path, text: str) -> None:
    private_file(data / "config.toml", text)


def test_a_config_target_naming_an_alias_makes_the_company_a_target_everywhere(data: Path, capsys) -> None:
    assert cli(data, "company", "add", "Zoë Labs", "--alias", "ZL Corp") == 0
    config(data, 'targets = ["ZL Corp"]\n')
    cli(data, "add", "Hana Manager", "--company", "Zoe Labs", "--hiring-manager")
    cli(data, "add", "Carl Corp", "--company", "ZL Corp")
    capsys.readouterr()
    assert cli(data, "company", "list") == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("★ zoe-labs")
    assert "2 people" in line
    assert cli(data, "company", "list", "--targets", "--json") == 0
    listed = json.loads(capsys.readouterr().out)["companies"]
    assert [(item["id"], item["target"]) for item in listed] == [("zoe-labs", True)]
    assert cli(data, "today") == 0
    out = capsys.readouterr().out
    assert "hiring manager at Zoe Labs (target)" in out
    assert "works at ZL Corp (target)" in out
    assert "never contacted" not in out


def test_targets_only_with_no_target_says_so_not_that_there_are_no_companies(data: Path, capsys) -> None:
    assert cli(data, "company", "list", "--targets") == 1  # no folder yet
    capsys.readouterr()
    cli(data, "company", "add", "Acme")
    capsys.readouterr()
    assert cli(data, "company", "list", "--targets") == 0
    assert capsys.readouterr().out == "no target companies yet: networkday company target ID\n"
    (data / "companies" / "acme.toml").unlink()
    assert cli(data, "company", "list", "--targets") == 0
    assert capsys.readouterr().out == "no companies yet: networkday company add NAME [--target]\n"


def test_untarget_of_a_company_config_names_says_where_and_writes_nothing(data: Path, capsys) -> None:
    cli(data, "company", "add", "Hooli", "--alias", "Hooli XYZ")
    config(data, 'targets = ["hooli xyz"]\n')
    path = data / "companies" / "hooli.toml"
    before = path.read_bytes()
    capsys.readouterr()
    assert cli(data, "company", "untarget", "hooli") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"networkday: hooli stays a target: targets in {data / 'config.toml'} names it ('hooli xyz');"
        " remove it from there\n"
    )
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert cli(data, "company", "target", "hooli") == 0  # the file may say so too
    assert capsys.readouterr().out == "hooli: a target\n"
    assert cli(data, "company", "untarget", "hooli") == 1
    assert "stays a target" in capsys.readouterr().err
    assert b"target = true" in path.read_bytes()  # not cleared: it would change nothing the user sees


def test_a_contact_counts_under_the_one_company_it_matches_when_two_share_a_name(data: Path, capsys) -> None:
    cli(data, "company", "add", "One", "--alias", "X")
    private_file(data / "companies" / "two.toml", 'format = 1\nname = "Two"\naliases = ["x"]\n')
    cli(data, "add", "Ann", "--company", "X")
    cli(data, "add", "Bo", "--company", "Two")
    cli(data, "add", "Cy", "--company", "x")
    capsys.readouterr()
    assert cli(data, "company", "list", "--json") == 0
    counts = {item["id"]: item["people_count"] for item in json.loads(capsys.readouterr().out)["companies"]}
    assert counts == {"one": 2, "two": 1}  # Ann and Cy match "one", the first by id
