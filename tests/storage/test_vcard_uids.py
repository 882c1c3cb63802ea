"""Re-importing networkday's own vCard matches people by the UID it wrote, and shared UIDs are flagged."""

from __future__ import annotations

import uuid
from pathlib import Path

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.exporters.vcard import NAMESPACE, render, uid_of
from networkday.importers import parse_file
from networkday.services.importer import ImportSummary, import_source
from networkday.storage.store import Store
from tests.conftest import NOW


def store(folder: Path) -> Store:
    return Store.open(folder, FixedClock(NOW))


def card(uid: str, name: str, email: str) -> str:
    return f"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:{uid}\r\nFN:{name}\r\nEMAIL:{email}\r\nEND:VCARD\r\n"


def run(folder: Store, path: Path, *, dry_run: bool = False) -> ImportSummary:
    return import_source(folder, parse_file("vcard", path), dry_run=dry_run)


def test_an_export_reimported_after_name_and_email_were_edited_adds_no_one(tmp_path: Path):
    folder = store(tmp_path / "data")
    folder.add_contacts([Contact(id="", name="Grace Hopper", email=["grace@navy.example"])])
    (grace,) = folder.contacts
    exported = tmp_path / "all.vcf"
    exported.write_bytes(render([folder.contact(grace)]))
    folder.update_contact(grace, lambda c: (setattr(c, "name", "Rear Admiral Hopper"), setattr(c, "email", [])))

    assert run(folder, exported, dry_run=True).added == []
    summary = run(folder, exported)
    assert (summary.added, summary.updated) == ([], [grace])
    assert list(folder.contacts) == [grace]
    again = folder.contact(grace)
    assert (again.name, again.email) == ("Rear Admiral Hopper", ["grace@navy.example"])


def test_the_uid_wins_over_an_email_that_now_belongs_to_someone_else(tmp_path: Path):
    folder = store(tmp_path / "data")
    folder.add_contacts([Contact(id="", name="Ann Lee"), Contact(id="", name="Bo Chen", email=["shared@x.example"])])
    ann = next(cid for cid in folder.contacts if folder.contact(cid).name == "Ann Lee")
    path = tmp_path / "one.vcf"
    path.write_text(card(uid_of(ann), "Ann Lee", "shared@x.example"), encoding="utf-8")
    summary = run(folder, path)
    assert summary.updated == [ann]
    assert folder.contact(ann).email == ["shared@x.example"]


def test_cards_sharing_one_uid_are_flagged_and_matched_by_their_details(tmp_path: Path):
    folder = store(tmp_path / "data")
    folder.add_contacts([Contact(id="", name="Ann Lee")])
    (ann,) = folder.contacts
    uid = uid_of(ann)
    path = tmp_path / "twice.vcf"
    path.write_text(card(uid, "Ann Lee", "ann@x.example") + card(uid, "Dan Roe", "dan@x.example"), encoding="utf-8")
    summary = run(folder, path)
    assert [str(warning) for warning in summary.warnings] == [
        "line 7: has the UID of the card on line 1; matched by its details"
    ]
    assert summary.updated == [ann]
    assert [folder.contact(cid).name for cid in summary.added] == ["Dan Roe"]
    assert any("has the UID of the card on line 1" in line for line in summary.lines())


def test_a_foreign_uid_matching_no_one_adds_the_person_and_still_names_a_referrer(tmp_path: Path):
    folder = store(tmp_path / "data")
    folder.add_contacts([Contact(id="", name="Grace Hopper")])
    (grace,) = folder.contacts
    path = tmp_path / "new.vcf"
    text = card("urn:uuid:0f0f0f0f-0000-4000-8000-000000000000", "Eve Park", "eve@x.example")
    path.write_text(text.replace("END:VCARD", f"RELATED;TYPE=contact:{uid_of(grace)}\r\nEND:VCARD"), encoding="utf-8")
    summary = run(folder, path)
    (eve,) = summary.added
    assert folder.contact(eve).referred_by == grace


def test_the_uid_is_the_uuid5_earlier_exports_wrote():
    for contact_id in ("ann-lee", "contact-baf8a6bf", "a", "x" * 80):
        assert uid_of(contact_id) == f"urn:uuid:{uuid.uuid5(NAMESPACE, contact_id)}"
