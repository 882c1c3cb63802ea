"""Date words in options (``--date``, ``--follow-up``) count from the command's clock, as the rest of it does.

NETWORKDAY_NOW pins that clock far from the machine's date here, so a word read against the
machine's calendar instead would give another day.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock, clock_from_environ
from networkday.storage.store import Store

PINNED = "2031-03-10T09:00:00+01:00"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETWORKDAY_NOW", PINNED)
    (tmp_path / "data").mkdir(mode=0o700)  # `today` and `timer report` read a folder; they never make one
    return tmp_path / "data"


def test_today_date_words(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["today", "--date", "tomorrow", "--json", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2031-03-11"


def test_follow_up_words_of_add_and_log(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clock = FixedClock(clock_from_environ().now())
    assert main(["add", "Ada Lovelace", "--follow-up", "+3", "--data-dir", str(data)]) == 0
    assert Store.open(data, clock).contact("ada-lovelace").follow_up == date(2031, 3, 13)
    assert main(["log", "ada-lovelace", "talked", "--follow-up", "+1w", "--data-dir", str(data)]) == 0
    assert Store.open(data, clock).contact("ada-lovelace").follow_up == date(2031, 3, 17)
    assert "follow up 2031-03-17" in capsys.readouterr().out


def test_timer_report_date_words(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timer", "report", "--month", "--date", "yesterday", "--json", "--data-dir", str(data)]) == 0
    days = json.loads(capsys.readouterr().out)["days"]
    assert [day["date"] for day in days] == [f"2031-03-{n:02d}" for n in range(1, 11)]
