"""Dates at the calendar's ends: networkday accepts 1900-01-01 to 2999-12-31 (domain.dates).

A follow-up on 9999-12-31 or a touch in year 1 passed ``check`` and then crashed
``today`` (``year 10000 is out of range``). Now such a field, or a day file named for such
a date, is a located problem: ``check`` names it, every other command and the app read
the rest of the folder, and no file changes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from networkday.domain.dates import parse_when
from tests.folder_world import READING_COMMANDS, demo_folder, every_byte, pin_clock, run, start_app

LUKAS = "contacts/lukas-weber.toml"
DAY = "days/2026/2026-11-24.toml"


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _new_day(root: Path, day: str) -> None:
    folder = root / "days" / day[:4]
    folder.mkdir(mode=0o700)
    (folder / f"{day}.toml").write_text(f"format = 1\ndate = {day}\n", "utf-8")
    (folder / f"{day}.toml").chmod(0o600)


#: Each edge: how to make it, and the one line ``check`` must print for it.
EDGES = {
    "a follow-up on 9999-12-31": (
        lambda root: _edit(root, LUKAS, "\n[[log]]", "follow_up = 9999-12-31\n\n[[log]]"),
        LUKAS + ":{line}:1: 'follow_up' must be a date from 1900-01-01 to 2999-12-31, not 9999-12-31",
    ),
    "a touch in year 1": (
        lambda root: _edit(root, LUKAS, "at = 2026-11-17T14:00:00+01:00", "at = 0001-01-01T00:00:00+01:00"),
        LUKAS + ":{line}:1: 'at' must be a date from 1900-01-01 to 2999-12-31, not 0001-01-01T00:00:00+01:00",
    ),
    "a touch at the end of year 9999": (
        lambda root: _edit(root, LUKAS, "at = 2026-11-24T10:00:00+01:00", "at = 9999-12-31T23:00:00-01:00"),
        LUKAS + ":{line}:1: 'at' must be a date from 1900-01-01 to 2999-12-31, not 9999-12-31T23:00:00-01:00",
    ),
    "a session in year 1": (
        lambda root: _edit(root, DAY, "start = 2026-11-24T09:00:00+01:00", "start = 0001-01-01T09:00:00+01:00"),
        DAY + ":{line}:1: 'start' must be a date from 1900-01-01 to 2999-12-31, not 0001-01-01T09:00:00+01:00",
    ),
    "a day file in year 1": (
        lambda root: _new_day(root, "0001-01-01"),
        "days/0001/0001-01-01.toml:1:1: 0001-01-01 is outside the dates networkday accepts"
        " (from 1900-01-01 to 2999-12-31), so this file is not read",
    ),
    "a day file on 9999-12-31": (
        lambda root: _new_day(root, "9999-12-31"),
        "days/9999/9999-12-31.toml:1:1: 9999-12-31 is outside the dates networkday accepts"
        " (from 1900-01-01 to 2999-12-31), so this file is not read",
    ),
}


@pytest.fixture(params=list(EDGES))
def edge(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    pin_clock(monkeypatch)
    root = demo_folder(tmp_path / "data")
    make, line = EDGES[request.param]
    make(root)
    relative = line.split(":", 1)[0]
    text = (root / relative).read_text("utf-8").splitlines()
    at = next((number for number, row in enumerate(text, 1) if "9999-" in row or "0001-" in row), 1)
    return root, str(root / line.format(line=at))


def test_check_names_the_date_where_it_is(edge: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    root, expected = edge
    before = every_byte(root)
    code, _, err = run(root, capsys, "check")
    assert code == 1
    assert err.splitlines()[0] == expected
    assert every_byte(root) == before


@pytest.mark.parametrize("command", READING_COMMANDS[1:], ids=" ".join)
def test_every_other_command_reads_the_rest(
    edge: tuple[Path, str], capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    root, _ = edge
    before = every_byte(root)
    code, out, err = run(root, capsys, *command)
    assert code == 0, err
    assert out
    assert every_byte(root) == before


async def test_the_app_starts_and_reports_the_file(edge: tuple[Path, str]) -> None:
    root, _ = edge
    before = every_byte(root)
    messages = await start_app(root)
    assert "1 file(s) could not be read: press ! to see them" in messages
    assert every_byte(root) == before


@pytest.mark.parametrize("typed", ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01", "+9999w"])
def test_a_typed_date_outside_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"outside the dates networkday accepts \(from 1900-01-01 to 2999-12-31\)"):
        parse_when(typed, date(2999, 12, 1))


def test_the_first_and_last_days_are_accepted() -> None:
    assert parse_when("1900-01-01", date(2026, 11, 25)) == date(1900, 1, 1)
    assert parse_when("+30", date(2999, 12, 1)) == date(2999, 12, 31)


def test_a_typed_date_outside_is_a_usage_error_that_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pin_clock(monkeypatch)
    root = demo_folder(tmp_path / "data")
    before = every_byte(root)
    with pytest.raises(SystemExit) as exit_code:
        run(root, capsys, "log", "lukas-weber", "talked", "--follow-up", "9999-12-31")
    assert exit_code.value.code == 2
    assert "outside the dates networkday accepts" in capsys.readouterr().err
    assert every_byte(root) == before


def _at_the_ends(root: Path) -> None:
    """Every kind of date at the first or the last day networkday accepts."""
    # Touches with no outcome: a touch with one must match a made call in its day's file.
    ends = 'at = 1900-01-01T00:00:00+01:00\nnote = "first"\n\n[[log]]\nat = 2999-12-31T23:59:59-12:00\n'
    _edit(root, LUKAS, "\n[[log]]", f"follow_up = 2999-12-31\n\n[[log]]\n{ends}\n[[log]]")
    # the end too: a session from 1900 to 2026 would share time with every other (check names that)
    _edit(
        root,
        DAY,
        "start = 2026-11-24T09:00:00+01:00\nend = 2026-11-24T11:30:00+01:00",
        "start = 1900-01-01T00:00:00+14:00\nend = 1900-01-01T01:00:00+14:00",
    )
    _new_day(root, "1900-01-01")
    _new_day(root, "2999-12-31")


@pytest.mark.parametrize(
    "command", [*READING_COMMANDS, ["review", "--date", "1900-01-01"], ["review", "--month", "--date", "2999-12-31"]]
)
def test_the_first_and_last_days_pass_check_and_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    pin_clock(monkeypatch)
    root = demo_folder(tmp_path / "data")
    _at_the_ends(root)
    before = every_byte(root)
    code, out, err = run(root, capsys, *command)
    assert (code, err) == (0, "")
    assert out
    assert every_byte(root) == before


@pytest.mark.parametrize("now", ["1900-01-01T00:30:00+01:00", "2999-12-31T23:30:00-01:00"])
async def test_the_app_starts_with_the_first_and_last_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str
) -> None:
    pin_clock(monkeypatch)
    monkeypatch.setenv("NETWORKDAY_NOW", now)
    root = demo_folder(tmp_path / "data")
    _at_the_ends(root)
    before = every_byte(root)
    messages = await start_app(root)
    assert not any("could not be read" in message for message in messages)
    assert every_byte(root) == before
