"""Index rows go in and out as they are, and a scan from an earlier look loses nothing."""

from __future__ import annotations

import gc
import marshal
from dataclasses import astuple, fields
from datetime import date
from pathlib import Path

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.domain.summary import ContactSummary, DaySummary
from networkday.storage.index import IndexEntry, ShardedEntries, paused_gc, shard_of, unseal
from networkday.storage.store import Store

DAY = date(2026, 11, 25)


def _full_contact() -> ContactSummary:
    values = {
        "id": "ada",
        "name": "Ada",
        "company": "Analytical",
        "title": "Engineer",
        "tags": ("mentor",),
        "email": ("ada@example.com",),
        "phone": ("+44 1",),
        "links": ("https://example.com/ada",),
        "hiring_manager": True,
        "referred_by": "charles",
        "follow_up": DAY.toordinal(),
        "cadence_days": 30,
        "entries": ((1.5, "phone", "will", True, False, False),),
        "notes": "met at the meetup",
        "connected": DAY.toordinal() - 400,
        "motives": ("searching",),
        "helping": ((1.5, "a referral", ("charles",), "Staff engineer"),),
        "conflicts": 2,
    }
    assert set(values) == {field.name for field in fields(ContactSummary)}, "a field was added: update to_row"
    return ContactSummary(**values)


def test_rows_hold_every_field_in_order_and_survive_marshal() -> None:
    contact = _full_contact()
    day = DaySummary(DAY.toordinal(), 3, 2, (("will", 1),), (("networking", 1.0, None),), 4, "helped Sam", 1)
    assert contact.to_row() == astuple(contact)
    assert day.to_row() == astuple(day)
    assert ContactSummary.from_row(marshal.loads(marshal.dumps(contact.to_row()))) == contact
    assert DaySummary.from_row(marshal.loads(marshal.dumps(day.to_row()))) == day


def test_sharded_entries_look_up_through_one_dict_and_mark_the_shard_changed() -> None:
    entries = ShardedEntries()
    entries["ada"] = (1, 2, None, None, None)
    assert entries.dirty == {shard_of("ada")}
    assert "ada" in entries
    assert entries.get("ada") == (1, 2, None, None, None)
    assert entries.get("bob") is None
    assert dict(entries.items()) == {"ada": (1, 2, None, None, None)}
    reloaded = ShardedEntries(entries.shards)
    assert reloaded["ada"] == entries["ada"]
    assert not reloaded.dirty
    del reloaded["ada"]
    assert len(reloaded) == 0
    assert reloaded.shards[shard_of("ada")] == {}


def test_paused_gc_restores_the_collector_as_it_was() -> None:
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_scan_from_an_earlier_look_keeps_what_was_written_since(store: Store, clock: FixedClock) -> None:
    """The app looks in a worker thread while it draws; saves made meanwhile must not be forgotten."""
    store.add_contact(Contact(id="", name="Ada"))
    store.contact_path("ada").write_text('format = 1\nname = "Ada King"\n')
    look = store.look()
    store.add_contact(Contact(id="", name="Bob"))
    store.update_day(DAY, lambda day: setattr(day.journal, "rating", 3))
    changed = store.scan(look)
    assert changed.changed_contacts == {"ada"}
    assert set(store.contacts) == {"ada", "bob"}
    assert store.contacts["ada"].name == "Ada King"
    assert store.days[DAY.toordinal()].rating == 3
    again = Store.open(store.root, clock)
    assert set(again.contacts) == {"ada", "bob"}
    assert again.days[DAY.toordinal()].rating == 3


def test_a_file_gone_before_the_look_is_forgotten_one_gone_after_it_at_the_next_scan(store: Store) -> None:
    for name in ("Ada", "Bob", "Cy"):
        store.add_contact(Contact(id="", name=name))
    store.contact_path("cy").unlink()
    look = store.look()
    store.contact_path("bob").unlink()
    assert store.scan(look).changed_contacts == {"cy"}
    assert set(store.contacts) == {"ada", "bob"}
    assert store.scan().changed_contacts == {"bob"}
    assert set(store.contacts) == {"ada"}


def test_a_deferred_index_is_written_by_flush_and_never_needed_for_the_files(store: Store, clock: FixedClock) -> None:
    store.add_contact(Contact(id="", name="Ada"))
    store.defer_index = True
    store.update_contact("ada", lambda contact: setattr(contact, "title", "Countess"))
    assert store.index_pending
    assert Store.open(store.root, clock, scan=False).contacts["ada"].title == ""
    assert Store.open(store.root, clock).contacts["ada"].title == "Countess"
    store.flush_index()
    assert not store.index_pending
    assert Store.open(store.root, clock, scan=False).contacts["ada"].title == "Countess"


def test_index_entries_come_back_named_from_a_cache_marshal_can_read(tmp_path: Path, clock: FixedClock) -> None:
    """Entries are named in memory (``IndexEntry``) and plain tuples on disk: marshal refuses a subclass."""
    store = Store.open(tmp_path, clock)
    ada = store.add_contact(Contact(id="", name="Ada"))
    store.update_day(DAY, lambda day: None)
    again = Store.open(tmp_path, clock, scan=False)
    stat = store.contact_path(ada.id).stat()
    entry = again.catalogue.index.contacts[ada.id]
    assert isinstance(entry, IndexEntry)
    assert (entry.mtime, entry.size, entry.problem, entry.newer) == (stat.st_mtime_ns, stat.st_size, None, None)
    assert entry.row is not None
    assert ContactSummary.from_row(entry.row).name == "Ada"
    day = again.catalogue.index.days[f"{DAY.isoformat()}.toml"]
    assert isinstance(day, IndexEntry)
    assert day.size == store.day_path(DAY).stat().st_size
    again.update_contact(ada.id, lambda contact: setattr(contact, "company", "Analytical"))
    on_disk = unseal(store.index_path.with_name(f"index-{shard_of(ada.id):02d}.marshal").read_bytes())
    assert type(on_disk) is dict
    assert type(on_disk[ada.id]) is tuple
    reopened = Store.open(tmp_path, clock, scan=False).catalogue.index.contacts[ada.id]
    assert reopened.row is not None
    assert ContactSummary.from_row(reopened.row).company == "Analytical"
