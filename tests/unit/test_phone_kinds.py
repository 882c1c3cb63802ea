"""Phone kinds: read from real clients' cards and Google's labels, kept by number, written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.domain.contact import Contact
from networkday.domain.dedupe import merge_record
from networkday.domain.errors import RecordError
from networkday.domain.incoming import Record
from networkday.domain.merge import merge_into
from networkday.domain.phone_kinds import kind_from_label, kind_from_words, kind_of, vcard_types
from networkday.exporters.table import contacts_csv
from networkday.exporters.vcard import render
from networkday.importers import google, vcard
from tests.fixture_files import fixture as shared_fixture


def _records(path: Path) -> list[Record]:
    return list(vcard.parse(path))


def test_iphone_export_keeps_every_kind():
    (john,) = _records(shared_fixture("vcard/John_Doe_IPHONE.vcf"))
    assert john.phone_kinds == {
        "905-555-1234": "cell",
        "905-666-1234": "home",
        "905-777-1234": "work",
        "905-888-1234": "home fax",
        "905-999-1234": "work fax",
        "905-111-1234": "pager",
        "905-222-1234": "assistantphone",  # Apple's label on a grouped item2.TEL
    }


def test_outlook_and_rfc_kinds():
    (outlook,) = _records(shared_fixture("vcard/outlook-2007.vcf"))
    assert outlook.phone_kinds["(111) 555-3333"] == "work fax"
    assert outlook.phone_kinds["(111) 555-4444"] == "cell"
    (rfc,) = _records(shared_fixture("vcard/rfc6350-example.vcf"))
    assert rfc.phone_kinds == {"+1-418-656-9254 ext. 102": "work", "+1-418-262-6501": "work cell text video"}


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_vcard_round_trip_of_kinds(tmp_path, version):
    (john,) = _records(shared_fixture("vcard/John_Doe_IPHONE.vcf"))
    contact = Contact(id="john", name="John Doe", phone=john.phone, phone_kinds=john.phone_kinds)
    path = tmp_path / "out.vcf"
    path.write_bytes(render([contact], version))
    (back,) = _records(path)
    assert back.phone == john.phone
    assert back.phone_kinds == john.phone_kinds


def test_words_and_labels():
    assert kind_from_words(["VOICE", "WORK", "pref", "FAX"]) == "work fax"
    assert kind_from_words(["voice"]) == ""
    assert kind_from_words(["Mobile", "x-custom"]) == "cell"
    assert kind_from_label("* Work Fax") == "work fax"
    assert kind_from_label("_$!<Other>!$_") == "other"
    assert kind_from_label("") == ""
    assert vcard_types("work [b]fax[/b] cell") == ["work", "cell"]  # only words a TYPE can carry


def test_google_labels_become_kinds(tmp_path):
    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\n"
        "Ann,Lee,* Mobile,555 0100 ::: 555 0101,Work Fax,555 0199\n"
        "Bob,Ray,,555 0200,Assistant,\n",
        "utf-8",
    )
    ann, bob = google.parse(path)
    assert ann.phone_kinds == {"555 0100": "cell", "555 0101": "cell", "555 0199": "work fax"}
    assert bob.phone == ["555 0200"]
    assert bob.phone_kinds == {}


def test_file_keeps_kinds_by_number_and_reports_strays():
    table = {"name": "A", "phone": ["(905) 555-1234", "+44 20 7946 0000"], "phone_kinds": {"+1 905 555 1234": "work"}}
    contact = Contact.from_dict("a", table)
    assert kind_of("(905) 555-1234", contact.phone_kinds) == "work"  # a reformatted key still names its number
    assert contact.to_dict()["phone_kinds"] == {"+1 905 555 1234": "work"}  # written back as the user wrote it
    contact.phone = ["+44 20 7946 0000"]
    assert "phone_kinds" not in contact.to_dict()  # the number went, and its kind with it
    with pytest.raises(RecordError, match="not one of 'phone'") as stray:
        Contact.from_dict("a", {"name": "A", "phone": ["555 0100"], "phone_kinds": {"555 0199": "work"}})
    assert stray.value.key_path == ("phone_kinds", "555 0199")
    with pytest.raises(RecordError, match="must be a string"):
        Contact.from_dict("a", {"name": "A", "phone": ["555 0100"], "phone_kinds": {"555 0100": 3}})
    with pytest.raises(RecordError):
        Contact.from_dict("a", {"name": "A", "phone": ["555 0100"], "phone_kinds": "work"})


def test_old_files_without_kinds_are_written_unchanged():
    table = {"format": 1, "name": "A", "phone": ["555 0100"]}
    assert Contact.from_dict("a", dict(table)).to_dict() == table


def test_import_fills_missing_kinds_and_keeps_the_users():
    contact = Contact(id="a", name="A", phone=["+1 905 555 1234"], phone_kinds={"+1 905 555 1234": "home"})
    record = Record(
        line=1,
        name="A",
        phone=["(905) 555-1234", "555 0100"],
        phone_kinds={"(905) 555-1234": "work", "555 0100": "cell"},
    )
    assert merge_record(contact, record, region="CA")
    assert contact.phone == ["+1 905 555 1234", "555 0100"]
    assert contact.phone_kinds == {"+1 905 555 1234": "home", "555 0100": "cell"}


def test_merging_people_notes_a_differing_kind():
    keep = Contact(id="a", name="A", phone=["555 0100"], phone_kinds={"555 0100": "home"})
    gone = Contact(
        id="b", name="A", phone=["555 0100", "555 0199"], phone_kinds={"555 0100": "work", "555 0199": "fax"}
    )
    merge_into(keep, gone)
    assert keep.phone_kinds == {"555 0100": "home", "555 0199": "fax"}
    assert "the kind of 555 0100 was work" in keep.notes


def test_hostile_kinds_are_cleaned_on_import():
    record = Record(line=1, name="A", phone=["555 0100"], phone_kinds={"555 0100": "work\x1b[31m" + "x" * 100})
    assert record.phone_kinds["555 0100"].startswith("work[31m")
    assert len(record.phone_kinds["555 0100"]) <= 40


def test_csv_lines_kinds_up_with_phones():
    contact = Contact(id="a", name="A", phone=["555 0100", "555 0101"], phone_kinds={"555 0101": "work"})
    text = contacts_csv([contact]).decode("utf-8")
    assert "phone_kinds" in text.splitlines()[0]
    assert '"555 0100\n555 0101","\nwork"' in text
