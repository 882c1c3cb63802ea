"""A name's parts (given, family) come from the source, survive a vCard round trip, and are never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.domain.dedupe import merge_record
from networkday.domain.incoming import Record
from networkday.domain.merge import merge_into
from networkday.exporters.vcard import render
from networkday.importers import parse_file
from networkday.services.importer import import_source
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.fixture_files import every, fixture
from tests.read_all import read_all

#: Names a split on the last space gets wrong, with the parts their owners would give.
NAMES = [
    ("王芳 (Wang Fang)", "芳", "王"),
    ("Nguyễn Thị Lan", "Thị Lan", "Nguyễn"),
    ("Jean-Luc de la Fontaine", "Jean-Luc", "de la Fontaine"),
]


def store(folder: Path) -> Store:
    return Store.open(folder, FixedClock(NOW))


def export(contacts: list[Contact], folder: Path) -> Path:
    """The contacts saved in a folder of their own and exported as one vCard file."""
    source = store(folder / "from")
    source.add_contacts(contacts)
    path = folder / "all.vcf"
    path.write_bytes(render([source.contact(contact_id) for contact_id in sorted(source.contacts)]))
    return path


def imported(path: Path, folder: Path) -> dict[str, Contact]:
    target = store(folder)
    summary = import_source(target, parse_file("vcard", path))
    assert summary.skipped == []
    return {target.contact(contact_id).name: target.contact(contact_id) for contact_id in target.contacts}


def n_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("N:")]


def test_names_with_parts_survive_the_round_trip_and_write_n_from_them(tmp_path: Path):
    people = [Contact(id="", name=name, given=given, family=family) for name, given, family in NAMES]
    path = export(people, tmp_path)
    assert sorted(n_lines(path)) == sorted(["N:王;芳;;;", "N:Nguyễn;Thị Lan;;;", "N:de la Fontaine;Jean-Luc;;;"])
    back = imported(path, tmp_path / "to")
    assert {(c.name, c.given, c.family) for c in back.values()} == set(NAMES)


def test_a_name_without_parts_writes_fn_and_an_empty_n_and_comes_back_without_parts(tmp_path: Path):
    path = export([Contact(id="", name=name) for name, _, _ in NAMES], tmp_path)
    assert n_lines(path) == ["N:;;;;"] * 3
    text = path.read_text(encoding="utf-8")
    assert "FN:王芳 (Wang Fang)" in text
    back = imported(path, tmp_path / "to")
    assert sorted(back) == sorted(name for name, _, _ in NAMES)
    assert all((c.given, c.family) == ("", "") for c in back.values())


def test_parts_that_no_longer_fit_an_edited_name_are_not_written(tmp_path: Path):
    renamed = Contact(id="", name="Lan Nguyen", given="Thị Lan", family="Nguyễn")
    fits = Contact(id="", name="Fang Wang", given="Fang", family="Wang")
    assert renamed.name_parts is None
    assert fits.name_parts == ("Fang", "Wang")
    assert sorted(n_lines(export([renamed, fits], tmp_path))) == ["N:;;;;", "N:Wang;Fang;;;"]


@pytest.mark.parametrize("path", every(".vcf"), ids=lambda path: path.name)
def test_every_client_fixture_keeps_its_n_parts_through_an_export(path: Path, tmp_path: Path):
    first = imported(path, tmp_path / "first")
    again = export(list(first.values()), tmp_path / "out")
    second = imported(again, tmp_path / "second")
    assert {name: (c.given, c.family) for name, c in second.items()} == {
        name: (c.given, c.family) for name, c in first.items()
    }


def test_the_client_fixtures_give_the_parts_their_n_names():
    parts = {r.name: (r.given, r.family) for r in read_all("vcard", fixture("vcard/gmail-list.vcf")).records}
    assert parts["Arnold Smith"] == ("Arnold", "Smith")
    gmail = read_all("vcard", fixture("vcard/John_Doe_GMAIL.vcf")).records[0]
    assert (gmail.name, gmail.given, gmail.family) == ("Mr. John Richter, James Doe Sr.", "John", "Doe")
    rfc = read_all("vcard", fixture("vcard/rfc6350-example.vcf")).records[0]
    assert (rfc.given, rfc.family) == ("Simon", "Perreault")


def test_linkedin_first_and_last_name_are_the_parts():
    records = read_all("linkedin", fixture("linkedin/Connections.csv")).records
    maya = next(record for record in records if record.name == "Maya Lindqvist")
    assert (maya.given, maya.family) == ("Maya", "Lindqvist")


@pytest.mark.parametrize(
    "header",
    ["Given Name,Additional Name,Family Name,E-mail 1 - Value", "First Name,Middle Name,Last Name,E-mail 1 - Value"],
)
def test_google_given_and_family_name_are_the_parts(tmp_path: Path, header: str):
    path = tmp_path / "google.csv"
    path.write_text(f"{header}\nThị Lan,,Nguyễn,lan@example.com\n", encoding="utf-8")
    record = read_all("google", path).records[0]
    assert (record.name, record.given, record.family) == ("Thị Lan Nguyễn", "Thị Lan", "Nguyễn")


def test_an_import_fills_missing_parts_only_for_the_same_name():
    contact = Contact(id="lan", name="Nguyễn Thị Lan", email=["lan@example.com"])
    other = Record(line=1, name="Lan N.", given="Lan", family="N.", email=["lan@example.com"])
    assert merge_record(contact, other) is False
    assert (contact.given, contact.family) == ("", "")
    same = Record(line=2, name="nguyễn thị lan", given="Thị Lan", family="Nguyễn")
    assert merge_record(contact, same) is True
    assert (contact.given, contact.family) == ("Thị Lan", "Nguyễn")
    assert merge_record(contact, Record(line=3, name="Nguyễn Thị Lan", given="X", family="Y")) is False


def test_a_merge_keeps_the_kept_persons_parts_or_takes_those_of_the_same_name():
    keep = Contact(id="a", name="Jean-Luc de la Fontaine")
    merge_into(keep, Contact(id="b", name="Jean-Luc de la Fontaine", given="Jean-Luc", family="de la Fontaine"))
    assert (keep.given, keep.family) == ("Jean-Luc", "de la Fontaine")
    merge_into(keep, Contact(id="c", name="Jean-Luc de la Fontaine", given="Jean", family="Luc"))
    assert (keep.given, keep.family) == ("Jean-Luc", "de la Fontaine")


def test_the_parts_are_kept_in_the_contact_file(tmp_path: Path):
    folder = store(tmp_path)
    folder.add_contacts([Contact(id="", name="王芳 (Wang Fang)", given="芳", family="王")])
    (contact_id,) = folder.contacts
    text = (folder.contacts_dir / f"{contact_id}.toml").read_text(encoding="utf-8")
    assert 'given = "芳"\nfamily = "王"' in text
    again = store(tmp_path).contact(contact_id)
    assert (again.given, again.family) == ("芳", "王")
