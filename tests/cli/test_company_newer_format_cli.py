"""A company file a newer networkday wrote (format 2) is named by check and the lists, as a contact's is."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main


@pytest.fixture
def data(tmp_path: Path, command_env: None) -> Path:
    folder = tmp_path / "data"
    main(["company", "add", "Acme", "--data-dir", str(folder)])
    path = folder / "companies" / "acme.toml"
    path.write_text(path.read_text("utf-8").replace("format = 1", "format = 2"), "utf-8")
    return folder


@pytest.mark.parametrize("command", [["check"], ["company", "list"], ["opportunity", "list"]])
def test_the_command_warns_once_that_the_file_is_read_only(data: Path, capsys, command: list[str]) -> None:
    capsys.readouterr()
    assert main([*command, "--data-dir", str(data)]) == 0
    err = capsys.readouterr().err.splitlines()
    path = data / "companies" / "acme.toml"
    assert err == [f"networkday: warning: {path}: written by a newer networkday (format 2); it is read-only here"]


def test_check_names_a_company_file_open_to_others(data: Path, capsys) -> None:
    path = data / "companies" / "acme.toml"
    path.write_text(path.read_text("utf-8").replace("format = 2", "format = 1"), "utf-8")
    path.chmod(0o644)
    capsys.readouterr()
    assert main(["check", "--data-dir", str(data)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"networkday: warning: {path}: the file is open to other users; run chmod 600 on it"]
