"""Sync's edges an attack found: look-alike records, branch names, a stale driver, a held lock, broken files."""

from __future__ import annotations

import fcntl
import subprocess
from pathlib import Path

import pytest

from networkday.storage.sync_repo import DataRepo
from tests.sync_world import git, make_world, nd, tree

pytestmark = pytest.mark.usefixtures("command_env")

BOB = (
    'format = 1\nname = "{name}"\ncompany = "Acme"\ntitle = "{title}"\n'
    'tags = ["python", "remote"]\nemail = [\n  "bob@acme.example",\n]\n'
)


def test_a_record_replaced_by_a_look_alike_keeps_both_people_apart(tmp_path: Path) -> None:
    """Git's rename guess would move Bob Smith's new title onto Bob Smyth and drop Bob Smith."""
    world = make_world(tmp_path, {"contacts/bob-smith.toml": BOB.format(name="Bob Smith", title="Engineer")})
    (world.a / "contacts" / "bob-smith.toml").unlink()
    (world.a / "contacts" / "bob-smyth.toml").write_text(BOB.format(name="Bob Smyth", title="Engineer"))
    assert nd(world.a, "sync") == 0
    smith = world.b / "contacts" / "bob-smith.toml"
    smith.write_text(BOB.format(name="Bob Smith", title="Staff Engineer, payments"))
    assert nd(world.b, "sync") == 0
    assert nd(world.a, "sync") == 0
    assert tree(world.a) == tree(world.b)
    assert 'title = "Staff Engineer, payments"' in smith.read_text()  # kept, changed
    assert 'title = "Engineer"' in (world.b / "contacts" / "bob-smyth.toml").read_text()


def test_a_clone_left_on_another_branch_name_joins_the_remotes_branch(tmp_path: Path) -> None:
    world = make_world(tmp_path, {"contacts/ada.toml": 'format = 1\nname = "Ada"\n'})
    other = tmp_path / "c"
    other.mkdir(mode=0o700)
    subprocess.run(["git", "init", "--quiet", "--initial-branch=master", str(other)], check=True)
    (other / "contacts").mkdir(mode=0o700)
    (other / "contacts" / "cy.toml").write_text('format = 1\nname = "Cy"\n')
    assert nd(other, "sync", "init", str(world.remote)) == 0
    assert nd(other, "sync") == 0
    assert git(world.remote, "branch", "--format=%(refname:short)").split() == ["main"]
    assert nd(world.a, "sync") == 0
    assert (world.a / "contacts" / "cy.toml").exists()
    assert (other / "contacts" / "ada.toml").exists()
    assert nd(other, "sync") == 0  # the push set the upstream: the next sync needs no guess
    assert git(other, "rev-parse", "--abbrev-ref", "master@{upstream}").strip() == "origin/main"


def test_a_remote_with_branches_none_of_which_is_ours_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = make_world(tmp_path)
    git(world.a, "push", "--quiet", "origin", "main:side")
    git(world.remote, "symbolic-ref", "HEAD", "refs/heads/nowhere")
    git(world.a, "push", "--quiet", "origin", "main:other")
    git(world.a, "push", "--quiet", "origin", ":main")
    git(world.a, "branch", "--unset-upstream")
    capsys.readouterr()
    assert nd(world.a, "sync") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "networkday: origin has the branches other, side and none is named main: pick one with"
        " git branch --set-upstream-to=origin/NAME, then sync again"
    ]


def test_a_driver_left_by_an_old_install_is_set_again_before_merging(tmp_path: Path) -> None:
    ada = 'format = 1\nname = "Ada"\ntitle = "Analyst"\n'
    world = make_world(tmp_path, {"contacts/ada.toml": ada})
    git(world.b, "config", "merge.networkday.driver", "/old/venv/bin/python -m networkday merge-file %O %A %B %P")
    (world.a / "contacts" / "ada.toml").write_text(ada.replace("Analyst", "CTO"))
    assert nd(world.a, "sync") == 0
    (world.b / "contacts" / "ada.toml").write_text(ada + 'company = "Acme"\n')
    assert nd(world.b, "sync") == 0
    merged = (world.b / "contacts" / "ada.toml").read_text()
    assert 'title = "CTO"' in merged
    assert 'company = "Acme"' in merged
    assert "/old/venv" not in git(world.b, "config", "merge.networkday.driver")


def test_a_lock_held_too_long_is_one_line_and_nothing_is_committed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path)
    (world.a / "contacts").mkdir(mode=0o700, exist_ok=True)
    (world.a / "contacts" / "ada.toml").write_text('format = 1\nname = "Ada"\n')
    original = DataRepo.locked

    def impatient(self: DataRepo):  # type: ignore[no-untyped-def]
        from networkday.storage.lock import folder_lock

        return folder_lock(self.lock_path, timeout=0.2)

    monkeypatch.setattr(DataRepo, "locked", impatient)
    with (world.a / ".networkday" / "lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        capsys.readouterr()
        assert nd(world.a, "sync") == 1
    monkeypatch.setattr(DataRepo, "locked", original)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "lock" in err[0]
    assert "Traceback" not in err[0]
    assert git(world.a, "status", "--porcelain") == "?? contacts/\n"  # not committed


@pytest.mark.parametrize("broken", ["", 'name = "Ada\n'])
def test_a_record_that_does_not_read_is_never_committed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str
) -> None:
    """An emptied file pushed would wipe the record on every machine."""
    world = make_world(tmp_path, {"contacts/ada.toml": 'format = 1\nname = "Ada"\n'})
    head = git(world.a, "rev-parse", "HEAD")
    (world.a / "contacts" / "ada.toml").write_text(broken)
    (world.a / "contacts" / "bo.toml").write_text('format = 1\nname = "Bo"\n')
    capsys.readouterr()
    assert nd(world.a, "sync") == 1
    err = capsys.readouterr().err
    assert f"{world.a / 'contacts' / 'ada.toml'}:1:" in err
    assert "nothing synced: fix it (networkday check), then sync again" in err
    assert git(world.a, "rev-parse", "HEAD") == head
    assert git(world.remote, "rev-parse", "main") == head


def test_own_gitignore_lines_on_both_sides_join_without_markers(tmp_path: Path) -> None:
    world = make_world(tmp_path, {"contacts/ada.toml": 'format = 1\nname = "Ada"\n'})
    other = tmp_path / "c"
    other.mkdir(mode=0o700)
    (other / ".gitignore").write_text("secret-notes/\n")
    assert nd(other, "sync", "init", str(world.remote)) == 0
    assert nd(other, "sync") == 0
    ignored = (other / ".gitignore").read_text()
    assert "<<<<<<<" not in ignored
    assert "secret-notes/" in ignored
    assert ".networkday/" in ignored


def test_what_the_driver_said_is_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ada = 'format = 1\nname = "Ada"\ntitle = "Analyst"\n'
    world = make_world(tmp_path, {"contacts/ada.toml": ada})
    (world.a / "contacts" / "ada.toml").write_text(ada.replace("Analyst", "CTO"))
    assert nd(world.a, "sync") == 0
    (world.b / "contacts" / "ada.toml").write_text(ada.replace("Analyst", "CEO"))
    capsys.readouterr()
    assert nd(world.b, "sync") == 0
    out = capsys.readouterr().out
    assert "networkday: contacts/ada.toml: 1 value(s) changed on both sides; see [[conflict]]" in out


def test_a_file_marked_resolved_with_markers_still_in_it_is_never_committed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """git add on a file git's line merge left marked, then sync: the markers must not reach the remote."""
    world = make_world(tmp_path, {"contacts/mo.toml": 'format = 1\nname = "Mo Ray"\n'})
    (world.a / "contacts" / "mo.toml").write_text("")
    git(world.a, "commit", "--quiet", "-am", "emptied by hand")
    git(world.a, "push", "--quiet", "origin", "main")
    assert nd(world.b, "log", "mo", "talked") == 0
    assert nd(world.b, "sync") == 1  # the driver refuses the empty side: git's markers are left
    assert "<<<<<<<" in (world.b / "contacts" / "mo.toml").read_text()
    git(world.b, "add", "contacts/mo.toml")
    capsys.readouterr()
    assert nd(world.b, "sync") == 1
    err = capsys.readouterr().err
    assert f"{world.b / 'contacts' / 'mo.toml'}:1:" in err
    assert "the merge is left open: fix it, git add it, then sync again" in err
    assert "<<<<<<<" not in git(world.remote, "show", "main:contacts/mo.toml")
    (world.b / "contacts" / "mo.toml").write_text('format = 1\nname = "Mo Ray"\n')
    git(world.b, "add", "contacts/mo.toml")
    assert nd(world.b, "sync") == 0
    assert git(world.remote, "show", "main:contacts/mo.toml") == 'format = 1\nname = "Mo Ray"\n'


@pytest.mark.parametrize("action", [("sync",), ("sync", "--offline"), ("sync", "init")])
def test_a_detached_head_is_refused_before_anything_is_committed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], action: tuple[str, ...]
) -> None:
    """A commit on a detached HEAD is left behind by the ``git switch main`` the refusal asks for: the touch is lost."""
    world = make_world(tmp_path, {"contacts/ada.toml": 'format = 1\nname = "Ada"\n'})
    git(world.a, "switch", "--quiet", "--detach")
    head = git(world.a, "rev-parse", "HEAD")
    assert nd(world.a, "log", "ada", "talked", "--note", "typed on a detached HEAD") == 0
    capsys.readouterr()
    assert nd(world.a, *action) == 1
    assert "not on a branch" in capsys.readouterr().err
    assert git(world.a, "rev-parse", "HEAD") == head  # nothing committed on the detached HEAD
    git(world.a, "switch", "--quiet", "main")  # what the refusal says to do
    assert "typed on a detached HEAD" in (world.a / "contacts" / "ada.toml").read_text()
    assert nd(world.a, "sync") == 0
    assert "typed on a detached HEAD" in git(world.remote, "show", "main:contacts/ada.toml")


def test_init_with_a_remote_syncs_with_it_when_the_branch_followed_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder already pushed to its own backup: `sync init REMOTE` said "remote origin" and sync went on to backup."""
    backup, remote, folder = tmp_path / "backup.git", tmp_path / "remote.git", tmp_path / "data"
    for bare in (backup, remote):
        subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=master", str(bare)], check=True)
    folder.mkdir(mode=0o700)
    (folder / "README").write_text("my notes\n")
    git(folder, "init", "--quiet", "--initial-branch=master")
    git(folder, "add", "README")
    git(folder, "-c", "user.name=me", "-c", "user.email=me@example.com", "commit", "--quiet", "-m", "mine")
    git(folder, "remote", "add", "backup", str(backup))
    git(folder, "push", "--quiet", "--set-upstream", "backup", "master")
    assert nd(folder, "add", "Ada Lovelace") == 0
    capsys.readouterr()
    assert nd(folder, "sync", "init", str(remote)) == 0
    assert "branch master synced with backup: from now on with origin (backup is kept)" in capsys.readouterr().out
    assert nd(folder, "sync") == 0
    assert "contacts/ada-lovelace.toml" in git(remote, "ls-tree", "-r", "--name-only", "master")
    assert git(folder, "rev-parse", "--abbrev-ref", "master@{upstream}").strip() == "origin/master"
    assert git(folder, "remote", "get-url", "backup").strip() == str(backup)  # the other remote as it was


def test_a_file_name_with_a_newline_left_in_conflict_stays_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "notes/two\nlines.txt"
    world = make_world(tmp_path, {name: "base\n"})
    for folder, text in ((world.a, "from a\n"), (world.b, "from b\n")):
        (folder / name).write_text(text, encoding="utf-8")
    assert nd(world.a, "sync") == 0
    capsys.readouterr()
    assert nd(world.b, "sync") == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == (
        "conflicts left in notes/two\\nlines.txt: resolve them (git status, then git add),"
        " then run networkday sync again"
    )


@pytest.mark.parametrize("setting", ["ff = only", "verifySignatures = true"])
def test_the_persons_own_merge_settings_never_stop_a_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    """`merge.ff = only` refused every sync of two machines' work: `Not possible to fast-forward, aborting`."""
    world = make_world(tmp_path, {"contacts/ada.toml": 'format = 1\nname = "Ada"\n'})
    config = tmp_path / "gitconfig"
    config.write_text(f"[user]\n\tname = Me\n\temail = me@example.com\n[merge]\n\t{setting}\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    assert nd(world.a, "log", "ada", "talked", "--note", "from a") == 0
    assert nd(world.b, "log", "ada", "will", "--note", "from b") == 0
    assert nd(world.a, "sync") == 0
    assert nd(world.b, "sync") == 0
    assert nd(world.a, "sync") == 0
    assert tree(world.a) == tree(world.b)
    merged = (world.a / "contacts" / "ada.toml").read_text()
    assert 'note = "from a"' in merged
    assert 'note = "from b"' in merged


def test_the_persons_own_ssh_command_picks_the_key_and_still_asks_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`core.sshCommand = ssh -i ~/.ssh/id_work` was replaced by sync's own ssh: the remote refused the sign-in."""
    monkeypatch.delenv("GIT_SSH_COMMAND", raising=False)
    monkeypatch.delenv("GIT_SSH", raising=False)
    world = make_world(tmp_path)
    fake = tmp_path / "bin" / "ssh"
    fake.parent.mkdir()
    calls = tmp_path / "ssh-calls"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> {calls}\nexit 255\n')
    fake.chmod(0o700)
    git(world.a, "config", "core.sshCommand", f"{fake} -i /keys/id_work")
    git(world.a, "remote", "set-url", "origin", "ssh://git@example.invalid/me/data.git")
    assert nd(world.a, "sync") == 1
    assert "origin: cannot reach the remote" in capsys.readouterr().err
    args = calls.read_text().splitlines()
    assert args[:2] == ["-i", "/keys/id_work"]  # the person's key
    assert args[2:4] == ["-o", "BatchMode=yes"]  # and no prompt for a terminal nobody watches
    assert "ConnectTimeout=20" in args  # nor a wait without end on a host that does not answer


def test_a_repository_that_committed_the_apps_own_folder_stops_tracking_it(tmp_path: Path) -> None:
    """`.networkday/` committed before its .gitignore: every command dirtied the tree and synced the caches."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    assert nd(folder, "add", "Ada Lovelace") == 0
    git(folder, "init", "--quiet", "--initial-branch=main")
    git(folder, "add", "--force", "--all")
    git(folder, "-c", "user.name=me", "-c", "user.email=me@example.com", "commit", "--quiet", "-m", "all of it")
    assert git(folder, "ls-files", ".networkday")  # the lock, the caches, the preview
    assert nd(folder, "sync", "init") == 0
    assert git(folder, "ls-files", ".networkday") == ""
    assert (folder / ".networkday" / "lock").exists()  # kept on this machine, only no longer tracked
    assert nd(folder, "log", "ada-lovelace", "talked") == 0
    assert nd(folder, "sync") == 0
    assert nd(folder, "today") == 0
    assert git(folder, "status", "--porcelain") == ""


def test_a_sync_waits_for_another_on_the_same_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two at once (a shell's and the app's) fetched into the same refs: `cannot reach the remote (cannot lock ref`."""
    world = make_world(tmp_path, {"contacts/ada.toml": 'format = 1\nname = "Ada"\n'})
    head = git(world.a, "rev-parse", "HEAD")
    assert nd(world.a, "log", "ada", "talked") == 0
    original = DataRepo.syncing
    monkeypatch.setattr(DataRepo, "syncing", lambda self: original(self, timeout=0.2))
    with (world.a / ".networkday" / "sync-lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        capsys.readouterr()
        assert nd(world.a, "sync") == 1
    err = capsys.readouterr().err.strip()
    assert err == "networkday: another networkday sync has run on this folder for 0 s; sync again once it ends"
    assert git(world.a, "rev-parse", "HEAD") == head  # it waited: nothing committed meanwhile
    assert nd(world.a, "sync") == 0  # once the other ends
