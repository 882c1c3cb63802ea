"""Contact files that are links: saved through a link inside the folder, never turned into a copy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from networkday.domain.contact import Contact
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from tests.storage.saving import log_talked, private_file

ADA = b'format = 1\nname = "Ada Lovelace"\ntags = ["math"]\n'


def test_a_link_to_a_file_inside_the_folder_is_saved_through_and_stays_a_link(
    command_folder: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    target = private_file(command_folder.root / "people" / "ada.toml", ADA)
    link = command_folder.contact_path("ada")
    link.symlink_to(Path("..") / "people" / "ada.toml")
    code, err = log_talked(command_folder, capsys)
    assert (code, err) == (0, "")
    assert link.is_symlink()
    assert os.readlink(link) == str(Path("..") / "people" / "ada.toml")
    assert b'outcome = "talked"' in target.read_bytes()
    assert Store.open(command_folder.root, command_folder.clock).contact("ada").log[0].outcome == "talked"


def test_a_link_to_a_file_outside_the_folder_is_refused_and_left_as_it_is(
    command_folder: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = private_file(tmp_path / "dotfiles" / "ada.toml", ADA)
    link = command_folder.contact_path("ada")
    link.symlink_to(target)
    code, err = log_talked(command_folder, capsys)
    assert code == 1
    assert err == (
        f"networkday: {link}: a link to {target}, outside the data folder; not saved. "
        "Edit that file by hand, or put the file itself in its place to edit it here\n"
    )
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_bytes() == ADA


def test_a_file_with_a_second_hard_link_is_refused_and_both_names_keep_it(
    command_folder: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = private_file(command_folder.contact_path("ada"), ADA)
    other = tmp_path / "backup.toml"
    os.link(path, other)
    code, err = log_talked(command_folder, capsys)
    assert code == 1
    assert err.startswith(f"networkday: {path}: the file has 2 hard links, which a save would split; not saved.")
    assert err.count("\n") == 1
    assert os.path.samefile(path, other)
    assert path.read_bytes() == ADA


def test_an_import_refuses_only_the_linked_contact(command_folder: Store, tmp_path: Path) -> None:
    """``update_contacts`` (imports) writes many files at once; a link outside is refused on its own."""
    target = private_file(tmp_path / "dotfiles" / "ada.toml", ADA)
    command_folder.contact_path("ada").symlink_to(target)
    private_file(command_folder.contact_path("bo"), b'format = 1\nname = "Bo"\n')
    store = Store.open(command_folder.root, command_folder.clock)
    outcomes = store.update_contacts(
        [(name, lambda contact: setattr(contact, "title", "Engineer")) for name in ("ada", "bo")]
    )
    assert isinstance(outcomes["ada"], StoreError)
    assert "outside the data folder" in str(outcomes["ada"])
    assert outcomes["bo"] is True
    assert target.read_bytes() == ADA
    assert store.contact("bo").title == "Engineer"


def test_a_new_contact_never_replaces_a_link_that_leads_nowhere(command_folder: Store, tmp_path: Path) -> None:
    link = command_folder.contact_path("ada-lovelace")
    link.symlink_to(tmp_path / "unmounted" / "ada.toml")
    added = command_folder.add_contact(Contact(id="", name="Ada Lovelace"))
    assert added.id == "ada-lovelace-2"
    assert link.is_symlink()
    assert os.readlink(link) == str(tmp_path / "unmounted" / "ada.toml")
