"""``[import] region`` on a real folder: an import and a merge keep one number once; check locates a bad region."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main
from networkday.domain.contact import Contact
from networkday.importers import parse_file
from networkday.services.actions import merge_contacts
from networkday.services.importer import import_source
from networkday.storage.store import Store
from tests.conftest import NOW


def with_region(store: Store, region: str) -> Store:
    (store.root / "config.toml").write_text(f'[import]\nregion = "{region}"\n', "utf-8")
    store.load_config()
    return store


def google_csv(tmp_path: Path) -> Path:
    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value\nAnn,Lee,ann@acme.example,(905) 555-1234\n", "utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("region", "phones"), [("CA", ["+1 905-555-1234"]), ("", ["+1 905-555-1234", "(905) 555-1234"])]
)
def test_reimporting_a_national_spelling(store: Store, tmp_path: Path, region: str, phones: list[str]) -> None:
    if region:
        with_region(store, region)
    ann = store.add_contact(
        Contact(id="", name="Ann Lee", given="Ann", family="Lee", email=["ann@acme.example"], phone=["+1 905-555-1234"])
    )
    summary = import_source(store, parse_file("google", google_csv(tmp_path)))
    assert store.contact(ann.id).phone == phones
    assert summary.unchanged == (1 if region else 0)


def test_merging_two_people_keeps_one_number_once(store: Store) -> None:
    with_region(store, "ca")
    ann = store.add_contact(Contact(id="", name="Ann Lee", phone=["(905) 555-1234"]))
    other = store.add_contact(Contact(id="", name="Ann Lee", phone=["+1 905 555 1234", "+1 416 555 0000"]))
    kept = merge_contacts(store, ann.id, other.id)
    assert kept.phone == ["(905) 555-1234", "+1 416 555 0000"]
    assert store.contact(ann.id).phone == kept.phone


def test_check_locates_a_region_that_is_no_country_code(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    data = tmp_path / "data"
    assert main(["add", "Maya", "--data-dir", str(data)]) == 0
    (data / "config.toml").write_text('format = 1\n\n[import]\nregion = "Canada"\n', "utf-8")
    (data / "config.toml").chmod(0o600)
    capsys.readouterr()
    assert main(["check", "--data-dir", str(data)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first == f"{data / 'config.toml'}:4:1: 'region' must be a two-letter country code, such as \"CA\""
