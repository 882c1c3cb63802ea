"""Contact files changed under a running store are read again, one by one, by inotify and by the look alike."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage import watch
from networkday.storage.follow import Follower
from networkday.storage.store import Store

KINDS = ["poll", *(["inotify"] if sys.platform == "linux" else [])]


@pytest.fixture(params=KINDS)
def follower(request: pytest.FixtureRequest, store: Store) -> Iterator[Follower]:
    store.add_contact(Contact(id="", name="Ada Lovelace", company="Analytical"))
    store.add_contact(Contact(id="", name="Grace Hopper"))
    follower = store.follow(request.param)
    assert follower.watch.kind == request.param
    yield follower
    follower.close()


def other_process(store: Store) -> Store:
    """Another instance on the same folder: its saves are files this store did not write."""
    return Store.open(store.root, store.clock)


def test_nothing_changed_reads_nothing(store: Store, follower: Follower) -> None:
    assert follower.follow() == set()


def test_a_save_by_another_instance_is_read_and_only_it(store: Store, follower: Follower) -> None:
    other_process(store).update_contact("ada-lovelace", lambda contact: setattr(contact, "company", "Babbage & Co"))
    read: list[str] = []
    store.contact_listeners.append(read.append)
    assert follower.follow() == {"ada-lovelace"}
    assert store.contacts["ada-lovelace"].company == "Babbage & Co"
    assert read == ["ada-lovelace"]
    assert follower.follow() == set()


def test_this_stores_own_save_changes_nothing(store: Store, follower: Follower) -> None:
    store.update_contact("ada-lovelace", lambda contact: setattr(contact, "company", "Own"))
    store.add_contact(Contact(id="", name="Mary Jackson"))
    assert follower.follow() == set()
    assert store.contacts["ada-lovelace"].company == "Own"


def test_added_deleted_and_renamed_files_follow(store: Store, follower: Follower) -> None:
    other = other_process(store)
    other.add_contact(Contact(id="", name="Katherine Johnson"))
    os.unlink(store.contact_path("grace-hopper"))
    os.rename(store.contact_path("ada-lovelace"), store.contacts_dir / "ada.toml")
    assert follower.follow() == {"katherine-johnson", "grace-hopper", "ada-lovelace", "ada"}
    assert sorted(store.contacts) == ["ada", "katherine-johnson"]
    assert store.contacts["ada"].name == "Ada Lovelace"


def test_a_hand_edit_in_place_follows(store: Store, follower: Follower) -> None:
    path = store.contact_path("grace-hopper")
    with path.open("a", encoding="utf-8") as handle:  # as an editor that writes in place
        handle.write('title = "Rear Admiral"\n')
    assert follower.follow() == {"grace-hopper"}
    assert store.contacts["grace-hopper"].title == "Rear Admiral"


def test_a_broken_file_becomes_a_problem_and_leaves_once_mended(store: Store, follower: Follower) -> None:
    path = store.contact_path("grace-hopper")
    good = path.read_text("utf-8")
    path.write_text("name = \n", "utf-8")
    assert follower.follow() == {"grace-hopper"}
    assert path in store.problems
    assert "grace-hopper" not in store.contacts
    path.write_text(good, "utf-8")
    assert follower.follow() == {"grace-hopper"}
    assert path not in store.problems
    assert store.contacts["grace-hopper"].name == "Grace Hopper"


def test_a_file_named_as_no_id_is_a_problem_until_it_goes(store: Store, follower: Follower) -> None:
    stray = store.contacts_dir / "Bad Name.toml"
    stray.write_text('format = 1\nname = "X"\n', "utf-8")
    assert follower.follow() == set()
    assert stray in store.problems
    stray.unlink()
    follower.follow()
    assert stray not in store.problems


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_a_file_made_unreadable_is_a_problem(store: Store, follower: Follower) -> None:
    path = store.contact_path("ada-lovelace")
    path.chmod(0)
    assert follower.follow() == {"ada-lovelace"}
    assert path in store.problems
    path.chmod(0o600)
    assert follower.follow() == {"ada-lovelace"}
    assert path not in store.problems


def test_the_look_finds_an_edit_in_place_in_a_large_folder_within_one_round(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each look stats a slice; an edit that leaves the folder's mtime alone is found when its turn comes."""
    monkeypatch.setattr(watch, "SLICE", 2)
    store = Store.open(tmp_path / "data", clock)
    store.add_contacts([Contact(id="", name=f"Person {number}") for number in range(7)])
    follower = store.follow("poll")
    path = store.contact_path("person-5")
    with path.open("a", encoding="utf-8") as handle:
        handle.write('company = "Later"\n')
    found = [follower.follow() for _ in range(4)]  # 7 files, 2 a look: every one within 4 looks
    assert sum(1 for changed in found if changed == {"person-5"}) == 1
    assert store.contacts["person-5"].company == "Later"
    follower.close()


@pytest.mark.skipif(sys.platform != "linux", reason="inotify is Linux's")
def test_inotify_losing_its_folder_asks_for_a_full_look(store: Store) -> None:
    follower = store.follow("inotify")
    moved = store.contacts_dir.with_name("moved")
    store.contacts_dir.rename(moved)
    assert follower.follow() is None
    moved.rename(store.contacts_dir)
    assert follower.follow() is None  # the watch is made again on the folder now there
    store.contact_path("ada-lovelace").write_text('format = 1\nname = "Ada"\n', "utf-8")
    assert follower.follow() == {"ada-lovelace"}
    follower.close()
