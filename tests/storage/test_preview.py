"""Today's preview: what the last exit showed, used only when made from the files as they are."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pendulum
import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.services.queue import day_queue, keep_today_preview, network_touch_counts
from networkday.storage.preview import load_preview, preview_path
from networkday.storage.store import Store
from tests.conftest import NOW

TODAY = NOW.date()


@pytest.fixture
def kept(store: Store) -> Store:
    """A small network with a planned call, a follow-up due and a step toward a hiring manager."""
    (store.root / "config.toml").write_text('targets = ["Navy Labs"]\n', "utf-8")
    store.load_config()
    store.add_contacts(
        [
            Contact(id="", name="Grace Hopper", company="Navy Labs", hiring_manager=True),
            Contact(id="", name="Ada Lovelace", referred_by="grace-hopper", follow_up=TODAY),
            Contact(id="", name="Linus Pauling", log=[LogEntry(at=NOW - timedelta(days=40), channel="coffee")]),
            Contact(id="", name="Mary Jackson"),
        ]
    )
    store.update_day(TODAY, lambda day: day.calls.append(Call("mary-jackson", channel="email")))
    keep_today_preview(store, TODAY)
    return store


def reopened(store: Store, clock: FixedClock | None = None) -> Store:
    """As the CLI opens the folder for the app: the index only, the contacts still packed."""
    return Store.open(store.root, clock or store.clock, scan=False, contacts=False)


def test_the_preview_is_what_the_store_computes_and_reads_no_contact(kept: Store) -> None:
    quick = reopened(kept)
    preview = load_preview(quick, TODAY)
    assert preview is not None
    assert not quick.contacts_loaded
    assert preview.queue == day_queue(kept, TODAY)
    assert preview.counts == network_touch_counts(kept)
    named = {item.contact_id for item in preview.queue.items} | {"grace-hopper"}
    assert preview.contacts == {contact_id: kept.contacts[contact_id] for contact_id in named}


def test_a_saved_change_to_a_contact_makes_it_stale(kept: Store) -> None:
    kept.update_contact("ada-lovelace", lambda contact: setattr(contact, "follow_up", None))
    assert load_preview(reopened(kept), TODAY) is None
    keep_today_preview(kept, TODAY)
    preview = load_preview(reopened(kept), TODAY)
    assert preview is not None
    assert [item.contact_id for item in preview.queue.items if item.kind == "follow-up"] == []


@pytest.mark.parametrize(
    "change",
    [
        lambda store: (store.root / "config.toml").write_text("calls_per_day = 2\n", "utf-8"),
        lambda store: store.day_path(TODAY).write_text(
            store.day_path(TODAY).read_text("utf-8").replace("email", "phone"), "utf-8"
        ),
        lambda store: store.day_path(TODAY).unlink(),
        lambda store: store.index_path.with_name("index-03.marshal").unlink(),
    ],
    ids=["config", "day file edited", "day file gone", "index shard gone"],
)
def test_a_change_to_any_file_it_was_made_from_makes_it_stale(kept: Store, change) -> None:
    change(kept)
    assert load_preview(reopened(kept), TODAY) is None


def test_another_day_or_time_zone_does_not_use_it(kept: Store) -> None:
    assert load_preview(reopened(kept), TODAY + timedelta(days=1)) is None
    tokyo = FixedClock(NOW.astimezone(pendulum.timezone("Asia/Tokyo")))
    assert load_preview(reopened(kept, tokyo), TODAY) is None


@pytest.mark.parametrize("damage", [b"", b"\x00" * 64, b"not marshal at all", None])
def test_a_damaged_or_missing_preview_is_ignored(kept: Store, damage: bytes | None) -> None:
    path: Path = preview_path(kept)
    if damage is None:
        path.unlink()
    else:
        path.write_bytes(damage)
    assert load_preview(reopened(kept), TODAY) is None
    keep_today_preview(kept, TODAY)
    assert load_preview(reopened(kept), TODAY) is not None


def test_nothing_is_kept_while_the_index_has_changes_not_yet_written(kept: Store) -> None:
    kept.defer_index = True
    kept.update_contact("linus-pauling", lambda contact: setattr(contact, "follow_up", TODAY))
    before = preview_path(kept).read_bytes()
    keep_today_preview(kept, TODAY)
    assert preview_path(kept).read_bytes() == before
    kept.flush_index()
    keep_today_preview(kept, TODAY)
    preview = load_preview(reopened(kept), TODAY)
    assert preview is not None
    assert "linus-pauling" in [item.contact_id for item in preview.queue.items if item.kind == "follow-up"]


def test_it_is_private_to_its_owner(kept: Store) -> None:
    assert preview_path(kept).stat().st_mode & 0o777 == 0o600


def test_a_lazy_store_reads_its_contacts_when_first_asked(kept: Store) -> None:
    quick = reopened(kept)
    assert not quick.contacts_loaded
    assert quick.contacts["ada-lovelace"] == kept.contacts["ada-lovelace"]
    assert quick.contacts_loaded


def test_a_change_made_before_the_contacts_are_read_is_kept(kept: Store) -> None:
    """A write to a store that has not unpacked its contacts yet must not lose them, or itself."""
    quick = reopened(kept)
    quick.update_contact("mary-jackson", lambda contact: setattr(contact, "company", "NACA"))
    assert quick.contacts["mary-jackson"].company == "NACA"
    assert set(quick.contacts) == set(kept.contacts)
    quick.flush_index()
    again = reopened(kept)
    assert again.contacts["mary-jackson"].company == "NACA"
    assert set(again.contacts) == set(kept.contacts)


def test_an_empty_folder_keeps_no_preview(store: Store) -> None:
    """Else the next start would draw an empty Today from it instead of the welcome."""
    keep_today_preview(store, TODAY)
    assert not preview_path(store).exists()
    assert load_preview(reopened(store), TODAY) is None


def test_a_store_behind_the_files_keeps_no_preview_of_what_it_holds(kept: Store) -> None:
    """config.toml edited while the app ran, or the index saved by another instance:
    what this store holds is no longer what a start would compute, so it keeps nothing."""
    (kept.root / "config.toml").write_text("calls_per_day = 2\n", "utf-8")
    keep_today_preview(kept, TODAY)  # its config is the one read before the edit
    assert load_preview(reopened(kept), TODAY) is None

    other = Store.open(kept.root, kept.clock)
    other.add_contact(Contact(id="", name="Aaron Swartz"))
    kept.load_config()
    keep_today_preview(kept, TODAY)  # its index is the one it read before the other saved
    assert load_preview(reopened(kept), TODAY) is None

    keep_today_preview(other, TODAY)
    preview = load_preview(reopened(kept), TODAY)
    assert preview is not None
    assert preview.queue == day_queue(Store.open(kept.root, kept.clock), TODAY)


def test_a_chmod_of_config_or_a_copy_that_keeps_the_mtime_makes_it_stale(kept: Store) -> None:
    config = kept.root / "config.toml"
    config.chmod(0o644)
    assert load_preview(reopened(kept), TODAY) is None
    config.chmod(0o600)
    keep_today_preview(Store.open(kept.root, kept.clock), TODAY)
    assert load_preview(reopened(kept), TODAY) is not None
    stat = config.stat()
    config.write_text('targets = ["Navy Labs"]\ncalls_per_day = 2\n', "utf-8")
    os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as cp -p or rsync -t leave it
    assert load_preview(reopened(kept), TODAY) is None
