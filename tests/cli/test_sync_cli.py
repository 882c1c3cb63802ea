"""`networkday sync init` and `networkday sync` between two machines and a bare remote, all in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import tomli

from networkday.domain.sync_rules import commit_message, is_local_path
from tests.sync_world import git, make_world, nd, tree

pytestmark = pytest.mark.usefixtures("command_env")

ADA = 'format = 1\nname = "Ada Lovelace"\ntitle = "Analyst"\n'


def test_init_makes_a_repository_that_keeps_machine_local_files_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    (folder / "contacts").mkdir(parents=True)
    (folder / "contacts" / "ada-lovelace.toml").write_text(ADA, encoding="utf-8")
    assert nd(folder, "sync", "init") == 0
    out = capsys.readouterr().out
    assert f"made a git repository in {folder}" in out
    assert "remote" not in out
    assert git(folder, "remote") == ""  # none was given, none is named
    assert ".networkday/" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert (folder / ".gitattributes").read_text(encoding="utf-8").splitlines() == [
        "contacts/*.toml merge=networkday",
        "companies/*.toml merge=networkday",
        "days/**/*.toml merge=networkday",
        ".gitignore merge=union",
        ".gitattributes merge=union",
    ]
    driver = git(folder, "config", "merge.networkday.driver").strip()
    assert driver.endswith("-m networkday merge-file %O %A %B %P")
    assert git(folder, "check-attr", "merge", "contacts/ada-lovelace.toml").endswith("merge: networkday\n")
    assert git(folder, "check-attr", "merge", "days/2026/2026-11-25.toml").endswith("merge: networkday\n")
    assert git(folder, "ls-files").split() == [".gitattributes", ".gitignore", "contacts/ada-lovelace.toml"]
    assert git(folder, "status", "--porcelain") == ""


def test_init_adopts_a_repository_and_adds_to_its_own_gitignore(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    git(folder, "init", "--quiet")
    (folder / ".gitignore").write_text("notes-private.md", encoding="utf-8")
    git(folder, "remote", "add", "backup", "/nowhere/backup.git")
    assert nd(folder, "sync", "init") == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "notes-private.md\n.networkday/\n.*.tmp\n"
    assert git(folder, "remote", "get-url", "backup").strip() == "/nowhere/backup.git"
    assert nd(folder, "sync", "init") == 0  # again: nothing added twice
    assert (folder / ".gitignore").read_text(encoding="utf-8").count(".networkday/") == 1


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        (
            ".gitattributes",
            lambda path: path.write_bytes(b"*.bin binary\n\xe9t\xe9 x\n"),
            ".gitattributes:2:1: not UTF-8 text",
        ),
        (".gitignore", lambda path: path.write_bytes(b"build/\n\xff"), ".gitignore:2:1: not UTF-8 text"),
        (".gitignore", lambda path: path.mkdir(), ".gitignore: cannot be read (Is a directory)"),
    ],
)
def test_init_with_a_rule_file_it_cannot_read_says_where_and_makes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, make: Callable[[Path], object], said: str
) -> None:
    """The rule files are read before the repository is made: neither they nor the folder change."""
    folder = tmp_path / "data"
    (folder / "contacts").mkdir(parents=True)
    (folder / "contacts" / "ada-lovelace.toml").write_text(ADA, encoding="utf-8")
    make(folder / name)
    before = (folder / name).read_bytes() if (folder / name).is_file() else None
    assert nd(folder, "sync", "init") == 1
    assert capsys.readouterr().err == f"networkday: {folder}/{said}; nothing was changed\n"
    assert not (folder / ".git").exists()
    assert not (folder / ".gitignore").is_file() or name == ".gitignore"  # the other rule file not written either
    assert ((folder / name).read_bytes() if (folder / name).is_file() else None) == before


def test_a_relative_remote_means_the_callers_folder_not_the_data_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sync init backup/network.git` typed in ~ names ~/backup/network.git: git alone would look in the data folder."""
    folder, remote = tmp_path / "data", tmp_path / "backup" / "network.git"
    (folder / "contacts").mkdir(parents=True)
    (folder / "contacts" / "ada-lovelace.toml").write_text(ADA, encoding="utf-8")
    remote.parent.mkdir()
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    monkeypatch.chdir(tmp_path)
    assert nd(folder, "sync", "init", "backup/network.git") == 0
    assert f"remote origin: {remote}" in capsys.readouterr().out
    assert git(folder, "remote", "get-url", "origin").strip() == str(remote)
    assert nd(folder, "sync") == 0
    assert git(remote, "ls-tree", "-r", "--name-only", "main").split()[-1] == "contacts/ada-lovelace.toml"


@pytest.mark.parametrize(
    ("remote", "local"),
    [
        ("../backup.git", True),
        ("backup.git", True),
        ("/srv/git/network.git", True),
        ("~/network.git", True),
        ("./odd:name.git", True),
        ("git@example.com:me/network.git", False),
        ("example.com:network.git", False),
        ("ssh://example.com/network.git", False),
        ("file:///srv/network.git", False),
    ],
)
def test_a_remote_is_a_path_by_gits_own_rule(remote: str, local: bool) -> None:
    assert is_local_path(remote) is local


def test_init_closes_a_clone_that_git_made_with_the_umask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clone is 0644/0755 (git keeps no modes): adopting it closes it as networkday keeps a folder, 0600/0700."""
    folder = tmp_path / "data"
    (folder / "contacts").mkdir(parents=True)
    (folder / "contacts" / "ada-lovelace.toml").write_text(ADA, encoding="utf-8")
    (folder / "notes.sh").write_text("echo hi\n", encoding="utf-8")
    git(folder, "init", "--quiet")
    (folder / "contacts" / "link.toml").symlink_to(tmp_path / "elsewhere.toml")
    (tmp_path / "elsewhere.toml").write_text(ADA, encoding="utf-8")
    for path, mode in ((folder, 0o755), (folder / ".git", 0o755), (folder / "contacts", 0o775)):
        path.chmod(mode)
    (folder / "contacts" / "ada-lovelace.toml").chmod(0o644)
    (folder / "notes.sh").chmod(0o755)
    (tmp_path / "elsewhere.toml").chmod(0o644)
    assert nd(folder, "sync", "init") == 0
    assert "closed 5 file(s) and folder(s) to other users" in capsys.readouterr().out
    modes = {path: path.stat().st_mode & 0o777 for path in (folder, folder / ".git", folder / "contacts")}
    assert set(modes.values()) == {0o700}
    assert (folder / "contacts" / "ada-lovelace.toml").stat().st_mode & 0o777 == 0o600
    assert (folder / "notes.sh").stat().st_mode & 0o777 == 0o700  # still the owner's to run
    assert (tmp_path / "elsewhere.toml").stat().st_mode & 0o777 == 0o644  # a link's target is not the folder's
    assert nd(folder, "sync", "init") == 0
    assert "closed" not in capsys.readouterr().out


def test_sync_without_a_remote_commits_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert nd(folder, "sync", "init") == 0
    assert nd(folder, "add", "Ada Lovelace") == 0
    capsys.readouterr()
    assert nd(folder, "sync") == 0
    out = capsys.readouterr().out
    assert "committed 1 file(s)" in out
    assert "no remote: committed only" in out
    assert git(folder, "log", "-1", "--format=%s").strip() == "networkday sync: 1 person (ada-lovelace)"


def test_sync_before_init_and_an_unreachable_remote_are_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    assert nd(folder, "sync", "init") == 1
    assert f"no data folder at {folder}" in capsys.readouterr().err
    folder.mkdir()
    assert nd(folder, "sync") == 1
    assert "run networkday sync init [REMOTE] first" in capsys.readouterr().err
    assert nd(folder, "sync", "init", str(tmp_path / "missing.git")) == 0
    assert nd(folder, "add", "Ada Lovelace") == 0
    capsys.readouterr()
    assert nd(folder, "sync", "--offline") == 0  # commits, never reaches for the remote
    assert "committed 1 file(s)" in capsys.readouterr().out
    assert nd(folder, "sync") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("networkday: origin: cannot reach the remote (fatal:")
    assert "\n" not in err
    assert nd(folder, "add", "Grace Hopper") == 0
    capsys.readouterr()
    assert nd(folder, "sync") == 1  # committed, then the remote is away: the commit is said on the one line
    err = capsys.readouterr().err.strip()
    assert err.startswith("networkday: origin: cannot reach the remote (fatal:")
    assert err.endswith("; committed 1 file(s) here, which the next sync sends")
    assert "\n" not in err


def test_two_machines_end_alike_with_every_touch_once_and_a_conflict_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = make_world(tmp_path, {"contacts/ada-lovelace.toml": ADA})
    assert nd(world.a, "log", "ada-lovelace", "talked", "--note", "on a") == 0
    assert nd(world.b, "log", "ada-lovelace", "will", "--note", "on b") == 0
    for folder, title in ((world.a, "Engineer"), (world.b, "Poet")):
        path = folder / "contacts" / "ada-lovelace.toml"
        path.write_text(path.read_text(encoding="utf-8").replace("Analyst", title), encoding="utf-8")
    assert nd(world.b, "add", "Grace Hopper") == 0
    for folder in (world.a, world.b, world.a):
        assert nd(folder, "sync") == 0
    assert tree(world.a) == tree(world.b)
    ada = tomli.loads((world.a / "contacts" / "ada-lovelace.toml").read_text(encoding="utf-8"))
    assert sorted(entry["note"] for entry in ada["log"]) == ["on a", "on b"]
    assert ada["title"] == "Poet"  # b merged a's change in: ours is b's
    assert ada["conflict"][0] | {"at": None} == {
        "field": "title",
        "value": "Engineer",
        "from": "origin/main",
        "at": None,
    }
    assert (world.a / "contacts" / "grace-hopper.toml").exists()
    day = tomli.loads((world.a / "days" / "2026" / "2026-11-25.toml").read_text(encoding="utf-8"))
    assert sorted(call["outcome"] for call in day["call"]) == ["talked", "will"]
    assert "<<<<<<<" not in "".join(text.decode() for text in tree(world.a).values())
    capsys.readouterr()
    assert nd(world.a, "check") == 1  # the conflict, and nothing else, until the person picks one
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{world.a}/contacts/ada-lovelace.toml:")
    said = "changed on both sides in a sync: title keeps this file's value;"
    assert f"{said} the other value is 'Engineer' (merge with origin/main)" in err[0]
    assert err[1:] == [f"1 problem(s) in {world.a}"]


def test_a_person_deleted_on_one_side_and_changed_on_the_other_is_kept_changed(tmp_path: Path) -> None:
    world = make_world(tmp_path, {"contacts/ada-lovelace.toml": ADA})
    (world.a / "contacts" / "ada-lovelace.toml").unlink()
    assert nd(world.a, "sync") == 0
    assert nd(world.b, "log", "ada-lovelace", "talked") == 0
    assert nd(world.b, "sync") == 0
    assert nd(world.a, "sync") == 0
    assert tree(world.a) == tree(world.b)
    assert "talked" in (world.a / "contacts" / "ada-lovelace.toml").read_text(encoding="utf-8")


def test_a_file_the_driver_does_not_merge_is_left_in_conflict_until_resolved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = make_world(tmp_path, {"config.toml": "format = 1\n[goals]\ncalls_per_day = 5\n"})
    for folder, calls in ((world.a, "6"), (world.b, "7")):
        (folder / "config.toml").write_text(f"format = 1\n[goals]\ncalls_per_day = {calls}\n", encoding="utf-8")
    assert nd(world.a, "sync") == 0
    capsys.readouterr()
    assert nd(world.b, "sync") == 1
    assert "conflicts left in config.toml: resolve them" in capsys.readouterr().out
    (world.b / "config.toml").write_text("format = 1\n[goals]\ncalls_per_day = 7\n", encoding="utf-8")
    git(world.b, "add", "config.toml")
    assert nd(world.b, "sync") == 0
    assert "finished the merge left open" in capsys.readouterr().out
    assert nd(world.a, "sync") == 0
    assert tree(world.a) == tree(world.b)


def test_hooks_of_the_repository_never_run(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert nd(folder, "sync", "init") == 0
    ran = tmp_path / "hook-ran"
    for name in ("pre-commit", "post-commit"):
        hook = folder / ".git" / "hooks" / name
        hook.write_text(f"#!/bin/sh\ntouch {ran}\nexit 1\n", encoding="utf-8")
        hook.chmod(0o700)
    assert nd(folder, "add", "Ada Lovelace") == 0
    assert nd(folder, "sync") == 0
    assert git(folder, "status", "--porcelain") == ""
    assert not ran.exists()


def test_the_commit_message_names_people_companies_and_days() -> None:
    paths = ["contacts/ada.toml", "days/2026/2026-11-25.toml", "companies/acme.toml", "config.toml"]
    assert commit_message(paths) == (
        "networkday sync: 1 person (ada); 1 company (acme); 1 day (2026-11-25); 1 other file (config.toml)"
    )
    many = [f"contacts/p{number:02d}.toml" for number in range(10)]
    assert commit_message(many) == "networkday sync: 10 people (p00, p01, p02, p03, p04, p05, p06, p07 and 2 more)"
