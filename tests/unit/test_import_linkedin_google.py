"""LinkedIn and Google CSV parsing: real layouts, messy rows, and files that are not what they claim."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from networkday.importers import ImportFormatError
from networkday.importers.linkedin import parse_connected
from tests.fixture_files import fixture
from tests.read_all import ReadFile, read_all

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
NOTES = (
    'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."'
    "\r\n\r\n"
)


def linkedin(tmp_path: Path, body: str, *, header: str = HEADER, newline: str = "\r\n", prefix: bytes = b"") -> Path:
    path = tmp_path / "Connections.csv"
    text = NOTES + header + "\r\n" + body
    path.write_bytes(prefix + text.replace("\r\n", newline).encode("utf-8"))
    return path


def read(path: Path, kind: str = "linkedin") -> ReadFile:
    return read_all(kind, path)


def by_name(source) -> dict:
    return {record.name: record for record in source.records}


def test_the_fixture_in_the_current_layout():
    source = read(fixture("linkedin/Connections.csv"))
    people = by_name(source)
    assert len(source.records) == 18
    maya = people["Maya Lindqvist"]
    assert (maya.line, maya.company, maya.title) == (5, "Northwind Traders", "Director of Engineering")
    assert maya.email == ["maya.lindqvist@example.com"]
    assert maya.links == ["https://www.linkedin.com/in/maya-lindqvist-0a1b2c"]
    assert maya.connected == date(2026, 11, 3)
    assert maya.log == []  # connecting is not a touch: Maya stays "never contacted"
    assert people["Tomás Ferreira"].company == "Contoso, Ltd."
    assert people["Tomás Ferreira"].email == []
    assert people["Olu Adeyemi"].title == 'Staff Engineer, "Core" team'
    assert people["Wen Zhou"].title == "Editor, Special Projects"  # a newline inside quotes
    assert people["Wen Zhou"].line == 23
    assert people["Aiko Tanaka"].title == "シニアエンジニア"
    assert "李 娜" in people
    assert people["Noa Levi"].title == "ראש צוות"
    assert "Sam 🚀 Okoye" in people
    assert people["Chris Mbeki"].company == "Self-employed"  # kept as written
    assert people["Priya Raman"].connected == date(2026, 1, 1)
    assert [(item.line, item.reason) for item in source.skipped] == [
        (22, "no name or email: LinkedIn leaves them out for some members")
    ]
    assert [item.line for item in source.warnings] == [17]  # "JosÃ©": kept, but pointed out
    assert sum(1 for record in source.records if record.name == "Jordan Reese") == 2


def test_the_fixture_in_the_old_layout_without_urls():
    source = read(fixture("linkedin/Connections-old-layout.csv"))
    assert [record.name for record in source.records][:2] == ["Maya Lindqvist", "Tomás Ferreira"]
    assert all(record.links == [] for record in source.records)
    assert by_name(source)["Daniel O'Connor"].email == ["dan.oconnor@example.com"]


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
@pytest.mark.parametrize("prefix", [b"", codecs.BOM_UTF8])
def test_line_endings_and_bom_do_not_matter(tmp_path, newline, prefix):
    path = linkedin(tmp_path, "Ann,Lee,,ann@example.com,Acme,CTO,07 Dec 2025\r\n", newline=newline, prefix=prefix)
    [record] = read(path).records
    assert (record.name, record.line, record.connected) == ("Ann Lee", 5, date(2025, 12, 7))


def test_utf16_with_bom_is_read_too(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes((NOTES + HEADER + "\r\nZoë,Ünal,,,,,1 Jan 2026\r\n").encode("utf-16"))
    assert [record.name for record in read(path).records] == ["Zoë Ünal"]


def test_a_broken_row_skips_only_that_row(tmp_path):
    body = (
        "Ann,Lee,,,Acme,CTO,07 Dec 2025\r\n"
        "Cut,Short,,\r\n"
        "Too,Many,,,Acme, Inc.,CTO,07 Dec 2025\r\n"
        "Bad,\xff\xfebytes,,,,,07 Dec 2025\r\n"
        "Odd,Date,,,,,sometime in 2019\r\n"
        "Bob,Ray,,,,,1 Jan 2026\r\n"
    )
    path = tmp_path / "Connections.csv"
    path.write_bytes((NOTES + HEADER + "\r\n").encode() + body.encode("latin-1"))
    source = read(path)
    assert [record.name for record in source.records] == ["Ann Lee", "Odd Date", "Bob Ray"]
    assert [(item.line, item.reason.split(" (")[0]) for item in source.skipped] == [
        (6, "has 4 of the header's 7 fields"),
        (7, "has 8 fields but the header has 7"),
        (8, "holds bytes that are not UTF-8 text"),
    ]
    assert by_name(source)["Odd Date"].connected is None
    assert [item.line for item in source.warnings] == [9]


def test_a_truncated_file_loses_only_its_last_row(tmp_path):
    whole = linkedin(tmp_path, "Ann,Lee,,,Acme,CTO,07 Dec 2025\r\nBob,Ray,,,Glob").read_bytes()
    (tmp_path / "cut.csv").write_bytes(whole)
    source = read(tmp_path / "cut.csv")
    assert [record.name for record in source.records] == ["Ann Lee"]
    assert source.skipped[0].line == 6


def test_an_80_mb_line_is_skipped_and_the_rest_comes_in(tmp_path):
    path = tmp_path / "Connections.csv"
    with path.open("wb") as out:
        out.write((NOTES + HEADER + "\r\nAnn,Lee,,,Acme,CTO,07 Dec 2025\r\nHuge,").encode())
        out.write(b"x" * 80_000_000)
        out.write(b",,,,,07 Dec 2025\r\nBob,Ray,,,,,1 Jan 2026\r\n")
    source = read(path)
    assert [record.name for record in source.records] == ["Ann Lee", "Bob Ray"]
    assert source.skipped[0].line == 6
    assert source.skipped[0].reason == "the row is longer than 1,000,000 characters; not read"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "is a binary file"),
        (b"Name,Phone\r\nAnn,555\r\n", "no 'First Name,Last Name,"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n", "not a LinkedIn connections export"),
    ],
)
def test_a_file_that_is_not_a_linkedin_export_fails_at_once(tmp_path, content, message):
    path = tmp_path / "Connections.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=message) as failure:
        read(path)
    assert str(path) in str(failure.value)
    assert "\n" not in str(failure.value)


def test_a_missing_file_or_a_folder_fails_with_its_name(tmp_path):
    with pytest.raises(ImportFormatError, match="cannot be read"):
        read(tmp_path / "nope.csv")
    with pytest.raises(ImportFormatError, match="is a folder"):
        read(tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07 Dec 2025", date(2025, 12, 7)),
        ("1 Jan 2026", date(2026, 1, 1)),
        ("15 aug 2019", date(2019, 8, 15)),
        ("2024-02-29", date(2024, 2, 29)),
        ("31 Feb 2024", None),
        ("Dec 2025", None),
        ("", None),
    ],
)
def test_connected_on_dates(text, expected):
    assert parse_connected(text) == expected


GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,Notes,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Phone 2 - Label,Phone 2 - Value,Phone 3 - Label,Phone 3 - Value,Website 1 - Label,Website 1 - Value"
)


def google(tmp_path: Path, header: str, *rows: str) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text("\n".join((header, *rows)) + "\n", "utf-8")
    return path


def test_google_current_layout_with_numbered_columns_and_packed_cells(tmp_path):
    path = google(
        tmp_path,
        GOOGLE_HEADER,
        'Ann,Q.,Lee,,Acme,CTO,"Met at PyCon,\nloves tea",Friends ::: * myContacts ::: * starred,'
        "Work,ann@acme.example ::: ann.lee@acme.example,Home,ann@home.example,Mobile,+1 555 0100,,,Work,555 0101,"
        "LinkedIn,https://www.linkedin.com/in/ann-lee",
        ",,,,Globex,,,* myContacts,,bob@globex.example,,,,,,,,,,",
        ",,,,,,,,,,,,,,,,,,,",
    )
    source = read(path, "google")
    ann, bob = source.records
    assert (ann.name, ann.company, ann.title, ann.line) == ("Ann Q. Lee", "Acme", "CTO", 2)
    assert ann.email == ["ann@acme.example", "ann.lee@acme.example", "ann@home.example"]
    assert ann.phone == ["+1 555 0100", "555 0101"]
    assert ann.links == ["https://www.linkedin.com/in/ann-lee"]
    assert ann.tags == ["Friends", "starred"]
    assert ann.notes == "Met at PyCon,\nloves tea"
    assert (bob.name, bob.company, bob.tags) == ("bob@globex.example", "Globex", [])
    assert source.skipped == []


def test_google_legacy_layout(tmp_path):
    header = (
        "Name,Given Name,Additional Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
        "Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title"
    )
    path = google(
        tmp_path,
        header,
        "Ann Lee,Ann,,Lee,* myContacts ::: Coworkers,* Work,ann@acme.example,Mobile,555 0100,,Acme Inc,CTO",
        ",Bob,,Ray,,,,,,,,",
    )
    ann, bob = read(path, "google").records
    assert (ann.name, ann.company, ann.title, ann.tags, ann.phone) == (
        "Ann Lee",
        "Acme Inc",
        "CTO",
        ["Coworkers"],
        ["555 0100"],
    )
    assert bob.name == "Bob Ray"


def test_google_rows_that_are_broken_or_nameless_are_skipped_with_their_line(tmp_path):
    path = google(tmp_path, "First Name,Last Name,E-mail 1 - Value", "Ann,Lee,ann@acme.example", "Cut", ",,", ",,  ")
    source = read(path, "google")
    assert [record.name for record in source.records] == ["Ann Lee"]
    assert [item.line for item in source.skipped] == [3]


def test_a_linkedin_file_is_not_a_google_csv():
    with pytest.raises(ImportFormatError, match="not a Google Contacts CSV"):
        read(fixture("linkedin/Connections.csv"), "google")


def test_a_csv_with_the_wrong_header_is_not_a_google_csv(tmp_path):
    with pytest.raises(ImportFormatError, match="'First Name' \\(or 'Name'\\)"):
        read(google(tmp_path, "Name,Phone", "Ann,555"), "google")
