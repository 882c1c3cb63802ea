"""vCard parsing on the files real clients write, and on damaged ones."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pytest

from networkday.importers import ImportFormatError
from tests.fixture_files import every, fixture
from tests.read_all import ReadFile, read_all


def read(path: Path) -> ReadFile:
    return read_all("vcard", path)


def vcf(tmp_path: Path, text: str, name: str = "cards.vcf") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


@pytest.mark.parametrize("path", every(".vcf"), ids=lambda path: path.name)
def test_every_fixture_reads_without_a_skipped_card(path):
    source = read(path)
    assert source.records
    assert source.skipped == []
    assert all(record.name for record in source.records)


def test_iphone_groups_labels_pref_order_and_the_photo_left_out():
    [john] = read(fixture("vcard/John_Doe_IPHONE.vcf")).records
    assert (john.name, john.company, john.title) == ("Mr. John Richter James Doe Sr.", "IBM", "Money Counter")
    assert john.email == ["john.doe@ibm.com"]  # item1.EMAIL
    assert john.phone[0] == "905-555-1234"  # type=pref first
    assert "905-222-1234" in john.phone  # item2.TEL with its X-ABLabel
    assert john.links == ["http://www.ibm.com"]  # item5.URL, its "\:" unescaped
    assert len(john.phone) == 7


def test_gmail_folded_and_escaped_lines_and_an_unescaped_comma_in_fn():
    [john] = read(fixture("vcard/John_Doe_GMAIL.vcf")).records
    assert john.name == "Mr. John Richter, James Doe Sr."  # vobject alone would keep "Mr. John Richter"
    assert john.notes.startswith('THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"')
    assert "LIMITED TO, THE IMPLIED" in john.notes  # a fold in the middle of a word is joined
    assert john.notes.endswith("DAMAGE.\nFavotire Color: Blue")
    assert john.phone == ["905-555-1234", "905-666-1234"]


def test_outlook_quoted_printable_note_and_bare_21_parameters():
    [mike] = read(fixture("vcard/outlook-2007.vcf")).records
    assert (mike.name, mike.company, mike.title) == ("Mr. Michael Angstadt Jr.", "TheCompany", "TheJobTitle")
    assert mike.notes.splitlines() == [
        "This is the NOTE field\t",
        "I assume it encodes this text inside a NOTE vCard type.",
        "But I'm not sure because there's text formatting going on here.",
        "It does not preserve the formatting",
    ]
    assert mike.email == ["mike.angstadt@gmail.com"]
    assert mike.links == ["http://mikeangstadt.name"]  # HOME and WORK: one link


def test_a_gmail_list_of_several_contacts_with_their_lines():
    source = read(fixture("vcard/gmail-list.vcf"))
    assert [(record.line, record.name, record.email) for record in source.records] == [
        (1, "Arnold Smith", ["asmithk@gmail.com"]),
        (7, "Chris Beatle", ["chrisy55d@yahoo.com"]),
        (13, "Doug White", ["dwhite@gmail.com"]),
    ]


def test_rfc6350_tel_uris_become_numbers_people_dial():
    [simon] = read(fixture("vcard/rfc6350-example.vcf")).records
    assert simon.phone == ["+1-418-656-9254 ext. 102", "+1-418-262-6501"]
    assert (simon.company, simon.email, simon.links) == (
        "Viagenie",
        ["simon.perreault@viagenie.ca"],
        ["http://nomis80.org"],
    )


def test_categories_related_and_networkday_fields(tmp_path):
    path = vcf(
        tmp_path,
        """BEGIN:VCARD
VERSION:4.0
UID:urn:uuid:ann
FN:Ann Lee
CATEGORIES:PyCon,friends\\, old,mentor
CATEGORIES:extra
RELATED;TYPE=spouse:urn:uuid:someone
RELATED;TYPE=colleague;VALUE=text:Bob Ray
X-NETWORKDAY-HIRING-MANAGER:TRUE
X-NETWORKDAY-MOTIVES:curiosity\\,learning
X-NETWORKDAY-CADENCE-DAYS:30
X-NETWORKDAY-FOLLOW-UP:2026-12-01
X-NETWORKDAY-MET:PyCon 2024\\; hallway
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Bad Own Fields
X-NETWORKDAY-CADENCE-DAYS:often
X-NETWORKDAY-FOLLOW-UP:soon
item1.X-ABRELATEDNAMES:Ann Lee
item1.X-ABLabel:referred by
item2.X-ABRELATEDNAMES:Jenny
item2.X-ABLabel:_$!<Spouse>!$_
END:VCARD
""",
    )
    source = read(path)
    ann, bad = source.records
    assert ann.tags == ["PyCon", "friends, old", "mentor", "extra"]
    assert ann.related == ["Bob Ray"]  # a spouse never introduced anyone
    assert (ann.hiring_manager, ann.motives, ann.cadence_days, ann.follow_up, ann.met) == (
        True,
        ["curiosity", "learning"],
        30,
        date(2026, 12, 1),
        "PyCon 2024; hallway",
    )
    assert ann.uid == "urn:uuid:ann"
    assert bad.related == ["Ann Lee"]
    assert (bad.cadence_days, bad.follow_up) == (None, None)
    assert [item.reason.split(" ")[0] for item in source.warnings] == [
        "X-NETWORKDAY-CADENCE-DAYS",
        "X-NETWORKDAY-FOLLOW-UP",
    ]


def test_a_card_without_fn_takes_its_name_from_n(tmp_path):
    path = vcf(tmp_path, "BEGIN:VCARD\nVERSION:3.0\nN:Lee;Ann;Q.;Dr.;PhD\nEND:VCARD\n")
    assert read(path).records[0].name == "Dr. Ann Q. Lee PhD"


def test_21_with_a_legacy_charset(tmp_path):
    path = tmp_path / "old.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M\xfcller;J\xfcrgen\r\n"
        b"FN;CHARSET=ISO-8859-1:J\xfcrgen M\xfcller\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Gr=FC=DFe=0D=0Aaus Berlin\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEND:VCARD\r\n"
    )
    juergen, ann = read(path).records
    assert (juergen.name, juergen.notes) == ("Jürgen Müller", "Grüße\naus Berlin")
    assert ann.name == "Ann Lee"


def test_a_missing_end_skips_that_card_only(tmp_path):
    path = vcf(
        tmp_path,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bob Ray\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Short\n",
    )
    source = read(path)
    assert [record.name for record in source.records] == ["Bob Ray"]
    assert [(item.line, item.reason) for item in source.skipped] == [
        (1, "the card has no END:VCARD"),
        (8, "the card has no END:VCARD (is the file cut short?)"),
    ]


def test_a_truncated_file_keeps_every_complete_card(tmp_path):
    whole = fixture("vcard/gmail-list.vcf").read_bytes()
    path = tmp_path / "cut.vcf"
    path.write_bytes(whole[: whole.index(b"Doug") + 2])
    source = read(path)
    assert [record.name for record in source.records] == ["Arnold Smith", "Chris Beatle"]
    assert source.skipped[0].line == 13


def test_binary_bytes_inside_a_card_skip_that_card(tmp_path):
    path = tmp_path / "cards.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann \xff\xfe Lee\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Ray\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\n\x01\x02 no colon here\r\nEND:VCARD\r\n"
    )
    source = read(path)
    assert [record.name for record in source.records] == ["Bob Ray"]
    assert [item.line for item in source.skipped] == [1, 9]
    assert "not UTF-8" in source.skipped[0].reason
    assert "cannot be read" in source.skipped[1].reason


def test_a_huge_photo_is_dropped_fast_and_an_80_mb_note_skips_its_card(tmp_path):
    photo = base64.b64encode(bytes(range(256)) * 40_000).decode()
    folded = "\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    path = tmp_path / "big.vcf"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(f"BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nPHOTO;ENCODING=b;TYPE=JPEG:{folded}\nEND:VCARD\n")
        out.write("BEGIN:VCARD\nVERSION:3.0\nFN:Huge Note\nNOTE:")
        out.write("x" * 80_000_000)
        out.write("\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Bob Ray\nEND:VCARD\n")
    source = read(path)
    assert [record.name for record in source.records] == ["Ann Lee", "Bob Ray"]
    assert "larger than 1 MB" in source.skipped[0].reason


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"First Name,Last Name\r\nAnn,Lee\r\n", "line 1 should be BEGIN:VCARD"),
        (b"\x00\x01\x02BEGIN:VCARD", "is a binary file"),
        (b"   \r\n", "the file is empty"),
    ],
)
def test_a_file_that_is_not_a_vcard_fails_at_once(tmp_path, content, message):
    path = tmp_path / "cards.vcf"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=message):
        read(path)
