"""The first morning after a LinkedIn import: a queue the size of the day, led by target companies.

A 300-row export is imported into an empty folder with ``calls_per_day = 5`` and a
90-day default cadence (the issue's setup). `networkday today --json` and the Today
screen must both hold 5 rows, target-company people first, and nobody may show the
connection date as a last talk.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.screens.today import TodayScreen
from networkday.ui.widgets.queue_list import QueueList
from tests.conftest import NOW
from tests.fixture_files import fixture

ROWS = 300
TARGET = "Kestrel Robotics, Inc."
#: Rows at the target company (written as LinkedIn writes it), scattered through the file.
AT_TARGET = {17: "Ines", 140: "Bo", 299: "Cleo"}
CONFIG = """\
targets = ["Kestrel Robotics"]
[goals]
calls_per_day = 5
[cadence]
default_days = 90
"""


def linkedin_export(path: Path) -> Path:
    """300 connections in the real export's layout: its note lines and header, then one row each."""
    head = fixture("linkedin/Connections.csv").read_text("utf-8").splitlines()
    header_at = next(i for i, line in enumerate(head) if line.startswith("First Name,"))
    lines = head[: header_at + 1]
    assert lines[-1] == "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    first_day = date(2013, 1, 1)
    for number in range(ROWS):
        first = AT_TARGET.get(number, f"Person{number:03d}")
        company = TARGET if number in AT_TARGET else f"Company {number % 40}"
        connected = (first_day + timedelta(days=number * 16)).strftime("%d %b %Y")
        url = f"https://www.linkedin.com/in/p{number}"
        lines.append(f'{first},Last{number:03d},{url},,"{company}",Engineer,{connected}')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    root.mkdir(mode=0o700)
    (root / "config.toml").write_text(CONFIG, "utf-8")
    export = linkedin_export(tmp_path / "Connections.csv")
    assert main(["import", "linkedin", str(export), "--data-dir", str(root)]) == 0
    return root


def test_today_json_holds_the_goal_led_by_the_target_company(imported: Path, capsys: pytest.CaptureFixture) -> None:
    capsys.readouterr()
    assert main(["today", "--json", "--data-dir", str(imported)]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = out["queue"]
    assert len(rows) == 5
    assert [row["name"].split()[0] for row in rows[:3]] == ["Bo", "Cleo", "Ines"]  # equals in rank: by name
    assert {row["rank_reason"] for row in rows[:3]} == {f"works at {TARGET} (target)"}
    assert [row["rank_reason"] for row in rows[3:]] == ["never contacted", "never contacted"]
    assert {row["last_touch"] for row in rows} == {"never"}
    assert (out["made"], out["planned"], out["will"], out["wont"]) == (0, 0, 0, 0)


def test_a_plain_today_says_the_same_five(imported: Path, capsys: pytest.CaptureFixture) -> None:
    capsys.readouterr()
    assert main(["today", "--data-dir", str(imported)]) == 0
    lines = capsys.readouterr().out.splitlines()
    people = [line for line in lines if line.startswith("[ ]")]
    assert len(people) == 5
    assert "days ago" not in "\n".join(lines)


async def test_the_today_screen_holds_the_same_five_rows(imported: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["today", "--json", "--data-dir", str(imported)]) == 0
    expected = [row["contact"] for row in json.loads(capsys.readouterr().out)["queue"]]
    store = Store.open(imported, FixedClock(NOW))
    assert len(store.contacts) == ROWS
    app = create_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        rows = app.screen.query_one(QueueList).rows
        assert [item.contact_id for item, _ in rows] == expected
        assert [summary.company for _, summary in rows[:3] if summary] == [TARGET] * 3
