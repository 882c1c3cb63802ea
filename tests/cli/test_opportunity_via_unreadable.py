"""`opportunity add --via` naming a contact whose file cannot be read says which file and why, not "no such contact"."""

from __future__ import annotations

from pathlib import Path

from networkday.cli import main


def test_via_a_contact_whose_file_is_broken_names_the_file_and_its_problem(
    tmp_path: Path, command_env: None, capsys
) -> None:
    data = tmp_path / "data"
    for args in (("company", "add", "Acme"), ("add", "Bro")):
        assert main([*args, "--data-dir", str(data)]) == 0
    bro = data / "contacts" / "bro.toml"
    bro.write_text('format = 1\nname = "Bro"\nemail = 3\n', "utf-8")
    acme = (data / "companies" / "acme.toml").read_bytes()
    capsys.readouterr()
    assert main(["opportunity", "add", "acme", "Role", "--via", "bro", "--data-dir", str(data)]) == 1
    last = capsys.readouterr().err.splitlines()[-1]
    why = "'email' must be a list of strings, not int"
    assert last == f"networkday: --via 'bro': the contact's file cannot be read: {bro}:3:1: {why}"
    assert (data / "companies" / "acme.toml").read_bytes() == acme
    assert main(["opportunity", "add", "acme", "Role", "--via", "ghost", "--data-dir", str(data)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "networkday: --via 'ghost': no such contact"
