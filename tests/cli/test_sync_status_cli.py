"""`networkday sync status [--json]`: the state in a few plain lines or JSON, in and outside a repository."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from networkday.storage.last_sync import LastSyncRecord
from tests.conftest import NOW
from tests.sync_world import SEED, git, make_world, nd

pytestmark = pytest.mark.usefixtures("command_env")


def test_status_says_the_last_sync_in_words_what_waits_and_ahead_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, SEED)
    (world.a / "contacts" / "ada.toml").write_text('format = 1\nname = "Ada"\ntitle = "Changed"\n', "utf-8")
    monkeypatch.setenv("NETWORKDAY_NOW", (NOW + timedelta(minutes=12)).isoformat())
    capsys.readouterr()
    assert nd(world.a, "sync", "status") == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"git repository {world.a}, branch main, upstream origin/main",
        "last sync 12 minutes ago, ok",
        "1 file(s) to commit",
        "0 ahead, 0 behind origin/main (as of the last fetch)",
    ]
    assert err == ""
    assert git(world.a, "status", "--porcelain") == " M contacts/ada.toml\n"  # status commits nothing


def test_status_json_has_version_first_and_the_last_sync(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    world = make_world(tmp_path, SEED)
    capsys.readouterr()
    assert nd(world.a, "sync", "status", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert next(iter(document)) == "version"
    assert document["repository"] is True
    assert (document["branch"], document["upstream"], document["ahead"], document["behind"]) == (
        "main",
        "origin/main",
        0,
        0,
    )
    assert document["last_sync"]["at"] == NOW.isoformat()
    assert document["last_sync"]["outcome"] == "ok"
    assert (document["to_commit_count"], document["merge_open"], document["unmerged_count"]) == (0, False, 0)


def test_outside_a_repository_status_says_so_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert nd(folder, "sync", "status") == 0
    assert capsys.readouterr().out == f"{folder} is not a git repository: networkday sync init [REMOTE] makes it one\n"
    assert nd(folder, "sync", "status", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert document["repository"] is False
    assert document["last_sync"] is None
    assert not (folder / ".git").exists()


def test_a_failed_sync_shows_in_status_and_a_damaged_record_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = make_world(tmp_path, SEED)
    git(world.a, "remote", "set-url", "origin", str(tmp_path / "missing.git"))
    assert nd(world.a, "sync") == 1
    capsys.readouterr()
    assert nd(world.a, "sync", "status") == 0
    assert "last sync a few seconds ago, failed: origin: cannot reach the remote (fatal:" in capsys.readouterr().out
    LastSyncRecord(world.a).path.write_bytes(b"\xff\x00not json")
    assert nd(world.a, "sync", "status") == 0
    out, err = capsys.readouterr()
    assert "never synced on this machine" in out
    assert err.startswith("networkday: ")
    assert "last_sync.json: cannot be read (" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("sync", "--json"), "--json goes with sync status"),
        (("sync", "status", "origin"), "a remote is named only with sync init"),
    ],
)
def test_misused_options_are_refused_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], said: str
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert nd(folder, *args) == 2
    assert said in capsys.readouterr().err
