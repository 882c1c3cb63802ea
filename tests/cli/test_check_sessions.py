"""`check` names timer sessions that share time: two machines' timers merged by a sync, or a hand edit.

One machine never writes them; after a sync the shared time counted twice in the day's
share, the review and the journal's figures, and nothing said so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import NOW
from tests.sync_world import SEED, make_world, nd

DAY = NOW.date().isoformat()


def test_sessions_from_two_machines_that_overlap_are_named_after_the_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    world = make_world(tmp_path / "world", SEED)
    assert nd(world.a, "timer", "start", "networking", "--at", f"{DAY}T07:00") == 0
    assert nd(world.a, "timer", "stop", "--at", f"{DAY}T08:00") == 0
    assert nd(world.b, "timer", "start", "other", "--at", f"{DAY}T07:30") == 0
    assert nd(world.b, "timer", "stop", "--at", f"{DAY}T07:45") == 0
    assert nd(world.a, "sync") == 0
    assert nd(world.b, "sync") == 0
    capsys.readouterr()
    assert nd(world.b, "check") == 1
    err = capsys.readouterr().err.splitlines()
    path = world.b / "days" / str(NOW.year) / f"{DAY}.toml"
    named = [line for line in err if "overlaps" in line]
    assert len(named) == 1
    line = named[0]
    assert line.startswith(f"{path}:")
    located = int(line[len(str(path)) + 1 :].split(":")[0])
    assert path.read_text("utf-8").splitlines()[located - 1] == "[[time]]"
    later, earlier = f"the other session from {DAY} 07:30 to 07:45", f"the networking session from {DAY} 07:00 to 08:00"
    assert f"{later} overlaps {earlier}" in line  # local times, as the person typed them
    assert "their 0:15 together counts twice" in line
    assert err[-1] == f"1 problem(s) in {world.b}"


def test_sessions_one_after_another_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    folder = tmp_path / "data"
    assert nd(folder, "timer", "start", "networking", "--at", f"{DAY}T07:00") == 0
    assert nd(folder, "timer", "switch", "--at", f"{DAY}T08:00") == 0
    assert nd(folder, "timer", "stop", "--at", f"{DAY}T08:30") == 0
    assert nd(folder, "check") == 0
