"""``networkday log --gained``: what they gained from the talk, kept on the touch and counted as "glad you called"."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest

from networkday.cli import main

PINNED = "2026-12-04T09:00:00+01:00"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETWORKDAY_NOW", PINNED)
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    folder = tmp_path / "data"
    for name in ("Ana Lima", "Ben Okafor"):
        assert main(["add", name, "--data-dir", str(folder)]) == 0
    return folder


def test_gained_is_written_on_the_touch_and_old_entries_stay_without_it(data: Path) -> None:
    assert main(["log", "ana-lima", "talked", "--gained", "an intro to my old team", "--data-dir", str(data)]) == 0
    assert main(["log", "ben-okafor", "talked", "--note", "busy week", "--data-dir", str(data)]) == 0
    [ana] = tomllib.loads((data / "contacts" / "ana-lima.toml").read_text())["log"]
    [ben] = tomllib.loads((data / "contacts" / "ben-okafor.toml").read_text())["log"]
    assert ana["gained"] == "an intro to my old team"
    assert (ana["outcome"], ana["channel"]) == ("talked", "phone")
    assert "gained" not in ben  # nothing recorded: the key is left out, as every empty text is


def test_the_review_and_the_journal_count_calls_where_a_gain_was_recorded(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "ana-lima", "talked", "--gained", "a reference", "--data-dir", str(data)]) == 0
    assert main(["log", "ben-okafor", "will", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert main(["review", "--json", "--data-dir", str(data)]) == 0
    review = json.loads(capsys.readouterr().out)
    assert review["totals"]["glad"] == 1
    [day] = [d for d in review["days"] if d["date"] == "2026-12-04"]
    assert (day["glad"], day["made"]) == (1, 2)


def test_the_history_export_carries_the_gain(data: Path, tmp_path: Path) -> None:
    assert main(["log", "ana-lima", "talked", "--gained", "a reference", "--data-dir", str(data)]) == 0
    out, history = tmp_path / "contacts.csv", tmp_path / "history.csv"
    assert main(["export", "csv", "-o", str(out), "--history", str(history), "--data-dir", str(data)]) == 0
    [touch] = list(csv.DictReader(io.StringIO(history.read_text("utf-8"), newline="")))
    assert (touch["contact"], touch["gained"]) == ("ana-lima", "a reference")
