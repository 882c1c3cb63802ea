"""Which record keeps the id when a sync splits a person added on both machines, and what follows the moved one."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from tests.sync_world import git, make_world, nd, tree

pytestmark = pytest.mark.usefixtures("command_env")


def table(folder: Path, name: str) -> dict:
    return tomli.loads((folder / name).read_text(encoding="utf-8"))


def notes(record: dict) -> list[str]:
    return [entry.get("note", "") for entry in record.get("log", [])]


def test_the_pushed_record_keeps_the_id_so_its_machine_goes_on_editing_the_right_person(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    assert nd(world.a, "add", "Kim Lee", "--title", "Poet") == 0
    assert nd(world.b, "add", "Kim Lee", "--title", "Engineer") == 0
    assert nd(world.a, "sync") == 0
    assert nd(world.b, "sync") == 0  # b splits: a's Poet was pushed, so it keeps kim-lee
    assert nd(world.a, "log", "kim-lee", "talked", "--note", "poems") == 0
    assert nd(world.a, "sync") == 0
    assert nd(world.b, "sync") == 0
    assert tree(world.a) == tree(world.b)
    poet, engineer = table(world.b, "contacts/kim-lee.toml"), table(world.b, "contacts/kim-lee-2.toml")
    assert (poet["title"], notes(poet), poet["likely_duplicate_of"]) == ("Poet", ["poems"], "kim-lee-2")
    assert (engineer["title"], notes(engineer), engineer["likely_duplicate_of"]) == ("Engineer", [], "kim-lee")
    for folder in (world.a, world.b):
        assert git(folder, "status", "--porcelain") == ""


def test_our_references_follow_our_moved_record_and_theirs_stay(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    assert nd(world.a, "add", "Grace Hopper") == 0
    assert nd(world.a, "sync") == 0
    assert nd(world.b, "sync") == 0  # Grace is in the merge base, known to both
    assert nd(world.a, "add", "Lee Park", "--title", "Recruiter") == 0
    assert nd(world.a, "add", "Mo Ray", "--referred-by", "lee-park") == 0
    assert nd(world.a, "log", "grace-hopper", "talked", "--introduced", "lee-park") == 0
    assert nd(world.b, "add", "Lee Park", "--title", "Chef") == 0
    assert nd(world.b, "add", "Bo Chu", "--referred-by", "lee-park") == 0
    assert nd(world.b, "sync") == 0
    assert nd(world.a, "sync") == 0  # a splits: b's Chef keeps lee-park, a's Recruiter moves
    assert nd(world.b, "sync") == 0
    assert tree(world.a) == tree(world.b)
    chef, recruiter = table(world.a, "contacts/lee-park.toml"), table(world.a, "contacts/lee-park-2.toml")
    assert (chef["title"], recruiter["title"]) == ("Chef", "Recruiter")
    assert table(world.a, "contacts/mo-ray.toml")["referred_by"] == "lee-park-2"
    assert table(world.a, "contacts/bo-chu.toml")["referred_by"] == "lee-park"  # b's own Chef
    assert [entry["introduced"] for entry in table(world.a, "contacts/grace-hopper.toml")["log"]] == [["lee-park-2"]]
    assert "kept both records of Lee Park" in git(world.a, "log", "-1", "--format=%s")
    for folder in (world.a, world.b):
        assert git(folder, "status", "--porcelain") == ""
