"""The index cache is derived and disposable: hand edits are seen, deleting it loses nothing."""

from __future__ import annotations

import marshal
import os
import sys
from datetime import date

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage import index
from networkday.storage.records import Records
from networkday.storage.store import Store

DAY = date(2026, 11, 25)


def _filled(store: Store) -> Store:
    store.add_contact(Contact(id="", name="Jane Doe", company="Initech"))
    store.add_contact(Contact(id="", name="Sam Lee", company="Globex"))
    store.update_day(DAY, lambda day: setattr(day.journal, "rating", 4))
    return store


def _summaries(store: Store) -> tuple:
    return (
        {key: summary.to_row() for key, summary in store.contacts.items()},
        {key: summary.to_row() for key, summary in store.days.items()},
        dict(store.problems),
    )


def test_a_start_from_the_index_reads_no_record(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(store)
    monkeypatch.setattr(Records, "decode", lambda *args: (_ for _ in ()).throw(AssertionError("parsed a file")))
    again = Store.open(store.root, clock)
    assert again.contacts["jane-doe"].company == "Initech"
    assert again.days[DAY.toordinal()].rating == 4


def test_a_hand_edit_is_seen_by_the_next_open_and_the_next_scan(store: Store, clock: FixedClock) -> None:
    _filled(store)
    path = store.contact_path("jane-doe")
    path.write_text(path.read_text().replace("Initech", "Initrode Holdings"))
    again = Store.open(store.root, clock)
    assert again.contacts["jane-doe"].company == "Initrode Holdings"
    path.write_text(path.read_text().replace("Initrode Holdings", "Umbrella"))
    changed = again.scan()
    assert changed.changed_contacts == {"jane-doe"}
    assert again.contacts["jane-doe"].company == "Umbrella"


def test_an_edit_that_keeps_the_size_is_seen_through_the_mtime(store: Store, clock: FixedClock) -> None:
    _filled(store)
    path = store.contact_path("jane-doe")
    before = path.stat()
    path.write_text(path.read_text().replace("Initech", "Initeck"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    assert Store.open(store.root, clock).contacts["jane-doe"].company == "Initeck"


def test_deleting_the_index_loses_nothing(store: Store, clock: FixedClock) -> None:
    _filled(store)
    store.contact_path("sam-lee").write_text('name = "Sam Lee"\nmotives = ["greed"]\n')
    store.scan()
    expected = _summaries(store)
    store.index_path.unlink()
    assert _summaries(Store.open(store.root, clock)) == expected
    assert store.index_path.exists()


def test_a_damaged_or_foreign_index_is_rebuilt(store: Store, clock: FixedClock) -> None:
    _filled(store)
    expected = _summaries(store)
    for junk in (b"", b"\x00\x01garbage", b"not marshal at all" * 100):
        store.index_path.write_bytes(junk)
        assert _summaries(Store.open(store.root, clock)) == expected


def test_an_index_whose_rows_do_not_fit_is_rebuilt(store: Store, clock: FixedClock) -> None:
    _filled(store)
    expected = _summaries(store)
    key = (index.INDEX_VERSION, sys.version_info[:2])
    bad = {"key": key, "contacts": {"jane-doe": (1, 2, ("too", "short"), None, None)}, "days": {}}
    store.index_path.write_bytes(marshal.dumps(bad))
    assert _summaries(Store.open(store.root, clock)) == expected


def test_a_deleted_file_disappears(store: Store, clock: FixedClock) -> None:
    _filled(store)
    store.contact_path("sam-lee").unlink()
    store.day_path(DAY).unlink()
    again = Store.open(store.root, clock)
    assert set(again.contacts) == {"jane-doe"}
    assert again.days == {}
    store.contact_path("jane-doe").unlink()
    assert again.scan().changed_contacts == {"jane-doe"}
    assert again.contacts == {}


def test_a_new_file_made_by_hand_appears(store: Store) -> None:
    _filled(store)
    (store.contacts_dir / "new-person.toml").write_text('name = "New Person"\n')
    (store.days_dir / "2027").mkdir()
    (store.days_dir / "2027" / "2027-01-02.toml").write_text("date = 2027-01-02\n[journal]\nrating = 5\n")
    result = store.scan()
    assert result.changed_contacts == {"new-person"}
    assert result.changed_days == {date(2027, 1, 2).toordinal()}
    assert store.days[date(2027, 1, 2).toordinal()].rating == 5


def test_an_unchanged_folder_scans_without_changes(store: Store) -> None:
    _filled(store)
    assert not store.scan()


def test_a_problem_found_before_is_remembered_by_the_index(store: Store, clock: FixedClock) -> None:
    _filled(store)
    path = store.contact_path("sam-lee")
    path.write_text('name = "Sam"\nhiring_manager = "yes"\n')
    store.scan()
    again = Store.open(store.root, clock, scan=False)
    assert again.problems[path] == store.problems[path]
