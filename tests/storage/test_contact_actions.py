"""Merging, deleting with undo and saving the contact form, through the store."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime

import pytest

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.domain.errors import ConflictError
from networkday.services.actions import (
    days_mentioning,
    edit_contact,
    merge_contacts,
    restore_contact,
)
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

DAY_1, DAY_2, DAY_3 = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 22)
MERGE_NOTES = (
    "Merged from Jane Doe (jane-doe-2):\nMet at PyCon.\n\nMerged from Jane Doe (jane-doe-2): company was Globex"
)


def touch(day: int, note: str = "") -> LogEntry:
    return LogEntry(at=datetime(2026, 11, day, 9, tzinfo=UTC), outcome="talked", note=note)


@pytest.fixture
def duplicates(store: Store) -> Store:
    """jane-doe and jane-doe-2 are one person; bo and a day file point at the second."""
    store.add_contact(Contact(id="", name="Jane Doe", company="Acme", log=[touch(3)]))
    store.add_contact(
        Contact(
            id="",
            name="Jane Doe",
            company="Globex",
            title="CTO",
            email=["jane@x.example"],
            notes="Met at PyCon.",
            log=[touch(3), touch(5)],
        )
    )
    store.add_contact(Contact(id="", name="Jane Doe", company="Initech"))  # jane-doe-3: an id that contains the other
    store.add_contact(Contact(id="", name="Bo", referred_by="jane-doe-2"))
    store.add_contact(Contact(id="", name="Cy", referred_by="jane-doe-3"))
    store.update_day(DAY_1, lambda day: day.calls.extend([Call("jane-doe-2", outcome="will"), Call("bo")]))
    store.update_day(DAY_2, lambda day: day.dismissed.extend(["jane-doe-2", "jane-doe"]))
    store.update_day(DAY_3, lambda day: day.calls.append(Call("jane-doe-3")))
    return store


def test_merge_joins_the_records_and_rewrites_every_reference(duplicates: Store):
    store = duplicates
    day_3_before = store.day_path(DAY_3).read_bytes()
    merged = merge_contacts(store, "jane-doe", "jane-doe-2")
    assert (merged.company, merged.title, merged.email) == ("Acme", "CTO", ["jane@x.example"])
    assert [entry.at.day for entry in merged.log] == [3, 5]
    assert merged.notes == MERGE_NOTES
    assert store.contact("jane-doe") == merged
    assert not store.contact_path("jane-doe-2").exists()
    assert "jane-doe-2" not in store.contacts
    assert store.contact("bo").referred_by == "jane-doe"
    assert store.contact("cy").referred_by == "jane-doe-3"
    assert [call.contact for call in store.day(DAY_1).calls] == ["jane-doe", "bo"]
    assert store.day(DAY_1).calls[0].outcome == "will"
    assert store.day(DAY_2).dismissed == ["jane-doe"]
    assert store.day_path(DAY_3).read_bytes() == day_3_before


def test_days_mentioning_reads_the_files_not_substrings(duplicates: Store):
    assert days_mentioning(duplicates, "jane-doe-2") == [DAY_1, DAY_2]
    assert days_mentioning(duplicates, "jane-doe-3") == [DAY_3]
    assert days_mentioning(duplicates, "nobody") == []


def test_days_mentioning_finds_a_hand_written_literal_string(duplicates: Store):
    path = duplicates.day_path(date(2026, 11, 24))
    path.write_text("format = 1\ndate = 2026-11-24\ndismissed = [ 'jane-doe-2' ]\n")
    duplicates.scan()
    assert days_mentioning(duplicates, "jane-doe-2") == [DAY_1, DAY_2, date(2026, 11, 24)]


def test_a_merge_interrupted_before_the_delete_loses_nothing_and_can_be_finished(
    duplicates: Store, monkeypatch: pytest.MonkeyPatch
):
    store = duplicates

    def crash(contact_id: str) -> Contact:
        raise OSError("power cut")

    monkeypatch.setattr(store, "delete_contact", crash)
    with pytest.raises(OSError, match="power cut"):
        merge_contacts(store, "jane-doe", "jane-doe-2")
    assert store.contact("jane-doe-2").title == "CTO"
    assert store.contact("jane-doe").title == "CTO"
    monkeypatch.undo()
    merged = merge_contacts(store, "jane-doe", "jane-doe-2")
    assert merged.notes == MERGE_NOTES
    assert [entry.at.day for entry in merged.log] == [3, 5]
    assert not store.contact_path("jane-doe-2").exists()


def test_a_touch_logged_on_the_gone_contact_during_the_merge_is_kept(
    duplicates: Store, monkeypatch: pytest.MonkeyPatch
):
    store = duplicates
    delete = store.delete_contact

    def late_touch_then_delete(contact_id: str) -> Contact:
        store.update_contact(contact_id, lambda contact: contact.log.append(touch(24, "late")))
        return delete(contact_id)

    monkeypatch.setattr(store, "delete_contact", late_touch_then_delete)
    merged = merge_contacts(store, "jane-doe", "jane-doe-2")
    assert [entry.note for entry in merged.log] == ["", "", "late"]
    assert store.contact("jane-doe").log[-1].note == "late"


def test_a_broken_file_naming_the_gone_contact_stops_the_merge_before_any_write(duplicates: Store):
    store = duplicates
    broken = store.day_path(date(2026, 11, 23))
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text('format = 1\ndate = 2026-11-23\n[[call]]\ncontact = "jane-doe-2"\noutcome = "maybe"\n')
    before = {path: path.read_bytes() for path in store.root.rglob("*.toml")}
    with pytest.raises(StoreError, match=r"2026-11-23\.toml: may name 'jane-doe-2' but cannot be rewritten"):
        merge_contacts(store, "jane-doe", "jane-doe-2")
    assert {path: path.read_bytes() for path in store.root.rglob("*.toml")} == before


def test_merging_a_contact_into_itself_or_a_missing_one_is_refused(duplicates: Store):
    with pytest.raises(StoreError, match="cannot be merged into itself"):
        merge_contacts(duplicates, "jane-doe", "jane-doe")
    with pytest.raises(StoreError, match="no contact 'nobody'"):
        merge_contacts(duplicates, "jane-doe", "nobody")
    with pytest.raises(StoreError, match="no contact 'nobody'"):
        merge_contacts(duplicates, "nobody", "jane-doe-2")
    assert duplicates.contact_path("jane-doe-2").exists()


def test_delete_then_restore_gives_back_the_same_file(store: Store):
    contact = store.add_contact(Contact(id="", name="Ann", notes="kept\n", log=[touch(2)], extra={"own": "key"}))
    before = store.contact_path(contact.id).read_bytes()
    deleted = store.delete_contact(contact.id)
    assert contact.id not in store.contacts
    restored = restore_contact(store, deleted)
    assert restored == contact
    assert store.contact_path(contact.id).read_bytes() == before
    assert contact.id in store.contacts


def test_restore_refuses_to_replace_a_contact_made_since(store: Store):
    deleted = store.delete_contact(store.add_contact(Contact(id="", name="Ann")).id)
    store.add_contact(Contact(id="", name="Ann", company="New"))
    with pytest.raises(StoreError, match="exists again; not restored"):
        restore_contact(store, deleted)
    assert store.contact("ann").company == "New"


def test_edit_contact_merges_with_a_hand_edit(store: Store):
    base = store.add_contact(Contact(id="", name="Ann", company="Acme", title="Engineer"))
    store.update_contact(base.id, lambda contact: setattr(contact, "company", "Globex"))
    edited = copy.deepcopy(base)
    edited.title = "CTO"
    saved = edit_contact(store, base, edited)
    assert (saved.company, saved.title) == ("Globex", "CTO")
    assert store.contact(base.id) == saved


def test_edit_contact_refuses_a_field_changed_on_both_sides_and_writes_nothing(store: Store):
    base = store.add_contact(Contact(id="", name="Ann", company="Acme", title="Engineer"))
    store.update_contact(base.id, lambda contact: setattr(contact, "title", "VP"))
    on_disk = store.contact_path(base.id).read_bytes()
    edited = copy.deepcopy(base)
    edited.title, edited.company = "CTO", "Initech"
    with pytest.raises(ConflictError) as raised:
        edit_contact(store, base, edited)
    assert raised.value.fields == ("title",)
    assert "changed on disk since the form opened: title" in str(raised.value)
    assert store.contact_path(base.id).read_bytes() == on_disk


def test_every_way_to_reach_a_missing_contact_says_the_same(store: Store):
    """Reading, changing one or many, and deleting name the missing id and the folder alike."""
    said = f"no contact 'nobody' in {store.contacts_dir}"
    for reach in (
        lambda: store.contact("nobody"),
        lambda: store.update_contact("nobody", lambda contact: None),
        lambda: store.delete_contact("nobody"),
    ):
        with pytest.raises(StoreError) as raised:
            reach()
        assert str(raised.value) == said
    assert str(store.update_contacts([("nobody", lambda contact: True)])["nobody"]) == said
    assert not store.contact_path("nobody").exists()
