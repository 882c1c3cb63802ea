"""A person added on both machines under one id, synced through a bare remote: one person, or two flagged."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import tomli

from networkday.clock import FixedClock
from networkday.services.actions import merge_contacts
from networkday.services.duplicates import dismiss_duplicate
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.sync_world import World, git, make_world, nd, problems_of_check, tree

pytestmark = pytest.mark.usefixtures("command_env")


def added_on_both(tmp_path: Path, a_title: str, b_title: str) -> World:
    """Twin Ada added on a (a touch logged) and on b (another touch), then a syncs, b syncs, a syncs."""
    world = make_world(tmp_path)
    for folder, title, note in ((world.a, a_title, "met at a"), (world.b, b_title, "met at b")):
        assert nd(folder, "add", "Twin Ada", *(("--title", title) if title else ())) == 0
        assert nd(folder, "log", "twin-ada", "talked", "--note", note) == 0
    assert nd(world.a, "sync") == 0
    return world


def table(folder: Path, contact_id: str) -> dict:
    return tomli.loads((folder / "contacts" / f"{contact_id}.toml").read_text(encoding="utf-8"))


def notes(record: dict) -> list[str]:
    return [entry["note"] for entry in record.get("log", [])]


def test_the_same_person_added_on_both_with_nothing_differing_is_one_person(tmp_path: Path) -> None:
    world = added_on_both(tmp_path, "", "")
    assert nd(world.b, "sync") == 0
    assert nd(world.a, "sync") == 0
    assert tree(world.a) == tree(world.b)
    ada = table(world.a, "twin-ada")
    assert sorted(notes(ada)) == ["met at a", "met at b"]
    assert "likely_duplicate_of" not in ada
    assert "conflict" not in ada
    assert not (world.a / "contacts" / "twin-ada-2.toml").exists()
    assert problems_of_check(world.a) == []


def test_a_person_added_on_both_with_a_differing_title_is_kept_as_two_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = added_on_both(tmp_path, "Engineer", "Poet")
    capsys.readouterr()
    assert nd(world.b, "sync") == 0
    out = capsys.readouterr().out
    assert "kept both records of Twin Ada (twin-ada, twin-ada-2), added on both machines" in out
    assert nd(world.a, "sync") == 0  # the split comes to a by fast-forward
    assert tree(world.a) == tree(world.b)
    # b merged: a's record, already pushed, keeps the id; b's own record moves to the new one
    theirs, ours = table(world.a, "twin-ada"), table(world.a, "twin-ada-2")
    assert (ours["title"], notes(ours), ours["likely_duplicate_of"]) == ("Poet", ["met at b"], "twin-ada")
    assert (theirs["title"], notes(theirs), theirs["likely_duplicate_of"]) == ("Engineer", ["met at a"], "twin-ada-2")
    for record in (ours, theirs):
        assert "conflict" not in record
        assert "added_on_both_machines" not in record
    assert (world.a / "contacts" / "twin-ada-2.toml").stat().st_mode & 0o777 == 0o600
    for folder in (world.a, world.b):
        assert git(folder, "status", "--porcelain") == ""
    assert "kept both records of Twin Ada" in git(world.a, "log", "-1", "--format=%s")
    found = problems_of_check(world.a)
    assert len(found) == 2
    assert found[0].startswith(f"{world.a}/contacts/twin-ada-2.toml:") or found[0].startswith(
        f"{world.a}/contacts/twin-ada.toml:"
    )
    assert all("likely the same person as twin-ada" in line for line in found)
    assert any(":4:1: likely the same person as twin-ada-2 (added on both machines)" in line for line in found)


def test_merging_the_pair_drops_the_flag_and_syncs_as_one(tmp_path: Path) -> None:
    world = added_on_both(tmp_path, "Engineer", "Poet")
    assert nd(world.b, "sync") == 0
    with redirect_stdout(io.StringIO()):
        merged = merge_contacts(Store.open(world.b, FixedClock(NOW)), "twin-ada", "twin-ada-2")
    assert "likely_duplicate_of" not in merged.extra
    assert sorted(entry.note for entry in merged.log) == ["met at a", "met at b"]
    assert nd(world.b, "sync") == 0
    assert nd(world.a, "sync") == 0
    assert tree(world.a) == tree(world.b)
    assert not (world.a / "contacts" / "twin-ada-2.toml").exists()
    assert problems_of_check(world.a) == []


def test_two_people_after_all_dismissing_drops_both_flags(tmp_path: Path) -> None:
    world = added_on_both(tmp_path, "Engineer", "Poet")
    assert nd(world.b, "sync") == 0
    assert dismiss_duplicate(Store.open(world.b, FixedClock(NOW)), "twin-ada-2") == "twin-ada"
    for contact_id in ("twin-ada", "twin-ada-2"):
        assert "likely_duplicate_of" not in table(world.b, contact_id)
    assert problems_of_check(world.b) == []
