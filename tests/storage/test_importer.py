"""Importing through the store: matching, merging, batching, idempotence, nothing lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from networkday.domain.contact import Contact
from networkday.importers import parse_file
from networkday.services import importer
from networkday.services.importer import import_source
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from tests.fixture_files import every, fixture

LINKEDIN = "linkedin/Connections.csv"


def run(store: Store, kind: str, path: Path, **options):
    return import_source(store, parse_file(kind, path), **options)


def kind_of(path: Path) -> str:
    return "vcard" if path.suffix == ".vcf" else "linkedin"


def snapshot(store: Store) -> dict[str, tuple[bytes, int]]:
    return {path.name: (path.read_bytes(), path.stat().st_mtime_ns) for path in store.contacts_dir.iterdir()}


def vcf(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cards.vcf"
    path.write_text(text, "utf-8")
    return path


def test_linkedin_into_an_empty_folder(store: Store):
    summary = run(store, "linkedin", fixture(LINKEDIN))
    assert (len(summary.added), summary.updated, summary.unchanged, summary.rows) == (18, [], 0, 19)
    assert [str(item) for item in summary.skipped] == [
        "line 22: no name or email: LinkedIn leaves them out for some members"
    ]
    maya = store.contact("maya-lindqvist")
    assert maya.links == ["https://www.linkedin.com/in/maya-lindqvist-0a1b2c"]
    assert maya.connected == date(2026, 11, 3)
    assert maya.log == []  # connecting is not a touch
    assert store.contacts["maya-lindqvist"].entries == ()
    assert {store.contact(i).company for i in ("jordan-reese", "jordan-reese-2")} == {
        "Northwind Traders",
        "Tailspin Toys",
    }
    assert summary.likely == []  # the two Jordan Reeses are told apart by their profiles
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in store.contacts_dir.iterdir())


@pytest.mark.parametrize("path", every(".csv") + every(".vcf"), ids=lambda path: path.name)
def test_every_fixture_twice_changes_nothing_the_second_time(store: Store, path: Path):
    first = run(store, kind_of(path), path)
    assert first.added
    before = snapshot(store)
    again = run(store, kind_of(path), path)
    assert (again.added, again.updated, again.unchanged) == ([], [], len(first.added))
    assert snapshot(store) == before  # byte-identical, not even rewritten


def test_all_fixtures_one_after_another_then_all_again_change_nothing(store: Store):
    paths = every(".csv") + every(".vcf")
    for path in paths:
        run(store, kind_of(path), path)
    before = snapshot(store)
    for path in paths:
        summary = run(store, kind_of(path), path)
        assert (summary.added, summary.updated) == ([], []), path.name
    assert snapshot(store) == before


def test_an_import_never_overwrites_what_the_user_wrote(store: Store):
    run(store, "linkedin", fixture(LINKEDIN))

    def edit(contact: Contact) -> None:
        contact.company = "Northwind (moving to Fabrikam)"
        contact.title = ""
        contact.notes = "Met at PyCon; owes me a coffee"
        contact.tags = ["Mentor"]
        contact.connected = date(2026, 1, 2)
        contact.email = []

    store.update_contact("maya-lindqvist", edit)
    summary = run(store, "linkedin", fixture(LINKEDIN))
    assert summary.updated == ["maya-lindqvist"]
    maya = store.contact("maya-lindqvist")
    assert (maya.company, maya.notes, maya.tags) == (
        "Northwind (moving to Fabrikam)",
        "Met at PyCon; owes me a coffee",
        ["Mentor"],
    )
    assert maya.title == "Director of Engineering"  # it was empty: filled in
    assert maya.email == ["maya.lindqvist@example.com"]
    assert maya.connected == date(2026, 1, 2)  # the date the user wrote stays


def test_old_and_new_layouts_and_a_vcard_of_the_same_person_make_one_contact(store: Store, tmp_path: Path):
    run(store, "linkedin", fixture("linkedin/Connections-old-layout.csv"))
    summary = run(store, "linkedin", fixture(LINKEDIN))
    assert len(summary.added) == 12
    assert len(summary.updated) == 6  # the profile links are added to the six known
    card = vcf(
        tmp_path, "BEGIN:VCARD\nVERSION:3.0\nFN:Maya L.\nEMAIL:MAYA.LINDQVIST@example.com\nTEL:555 0100\nEND:VCARD\n"
    )
    assert run(store, "vcard", card).updated == ["maya-lindqvist"]
    maya = store.contact("maya-lindqvist")
    assert (maya.name, maya.phone, maya.connected) == ("Maya Lindqvist", ["555 0100"], date(2026, 11, 3))
    assert len(store.contacts) == 18


def test_dry_run_writes_nothing_and_tells_the_same(store: Store):
    dry = run(store, "linkedin", fixture(LINKEDIN), dry_run=True)
    assert list(store.contacts_dir.iterdir()) == []
    real = run(store, "linkedin", fixture(LINKEDIN))
    assert dry.dry_run
    assert len(dry.added) == len(real.added) == 18
    assert sorted(dry.added) == sorted(store.contact(i).name for i in real.added)
    assert "(dry run: nothing was written)" in dry.lines()[0]
    assert dry.lines()[1].startswith("would add 18, would update 0")


def test_likely_duplicates_are_listed_not_merged(store: Store, tmp_path: Path):
    store.add_contact(Contact(id="", name="Ann Lee", company="Acme", email=["ann@acme.example"]))
    card = vcf(tmp_path, "BEGIN:VCARD\nVERSION:3.0\nFN:Ann  LEE\nORG:Globex\nEND:VCARD\n")
    summary = run(store, "vcard", card)
    assert summary.added == ["ann-lee-2"]
    assert summary.likely == [(1, "ann-lee-2", "Globex", "ann-lee", "Acme")]
    assert "likely duplicates" in "\n".join(summary.lines())


def test_a_person_twice_in_one_file_is_added_once(store: Store, tmp_path: Path):
    card = vcf(
        tmp_path,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ann@acme.example\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ANN@acme.example\nTEL:555 0100\nEND:VCARD\n",
    )
    summary = run(store, "vcard", card)
    assert (summary.added, summary.combined) == (["ann-lee"], 1)
    assert store.contact("ann-lee").phone == ["555 0100"]


def test_related_sets_the_referrer_by_uid_in_the_file_or_by_a_known_name(store: Store, tmp_path: Path):
    store.add_contact(Contact(id="", name="Grace Hopper", email=["grace@navy.example"]))
    card = vcf(
        tmp_path,
        "BEGIN:VCARD\nVERSION:4.0\nUID:urn:uuid:1\nFN:Ann Lee\nRELATED;TYPE=colleague:urn:uuid:2\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nUID:urn:uuid:2\nFN:Bob Ray\nRELATED;VALUE=text:Grace Hopper\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Cy Wu\nRELATED:mailto:grace@navy.example\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Di Ode\nRELATED;VALUE=text:Nobody Known\nEND:VCARD\n",
    )
    summary = run(store, "vcard", card)
    assert len(summary.added) == 4
    assert store.contact("ann-lee").referred_by == "bob-ray"
    assert store.contact("bob-ray").referred_by == "grace-hopper"
    assert store.contact("cy-wu").referred_by == "grace-hopper"
    assert store.contact("di-ode").referred_by is None
    before = snapshot(store)
    assert run(store, "vcard", card).updated == []
    assert snapshot(store) == before


def test_new_people_go_in_batches_with_progress(store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(importer, "BATCH", 5)
    batches: list[int] = []
    real = Store.add_contacts
    monkeypatch.setattr(
        Store, "add_contacts", lambda self, contacts: batches.append(len(contacts)) or real(self, contacts)
    )
    seen: list[tuple[int, float]] = []
    run(store, "linkedin", fixture(LINKEDIN), progress=lambda *step: seen.append(step))
    assert batches == [5, 5, 5, 3]
    assert [rows for rows, _ in seen] == [5, 10, 15, 19]
    fractions = [fraction for _, fraction in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0


def test_an_edit_made_while_the_import_runs_is_kept(store: Store, monkeypatch: pytest.MonkeyPatch):
    run(store, "linkedin", fixture("linkedin/Connections-old-layout.csv"))
    monkeypatch.setattr(importer, "BATCH", 1)  # Maya is on the second row: matched after the first batch

    def edit_once(rows: int, fraction: float) -> None:
        if rows == 1:
            store.update_contact("maya-lindqvist", lambda contact: contact.tags.append("met in person"))

    summary = run(store, "linkedin", fixture(LINKEDIN), progress=edit_once)
    maya = store.contact("maya-lindqvist")
    assert "maya-lindqvist" in summary.updated
    assert maya.tags == ["met in person"]
    assert maya.links == ["https://www.linkedin.com/in/maya-lindqvist-0a1b2c"]


def test_a_broken_contact_file_is_never_overwritten_and_is_mentioned(store: Store):
    run(store, "linkedin", fixture(LINKEDIN))
    broken = store.contacts_dir / "maya-lindqvist.toml"
    broken.write_bytes(b'format = 1\nname = "Maya\n')
    store.scan()
    summary = run(store, "linkedin", fixture(LINKEDIN))
    assert broken.read_bytes() == b'format = 1\nname = "Maya\n'
    assert summary.unreadable == 1
    assert "1 contact files cannot be read" in "\n".join(summary.lines())


def test_update_contacts_saves_what_changes_skips_what_does_not_and_reports_failures(store: Store):
    for name in ("Ann Lee", "Bob Ray", "Cy Wu"):
        store.add_contact(Contact(id="", name=name))
    untouched = (store.contacts_dir / "bob-ray.toml").stat().st_mtime_ns
    (store.contacts_dir / "cy-wu.toml").write_bytes(b"not toml [")

    def tag(contact: Contact) -> bool:
        contact.tags.append("imported")
        return True

    outcomes = store.update_contacts(
        [("ann-lee", tag), ("bob-ray", lambda contact: False), ("cy-wu", tag), ("nobody", tag)]
    )
    assert outcomes["ann-lee"] is True
    assert outcomes["bob-ray"] is False
    assert isinstance(outcomes["cy-wu"], StoreError)
    assert "no contact 'nobody'" in str(outcomes["nobody"])
    assert store.contact("ann-lee").tags == ["imported"]
    assert (store.contacts_dir / "bob-ray.toml").stat().st_mtime_ns == untouched
    assert (store.contacts_dir / "cy-wu.toml").read_bytes() == b"not toml ["
    assert store.contacts["ann-lee"].tags == ("imported",)


def test_google_contacts_twice_changes_nothing_the_second_time(store: Store, tmp_path: Path):
    path = tmp_path / "contacts.csv"
    path.write_text(
        "First Name,Last Name,Organization Name,Labels,E-mail 1 - Value,Phone 1 - Value\n"
        "Ann,Lee,Acme,* myContacts ::: PyCon,ann@acme.example,555 0100\n"
        "Bob,Ray,,* myContacts,,\n",
        "utf-8",
    )
    assert len(run(store, "google", path).added) == 2
    before = snapshot(store)
    again = run(store, "google", path)
    assert (again.added, again.updated, again.unchanged) == ([], [], 2)
    assert snapshot(store) == before
    assert store.contact("ann-lee").tags == ["PyCon"]


def hostile(tmp_path: Path, kind: str) -> Path:
    """A damaged file of each sort: one good person in it, the rest broken."""
    header = "Notes:\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    path = tmp_path / f"{kind}.bin"
    if kind == "truncated csv":
        path.write_bytes((header + "Ann,Lee,,ann@acme.example,Acme,CTO,07 Dec 2025\r\nBob,Ray,,,Glo").encode())
    elif kind == "binary bytes":
        path.write_bytes(
            (header + "Ann,Lee,,ann@acme.example,Acme,CTO,07 Dec 2025\r\n").encode() + bytes(range(1, 256))
        )
    elif kind == "80 MB line":
        with path.open("wb") as out:
            out.write((header + "Ann,Lee,,ann@acme.example,Acme,CTO,07 Dec 2025\r\n").encode())
            out.write(b"y" * 80_000_000 + b"\r\n")
    else:  # a vCard missing END:VCARD
        path.write_bytes(
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@acme.example\r\nEND:VCARD\r\n"
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Ray\r\n"
        )
    return path


@pytest.mark.parametrize("kind", ["truncated csv", "binary bytes", "80 MB line", "vcard without end"])
def test_a_hostile_file_brings_in_the_good_row_and_loses_nothing(store: Store, tmp_path: Path, kind: str):
    run(store, "linkedin", fixture(LINKEDIN))
    store.update_contact("maya-lindqvist", lambda contact: setattr(contact, "notes", "mine"))
    before = snapshot(store)
    summary = run(store, "vcard" if kind.startswith("vcard") else "linkedin", hostile(tmp_path, kind))
    assert summary.added == ["ann-lee"]
    assert summary.skipped
    assert all(item.reason for item in summary.skipped)
    after = snapshot(store)
    assert {name: after[name] for name in before} == before
