"""The limits an import holds a person to, each reported with its line, and the summary's own limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main
from networkday.domain.contact import Contact
from networkday.importers import parse_file
from networkday.services.importer import import_source
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.read_all import read_all

GOOGLE = "First Name,Last Name,Organization Name,Labels,Notes"


def google(tmp_path: Path, header: str, *rows: str) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text("\r\n".join((header, *rows)) + "\r\n", "utf-8")
    return path


def emails(count: int, width: int | None = None) -> tuple[str, list[str]]:
    """A header with ``width`` email columns and a row's cells holding ``count`` addresses."""
    columns = ",".join(f"E-mail {n} - Value" for n in range(1, (width or count) + 1))
    cells = [f"a{n}@example.com" for n in range(count)] + [""] * ((width or count) - count)
    return f"{GOOGLE},{columns}", cells


def run(store: Store, kind: str, path: Path):
    return import_source(store, parse_file(kind, path))


def test_sixty_email_columns_keep_the_first_twenty(tmp_path: Path):
    header, cells = emails(60)
    source = read_all("google", google(tmp_path, header, "Ann,Lee,Acme,,," + ",".join(cells)))
    [ann] = source.records
    assert ann.email == [f"a{n}@example.com" for n in range(20)]
    assert [str(item) for item in source.warnings] == ["line 2: 60 email addresses; kept the first 20"]


def test_the_reported_file_of_200000_email_columns(tmp_path: Path):
    """The busiest row is 3 MB: skipped unread; a row with 30,000 addresses keeps 20; the rest come in whole."""
    header, busy = emails(200_000)
    _, many = emails(30_000, 200_000)
    _, two = emails(2, 200_000)
    rows = ("Ann,Lee,,,," + ",".join(busy), "Bob,Ray,,,," + ",".join(many), "Cy,Wu,,,," + ",".join(two))
    source = read_all("google", google(tmp_path, header, *rows))
    assert [(record.name, len(record.email)) for record in source.records] == [("Bob Ray", 20), ("Cy Wu", 2)]
    assert [str(item) for item in source.skipped] == ["line 2: the row is longer than 1,000,000 characters; not read"]
    assert [str(item) for item in source.warnings] == ["line 3: 30,000 email addresses; kept the first 20"]


def test_long_fields_are_cut_and_said_so(tmp_path: Path):
    company, note, label = "C" * 400, "word " * 5000, "L" * 101
    labels = " ::: ".join([label] + [f"tag{n}" for n in range(60)])
    address = "x" * 250 + "@example.com"
    header = f"{GOOGLE},E-mail 1 - Value,E-mail 2 - Value"
    source = read_all(
        "google", google(tmp_path, header, f"Ann,Lee,{company},{labels},{note},{address},ann@example.com")
    )
    [ann] = source.records
    assert (ann.company, len(ann.notes), ann.email) == ("C" * 300, 20_000 - 1, ["ann@example.com"])
    assert ann.tags == [f"tag{n}" for n in range(50)]
    assert [str(item) for item in source.warnings] == [
        "line 2: the company is 400 characters long; kept the first 300",
        "line 2: the note is 24,999 characters long; kept the first 20,000",
        "line 2: 1 of the email addresses longer than 254 characters; left out",
        "line 2: 1 of the tags longer than 100 characters; left out",
        "line 2: 60 tags; kept the first 50",
    ]


def test_a_note_past_the_csv_modules_own_cell_limit_is_cut_not_skipped(tmp_path: Path):
    source = read_all("google", google(tmp_path, GOOGLE, 'Ann,Lee,Acme,,"' + "n" * 200_000 + '"'))
    [ann] = source.records
    assert ann.notes == "n" * 20_000
    assert [str(item) for item in source.warnings] == [
        "line 2: the note is 200,000 characters long; kept the first 20,000"
    ]


def test_what_was_cut_is_cut_the_same_way_again(store: Store, tmp_path: Path):
    path = google(tmp_path, GOOGLE, f"Ann,Lee,{'C' * 400},,{'word ' * 5000}")
    assert len(run(store, "google", path).added) == 1
    before = (store.contacts_dir / "ann-lee.toml").read_bytes()
    again = run(store, "google", path)
    assert (again.added, again.updated, again.unchanged) == ([], [], 1)
    assert (store.contacts_dir / "ann-lee.toml").read_bytes() == before


def test_a_vcard_line_over_a_megabyte_skips_its_card_and_the_next_comes_in(tmp_path: Path):
    path = tmp_path / "cards.vcf"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nNOTE:" + "n" * 2_000_000 + "\r\nEND:VCARD\r\n")
        emails = "".join(f"EMAIL:b{n}@example.com\r\n" for n in range(30))
        out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Ray\r\n{emails}END:VCARD\r\n")
    source = read_all("vcard", path)
    assert [(record.name, len(record.email)) for record in source.records] == [("Bob Ray", 20)]
    assert [str(item) for item in source.skipped] == ["line 1: the card is larger than 1 MB without its photo"]
    assert [str(item) for item in source.warnings] == ["line 6: 30 email addresses; kept the first 20"]


def test_a_person_already_full_takes_no_more_and_the_rows_say_so(store: Store, tmp_path: Path):
    mine = [f"m{n}@example.com" for n in range(25)]  # typed by the user: more than an import adds, all kept
    # The parts are there already: the row brings nothing but emails past the limit.
    store.add_contact(Contact(id="", name="Ann Lee", given="Ann", family="Lee", email=mine))
    header = f"{GOOGLE},E-mail 1 - Value,E-mail 2 - Value,E-mail 3 - Value"
    path = google(tmp_path, header, "Ann,Lee,,,,m0@example.com,new1@example.com,new2@example.com")
    summary = run(store, "google", path)
    assert (summary.updated, summary.unchanged) == ([], 1)
    assert store.contact("ann-lee").email == mine
    assert [str(item) for item in summary.warnings] == [
        "line 2: Ann Lee already has 20 email addresses; 2 more left out"
    ]


def test_one_person_over_many_rows_is_held_to_the_limit(store: Store, tmp_path: Path):
    header, _ = emails(15)
    rows = [
        "Ann,Lee,Acme,,," + ",".join(f"r{row}-{n}@example.com" if n else "ann@example.com" for n in range(15))
        for row in range(3)
    ]
    summary = run(store, "google", google(tmp_path, header, *rows))
    assert (len(summary.added), summary.combined) == (1, 2)
    assert len(store.contact("ann-lee").email) == 20
    assert [str(item) for item in summary.warnings] == [
        "line 3: Ann Lee already has 20 email addresses; 9 more left out",
        "line 4: Ann Lee already has 20 email addresses; 14 more left out",
    ]


def test_a_file_of_nothing_but_broken_rows_lists_a_thousand_exits_1_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    data = tmp_path / "data"
    assert main(["add", "Zoe Quinn", "--data-dir", str(data)]) == 0
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    path = google(tmp_path, GOOGLE, *([",,Acme,,"] * 1500))
    capsys.readouterr()
    assert main(["import", "google", str(path), "--data-dir", str(data)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        "contacts.csv: 1500 rows read",
        "add 0, update 0, unchanged 0",
        "skipped 1500 rows:",
        "  line 2: no name and no email address",
    ]
    assert out[1002:1004] == ["  line 1001: no name and no email address", "  … and 500 more not listed"]
    assert {path: path.read_bytes() for path in data.rglob("*") if path.is_file()} == before
