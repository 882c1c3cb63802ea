"""Files that cannot be read are said once by every command and left out of figures, never counted as empty."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.folder_world import make_read_only, outside_place, pin_clock, run, run_as_reader
from tests.storage.test_read_only_folder import CHILD

PRIYA = "contacts/priya-raman.toml"
MONDAY, TUESDAY = "days/2026/2026-11-23.toml", "days/2026/2026-11-24.toml"


def _day(day: str, *calls: str) -> str:
    return f"format = 1\ndate = {day}\n" + "".join(calls)


def _made(contact: str, at: str) -> str:
    return f'\n[[call]]\ncontact = "{contact}"\nchannel = "phone"\noutcome = "talked"\nat = {at}\n'


def _folder(root: Path) -> Path:
    """Three days that each meet a goal of one call, written by hand (no cache knows them)."""
    files = {
        "config.toml": "format = 1\n[goals]\ncalls_per_day = 1\n",
        "contacts/ada.toml": 'format = 1\nname = "Ada"\n',
        PRIYA: 'format = 1\nname = "Priya Raman"\n',
        MONDAY: _day("2026-11-23", _made("ada", "2026-11-23T10:00:00+01:00")),
        TUESDAY: _day("2026-11-24", _made("ada", "2026-11-24T10:00:00+01:00")),
        "days/2026/2026-11-25.toml": _day(
            "2026-11-25", _made("ada", "2026-11-25T09:00:00+01:00"), '\n[[call]]\ncontact = "priya-raman"\n'
        ),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return _private(root)


def _private(root: Path) -> Path:
    """Modes as networkday makes them, so no warning about open folders joins the one tested."""
    for folder, _, names in os.walk(root):
        os.chmod(folder, 0o700)
        for name in names:
            os.chmod(Path(folder) / name, 0o600)
    return root


@pytest.fixture
def unreadable() -> Iterator[Path]:
    """Tuesday's file and Priya's, mode 000, in a folder ``nobody`` owns and reads otherwise."""
    with outside_place() as place:
        root = _folder(place / "data")
        make_read_only(root)
        os.chmod(root / TUESDAY, 0)
        os.chmod(root / PRIYA, 0)
        yield root


def _warning(stderr: str, root: Path) -> str:
    (line,) = [line for line in stderr.splitlines() if "could not be read" in line]
    assert line == (
        f"networkday: warning: 2 file(s) could not be read ({root / PRIYA}, {root / TUESDAY}); "
        "run `networkday check` for details"
    )
    return line


def test_review_marks_an_unreadable_day_unknown_and_leaves_it_out(unreadable: Path) -> None:
    done = run_as_reader(CHILD, unreadable, "--data-dir", str(unreadable), "review")
    assert done.returncode == 0, done.stderr
    _warning(done.stderr, unreadable)
    rows = {line[:10]: line for line in done.stdout.splitlines()}
    assert rows["Tue 24 Nov"].split()[3:] == ["?", "?", "?", "?", "?", "its", "file", "cannot", "be", "read"]
    assert rows["Total     "].split()[1] == "2/3"  # Monday and Wednesday; what Tuesday held is not known
    assert "Weakest day: none" in done.stdout
    as_json = run_as_reader(CHILD, unreadable, "--data-dir", str(unreadable), "review", "--json")
    found = json.loads(as_json.stdout)
    assert {"date": "2026-11-24", "unreadable": True} in found["days"]
    assert found["totals"]["active_days"] == 2


def test_today_passes_over_an_unreadable_day_in_the_streak_and_names_an_unreadable_contact(unreadable: Path) -> None:
    done = run_as_reader(CHILD, unreadable, "--data-dir", str(unreadable), "today")
    assert done.returncode == 0, done.stderr
    _warning(done.stderr, unreadable)
    assert "streak 2" in done.stdout.splitlines()[0]  # Wednesday and Monday; Tuesday is not known
    assert f"problem: {unreadable / PRIYA}:1:1: cannot be read: Permission denied" in done.stdout
    assert "no contact" not in done.stdout


@pytest.mark.parametrize("where", ["config.toml", ".networkday/drafts.toml"])
@pytest.mark.parametrize("command", [["today"], ["review"], ["timer", "status"], ["log", "ada", "talked"]])
def test_a_folder_in_place_of_a_file_is_said_once_by_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str, command: list[str]
) -> None:
    pin_clock(monkeypatch)
    root = _folder(tmp_path / "data")
    (root / where).unlink(missing_ok=True)
    (root / where).mkdir(parents=True)
    _private(root)
    code, _, err = run(root, capsys, *command)
    assert code == 0, err
    assert err.splitlines() == [
        f"networkday: warning: 1 file(s) could not be read ({root / where}); run `networkday check` for details"
    ]
    code, _, err = run(root, capsys, "check")
    assert code == 1
    assert f"{root / where}:1:1: cannot be read: Is a directory" in err
    assert "could not be read" not in err  # check lists each problem itself
