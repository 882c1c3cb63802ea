"""`networkday merge-file BASE OURS THEIRS PATH`: git's merge driver on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import tomli

from networkday.cli import main, modules_for
from networkday.domain.sync_duplicates import MARKER

BASE = """format = 1
name = "Ada Lovelace"
title = "Analyst"

[[log]]
at = 2026-11-20T09:00:00+01:00
id = "aaaa0001"
channel = "phone"
outcome = "talked"
"""


def sides(tmp_path: Path, ours: str, theirs: str, base: str = BASE) -> tuple[Path, Path, Path]:
    paths = tmp_path / "base", tmp_path / "ours", tmp_path / "theirs"
    for path, text in zip(paths, (base, ours, theirs), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def run(paths: tuple[Path, Path, Path], name: str = "contacts/ada-lovelace.toml") -> int:
    return main(["merge-file", *map(str, paths), name])


def test_the_merge_goes_to_ours_with_both_touches_and_a_conflict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", "2026-11-25T10:00:00+01:00")
    monkeypatch.setenv("NETWORKDAY_MERGE_FROM", "origin/main")
    log = '\n[[log]]\nat = 2026-11-25T09:00:00+01:00\nid = "{}"\nchannel = "email"\n'
    paths = sides(
        tmp_path,
        BASE.replace("Analyst", "Engineer") + log.format("bbbb0002"),
        BASE.replace("Analyst", "Poet") + log.format("cccc0003"),
    )
    assert run(paths) == 0
    table = tomli.loads(paths[1].read_text(encoding="utf-8"))
    assert table["title"] == "Engineer"
    assert [entry["id"] for entry in table["log"]] == ["aaaa0001", "bbbb0002", "cccc0003"]
    assert table["conflict"][0]["field"] == "title"
    assert table["conflict"][0]["value"] == "Poet"
    assert table["conflict"][0]["from"] == "origin/main"
    assert table["conflict"][0]["at"].isoformat() == "2026-11-25T10:00:00+01:00"
    assert "1 value(s) changed on both sides" in capsys.readouterr().err
    assert paths[1].stat().st_mode & 0o777 == 0o600


def test_a_file_added_on_both_sides_merges_from_an_empty_base(tmp_path: Path) -> None:
    paths = sides(tmp_path, BASE, BASE.replace('title = "Analyst"\n', 'title = "Analyst"\ncompany = "Acme"\n'), base="")
    assert run(paths) == 0
    table = tomli.loads(paths[1].read_text(encoding="utf-8"))
    assert table["company"] == "Acme"
    assert "conflict" not in table


def test_a_person_added_on_both_sides_with_a_differing_value_is_ours_holding_theirs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = sides(tmp_path, BASE, BASE.replace("Analyst", "Poet"), base="")
    assert run(paths) == 0
    table = tomli.loads(paths[1].read_text(encoding="utf-8"))
    assert table["title"] == "Analyst"
    assert table[MARKER] == tomli.loads(BASE.replace("Analyst", "Poet"))  # split off by the sync, whole
    assert "conflict" not in table
    assert capsys.readouterr().err == ""  # no conflict to report: the sync says what it kept


def test_a_day_or_company_added_on_both_sides_still_merges_field_by_field(tmp_path: Path) -> None:
    day = 'format = 1\nnote = "ours"\n'
    paths = sides(tmp_path, day, day.replace("ours", "theirs"), base="")
    assert run(paths, "days/2026/2026-11-25.toml") == 0
    table = tomli.loads(paths[1].read_text(encoding="utf-8"))
    assert table["note"] == "ours"
    assert table["conflict"][0]["value"] == "theirs"
    assert MARKER not in table


def test_a_side_that_does_not_parse_is_named_and_left_to_gits_line_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = sides(tmp_path, BASE.replace("Analyst", "Engineer"), BASE.replace('"Analyst"', '"Poet'))
    assert run(paths) == 1
    err = capsys.readouterr().err
    assert "contacts/ada-lovelace.toml (theirs):3:" in err
    assert "left to git's line merge" in err
    assert "Traceback" not in err
    assert "<<<<<<< ours" in paths[1].read_text(encoding="utf-8")  # what git does without a driver


@pytest.mark.parametrize("empty", ["ours", "theirs"])
def test_an_empty_side_is_a_save_cut_short_not_a_record_with_every_field_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], empty: str
) -> None:
    changed = BASE.replace("Analyst", "CEO")
    paths = sides(tmp_path, "" if empty == "ours" else changed, changed if empty == "ours" else "\n")
    assert run(paths) == 1
    err = capsys.readouterr().err
    assert f"contacts/ada-lovelace.toml ({empty}):1:1: the file is empty" in err
    merged = paths[1].read_text(encoding="utf-8")
    assert 'name = "Ada Lovelace"' in merged  # git's line merge keeps the record, marked for the person
    assert "<<<<<<<" in merged


@pytest.mark.parametrize(
    ("extra", "where"),
    [("lat = 51.50735091234567891\n", ":4:7: 51.50735091234567891"), ("seen = 10:00:00.123456789\n", ":4:")],
)
def test_a_value_the_rewrite_would_change_is_left_to_gits_line_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str, where: str
) -> None:
    base = BASE.replace('title = "Analyst"\n', f'title = "Analyst"\n{extra}')
    paths = sides(tmp_path, base.replace("Analyst", "Engineer"), base + 'company = "Acme"\n', base=base)
    assert run(paths) == 1
    err = capsys.readouterr().err
    assert f"contacts/ada-lovelace.toml (base){where}" in err
    assert extra in paths[1].read_text(encoding="utf-8")  # written as typed, never rounded


def test_a_record_nested_past_what_a_save_writes_is_refused_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "deep = " + "[" * 250 + "1" + "]" * 250 + "\n"
    base = BASE.replace('title = "Analyst"\n', f'title = "Analyst"\n{deep}')
    paths = sides(tmp_path, base.replace("Analyst", "Engineer"), base.replace("Ada Lovelace", "Ada King"), base=base)
    assert run(paths) == 1
    err = capsys.readouterr().err
    assert "nest" in err
    assert "left to git's line merge" in err
    assert "Traceback" not in err


def test_the_driver_imports_only_its_own_command_module() -> None:
    assert modules_for(["merge-file", "a", "b", "c", "d"]) == ("sync",)


def test_git_running_the_driver_skips_the_command_line_and_the_store(tmp_path: Path) -> None:
    paths = sides(tmp_path, BASE, BASE.replace("Analyst", "Poet"))
    probe = (
        "import runpy, sys\n"
        f"sys.argv = ['networkday', 'merge-file', *{[str(path) for path in paths]!r}, 'contacts/ada.toml']\n"
        "try:\n"
        "    runpy.run_module('networkday', run_name='__main__')\n"
        "except SystemExit as end:\n"
        "    print(end.code, 'networkday.cli' in sys.modules, 'networkday.storage.store' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False", "False"]
    assert tomli.loads(paths[1].read_text(encoding="utf-8"))["title"] == "Poet"


def test_a_timer_started_on_both_machines_runs_once_after_the_merge(tmp_path: Path) -> None:
    """Two running sessions would count the overlap twice and one `timer stop` would end both."""
    base = 'format = 1\ndate = 2026-12-05\n\n[[time]]\nkind = "networking"\nstart = 2026-12-05T09:00:00+01:00\n'
    base += "end = 2026-12-05T10:00:00+01:00\n"
    session = '\n[[time]]\nkind = "{}"\nstart = 2026-12-05T{}:00+01:00\n'
    paths = sides(tmp_path, base + session.format("networking", "11:05"), base + session.format("other", "11:00"), base)
    assert run(paths, "days/2026/2026-12-05.toml") == 0
    sessions = tomli.loads(paths[1].read_text(encoding="utf-8"))["time"]
    shown = [(s["kind"], s["start"].strftime("%H:%M"), s.get("end") and s["end"].strftime("%H:%M")) for s in sessions]
    assert sorted(shown, key=lambda row: row[1]) == [
        ("networking", "09:00", "10:00"),
        ("other", "11:00", "11:05"),
        ("networking", "11:05", None),
    ]
