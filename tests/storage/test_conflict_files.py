"""Sync conflicts on real folders: counted from the index, listed from their files, settled under the lock."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.domain.conflict_settle import ABSENT
from networkday.storage import conflict_files
from networkday.storage.conflict_files import all_conflicts, record_conflicts, settle_conflict
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from tests.conflict_world import conflicted, write
from tests.storage.test_unlocked_writers import Writer

DAY = date(2026, 11, 25)


@pytest.fixture
def folder(store: Store) -> dict[str, Path]:
    paths = conflicted(store.root)
    store.scan()
    return paths


def on_disk(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def test_the_index_counts_each_file_conflicts_and_a_fresh_open_keeps_them(store: Store, folder) -> None:
    assert store.contacts["ada-lovelace"].conflicts == 2
    assert store.days[DAY.toordinal()].conflicts == 1
    assert store.company_conflicts() == {"acme": 1}
    again = Store.open(store.root, store.clock, scan=False)  # from the index cache alone
    assert again.contacts["ada-lovelace"].conflicts == 2
    assert again.days[DAY.toordinal()].conflicts == 1


def test_every_conflict_is_listed_with_its_record_and_both_values(store: Store, folder) -> None:
    found = [(i.kind, i.record, i.title, i.conflict.field, i.ours, i.conflict.theirs) for i in all_conflicts(store)]
    assert found == [
        ("person", "ada-lovelace", "Ada Lovelace", "title", "Engineer", "[b]Countess\x1b[31m"),
        ("person", "ada-lovelace", "Ada Lovelace", "log[aaaa0001].note", "mine", "theirs"),
        ("company", "acme", "Acme", "website", "https://acme.example", ABSENT),
        ("day", "2026-11-25", "Wed 25 Nov 2026", "journal.rating", 3, 5),
    ]


def test_a_file_that_gains_a_conflict_is_counted_at_the_next_scan(store: Store) -> None:
    write(store.contact_path("grace"), 'format = 1\nname = "Grace"\n')
    store.scan()
    assert store.contacts["grace"].conflicts == 0
    write(
        store.contact_path("grace"),
        'format = 1\nname = "Grace"\n\n[[conflict]]\nfield = "title"\nvalue = "Admiral"\nfrom = "origin/main"\n'
        "at = 2026-11-20T10:00:00Z\n",
    )
    store.scan()
    assert store.contacts["grace"].conflicts == 1


def test_taking_writes_the_other_values_and_the_index_follows(store: Store, folder) -> None:
    for item in all_conflicts(store):
        settle_conflict(store, item, take=True)
    person, company, day = (on_disk(folder[kind]) for kind in ("person", "company", "day"))
    assert person["title"] == "[b]Countess\x1b[31m"
    assert person["log"][0]["note"] == "theirs"
    assert "website" not in company  # the other machine had removed it
    assert day["journal"]["rating"] == 5
    assert not any("conflict" in table for table in (person, company, day))
    assert store.contacts["ada-lovelace"].conflicts == 0
    assert store.days[DAY.toordinal()].conflicts == 0
    assert store.company_conflicts() == {}
    assert all_conflicts(store) == []


def test_keeping_leaves_every_value_and_drops_only_the_entry(store: Store, folder) -> None:
    before = {kind: on_disk(path) for kind, path in folder.items()}
    for item in all_conflicts(store):
        settle_conflict(store, item, take=False)
    for kind, path in folder.items():
        after = on_disk(path)
        assert "conflict" not in after
        assert after == {key: value for key, value in before[kind].items() if key != "conflict"}
    assert folder["person"].stat().st_mode & 0o777 == 0o600


def test_a_conflict_settled_meanwhile_is_not_settled_twice(store: Store, folder) -> None:
    [first, _] = record_conflicts(store, "person", "ada-lovelace")
    settle_conflict(store, first, take=False)
    with pytest.raises(StoreError, match="already settled"):
        settle_conflict(store, first, take=True)
    assert on_disk(folder["person"])["title"] == "Engineer"


@pytest.mark.parametrize("take", [True, False], ids=["take", "keep"])
@pytest.mark.parametrize(
    ("field", "was", "now"),
    [("title", 'title = "Engineer"', 'title = "Director"'), ("log[aaaa0001].note", 'note = "mine"', 'note = "ours"')],
)
def test_a_field_another_process_changed_since_the_list_is_not_settled_over(
    store: Store, folder, take: bool, field: str, was: str, now: str
) -> None:
    """The list showed the kept value; a value written since was never seen, so neither key may settle over it."""
    [item] = [i for i in record_conflicts(store, "person", "ada-lovelace") if i.conflict.field == field]
    text = folder["person"].read_text("utf-8").replace(was, now)
    write(folder["person"], text)
    with pytest.raises(StoreError, match=f"not settled: {re.escape(field)} changed since it was listed"):
        settle_conflict(store, item, take=take)
    assert folder["person"].read_text("utf-8") == text
    [again] = [i for i in record_conflicts(store, "person", "ada-lovelace") if i.conflict.field == field]
    settle_conflict(store, again, take=take)  # listed again, it settles
    assert field not in [entry["field"] for entry in on_disk(folder["person"]).get("conflict", [])]


@pytest.fixture
def writer(folder) -> Iterator[Writer]:
    other = Writer(folder["person"], "notes")
    yield other
    other.close()


def test_another_process_writing_between_the_read_and_the_rename_loses_nothing(
    store: Store, folder, writer: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second process (no lock, in place) writes the file while the settle holds what it read:
    the settle runs again on the file as it is then, so both changes are in it."""
    real, calls = conflict_files.settle, []

    def settle_with_a_write_in_the_gap(table, conflict, *, take):
        calls.append(table.get("notes"))
        if len(calls) == 1:
            writer.write("typed on the other machine meanwhile")
        return real(table, conflict, take=take)

    monkeypatch.setattr(conflict_files, "settle", settle_with_a_write_in_the_gap)
    [title, note] = record_conflicts(store, "person", "ada-lovelace")
    settle_conflict(store, title, take=True)
    table = on_disk(folder["person"])
    assert calls == [None, "typed on the other machine meanwhile"]
    assert table["notes"] == "typed on the other machine meanwhile"
    assert table["title"] == "[b]Countess\x1b[31m"
    assert [entry["field"] for entry in table["conflict"]] == [note.conflict.field]
    assert store.contacts["ada-lovelace"].conflicts == 1


def test_a_value_the_record_cannot_hold_is_refused_and_the_file_kept(store: Store, folder) -> None:
    text = folder["day"].read_text("utf-8").replace("value = 5", 'value = "five"')
    write(folder["day"], text)
    [item] = record_conflicts(store, "day", "2026-11-25")
    with pytest.raises(StoreError, match="not settled"):
        settle_conflict(store, item, take=True)
    assert folder["day"].read_text("utf-8") == text


def test_a_file_that_cannot_be_read_lists_nothing_here(store: Store, folder) -> None:
    write(folder["person"], "name = [unclosed\n")
    assert record_conflicts(store, "person", "ada-lovelace") == []
    assert record_conflicts(store, "day", "not-a-date") == []


def test_taking_a_value_the_record_rebuilds_itself_is_refused_and_the_file_kept(store: Store, folder) -> None:
    text = (
        folder["person"]
        .read_text("utf-8")
        .replace('field = "title"', 'field = "format"')
        .replace('value = "[b]Countess\\u001b[31m"', "value = 99")
    )
    write(folder["person"], text)
    [item] = [i for i in record_conflicts(store, "person", "ada-lovelace") if i.conflict.field == "format"]
    with pytest.raises(StoreError, match="not settled"):
        settle_conflict(store, item, take=True)
    assert folder["person"].read_text("utf-8") == text


def test_an_inline_array_of_conflicts_is_listed_for_a_company(store: Store) -> None:
    write(
        store.root / "companies" / "initech.toml",
        'format = 1\nname = "Initech"\nconflict = [{field = "name", value = "v", from = "origin/main"}]\n',
    )
    store.scan()
    assert store.company_conflicts() == {"initech": 1}
    assert [i.conflict.theirs for i in record_conflicts(store, "company", "initech")] == ["v"]
