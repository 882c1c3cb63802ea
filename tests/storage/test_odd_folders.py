"""Odd data folders: ``.networkday`` a file, ``config.toml`` a folder, a config from a newer version.

Each is said once, by its path; every reading command and the app carry on; a save is
refused with the cause; and no file in the folder changes.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.storage.store import Store
from tests.folder_world import NOW, READING_COMMANDS, demo_folder, every_byte, pin_clock, run, start_app

CLOCK = FixedClock(datetime.fromisoformat(NOW))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pin_clock(monkeypatch)
    return demo_folder(tmp_path / "data")


def _app_dir_a_file(root: Path) -> str:
    (root / ".networkday").write_bytes(b"not a folder\n")
    return f"{root / '.networkday'}: not a folder, so networkday keeps no cache, preview or state"


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_cache_folder_that_is_a_file_is_said_once_and_every_reading_command_works(
    folder: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    said = _app_dir_a_file(folder)
    before = every_byte(folder)
    code, out, err = run(folder, capsys, *command)
    assert code == 0, err
    assert out
    assert [line.startswith(f"networkday: warning: {said}") for line in err.splitlines() if said in line] == [True]
    assert "Traceback" not in err
    assert every_byte(folder) == before
    assert (folder / ".networkday").read_bytes() == b"not a folder\n"


def test_a_save_is_refused_naming_the_cache_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = _app_dir_a_file(folder)
    before = every_byte(folder)
    code, _, err = run(folder, capsys, "log", "aisha-bello", "talked")
    assert code == 1
    refusal = err.splitlines()[-1]
    assert refusal.startswith(f"networkday: {folder / 'contacts' / 'aisha-bello.toml'}: not saved: {said}")
    assert every_byte(folder) == before
    assert (folder / ".networkday").read_bytes() == b"not a folder\n"


async def test_the_app_starts_and_says_why_nothing_is_kept(folder: Path) -> None:
    said = _app_dir_a_file(folder)
    before = every_byte(folder)
    messages = await start_app(folder)
    assert [message for message in messages if said in message] != []
    assert every_byte(folder) == before


def test_a_config_that_is_a_folder_is_a_located_problem_and_defaults_apply(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = folder / "config.toml"
    config.unlink()
    config.mkdir(mode=0o700)
    before = every_byte(folder)
    code, _, err = run(folder, capsys, "check")
    assert code == 1
    assert f"{config}:1:1: cannot be read: Is a directory" in err.splitlines()
    assert "open to other users" not in err
    for command in READING_COMMANDS[1:]:
        code, _, err = run(folder, capsys, *command)
        assert code == 0, (command, err)
    assert every_byte(folder) == before


async def test_the_app_starts_on_a_config_that_is_a_folder(folder: Path) -> None:
    (folder / "config.toml").unlink()
    (folder / "config.toml").mkdir(mode=0o700)
    before = every_byte(folder)
    messages = await start_app(folder)
    assert any("could not be read" in message for message in messages)
    assert every_byte(folder) == before


def test_a_config_from_a_newer_version_is_read_with_a_warning(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = folder / "config.toml"
    config.write_text(config.read_text("utf-8").replace("format = 1", "format = 2"), "utf-8")
    assert "format = 2" in config.read_text("utf-8")
    before = every_byte(folder)
    code, out, err = run(folder, capsys, "check")
    assert code == 0
    assert err == (
        f"networkday: warning: {config}: written by a newer networkday (format 2);"
        " settings this version does not know are not used\n"
    )
    assert "no problems" in out
    assert every_byte(folder) == before
    code, _, _ = run(folder, capsys, "log", "aisha-bello", "talked")
    assert code == 0  # config.toml is never written, so its format does not stop a save
    assert config.read_bytes() == before["config.toml"]


def test_journal_edit_is_refused_before_the_editor_opens(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    said = _app_dir_a_file(folder)
    opened = tmp_path / "editor-opened"
    monkeypatch.setenv("VISUAL", f"touch {opened}")
    before = every_byte(folder)
    code, _, err = run(folder, capsys, "journal", "--edit")
    assert code == 1
    assert err.splitlines()[-1].startswith(f"networkday: {said}")
    assert not opened.exists()
    assert every_byte(folder) == before


#: A record folder replaced by a file, and what ``check`` says of it.
NOT_FOLDERS = {
    "contacts": "not a folder, so nothing in it is read; move it away",
    "days": "not a folder, so nothing in it is read; move it away",
    "days/2026": "a year's day files go in a folder of that name; this is not one",
}


def _replace_by_a_file(root: Path, relative: str) -> Path:
    path = root / relative
    shutil.rmtree(path)
    path.write_bytes(b"a file where a folder was\n")
    path.chmod(0o600)
    return path


@pytest.mark.parametrize("relative", list(NOT_FOLDERS))
def test_a_record_folder_that_is_a_file_is_a_located_problem(
    folder: Path, capsys: pytest.CaptureFixture[str], relative: str
) -> None:
    path = _replace_by_a_file(folder, relative)
    Store.open(folder, CLOCK)  # with the cache of the folder as it was: what it lists is gone
    before = every_byte(folder)
    code, _, err = run(folder, capsys, "check")
    assert code == 1
    assert err.splitlines()[0] == f"{path}:1:1: {NOT_FOLDERS[relative]}"
    for command in READING_COMMANDS[1:]:
        code, _, err = run(folder, capsys, *command)
        assert code == 0, (command, err)
    assert every_byte(folder) == before


@pytest.mark.parametrize("relative", list(NOT_FOLDERS))
async def test_the_app_starts_when_a_record_folder_is_a_file(folder: Path, relative: str) -> None:
    _replace_by_a_file(folder, relative)
    before = every_byte(folder)
    messages = await start_app(folder)
    assert "1 file(s) could not be read: press ! to see them" in messages
    assert every_byte(folder) == before


async def test_the_app_says_a_newer_version_wrote_the_config(folder: Path) -> None:
    config = folder / "config.toml"
    config.write_text(config.read_text("utf-8").replace("format = 1", "format = 2"), "utf-8")
    before = every_byte(folder)
    messages = await start_app(folder)
    assert any(f"{config}: written by a newer networkday (format 2)" in message for message in messages)
    assert every_byte(folder) == before
