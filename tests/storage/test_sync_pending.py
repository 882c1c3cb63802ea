"""What a sync would commit, with each file's time and size: the auto sync's measure of a quiet while."""

from __future__ import annotations

import os
from pathlib import Path

from networkday.services.sync import pending
from tests.sync_world import SEED, git, make_world


def test_pending_names_each_change_and_moves_with_each_save(tmp_path: Path) -> None:
    world = make_world(tmp_path, SEED)
    assert pending(world.a) == ()
    ada = world.a / "contacts" / "ada.toml"
    ada.write_text(ada.read_text("utf-8") + 'met = "PyCon"\n', "utf-8")
    (world.a / "contacts" / "bob.toml").unlink()
    (world.a / "contacts" / "new one.toml").write_text('format = 1\nname = "New"\n', "utf-8")
    first = pending(world.a)
    assert [name for name, _, _ in first] == ["contacts/ada.toml", "contacts/bob.toml", "contacts/new one.toml"]
    assert first[1][1:] == (0, -1)  # deleted
    assert pending(world.a) == first  # no save between: the same
    stat = ada.stat()
    os.utime(ada, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # saved again, same size
    assert pending(world.a) != first


def test_pending_follows_a_staged_rename_and_is_empty_outside_a_repository(tmp_path: Path) -> None:
    world = make_world(tmp_path / "world", SEED)
    git(world.a, "mv", "contacts/cy.toml", "contacts/cyrus.toml")
    assert [name for name, _, _ in pending(world.a)] == ["contacts/cyrus.toml"]
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "config.toml").write_text("format = 1\n", "utf-8")
    assert pending(plain) == ()
