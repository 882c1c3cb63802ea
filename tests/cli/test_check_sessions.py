"""`check` names timer sessions that share time: two machines' timers merged by a sync, or a hand edit.

One machine never writes them; after a sync the shared time counted twice in the day's
share, the review and the journal's figures, and nothing said so.
"""

from __future__ import annotations

from datetime import timedelta
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
    lines = path.read_text("utf-8").splitlines()
    assert lines[located - 1] == "[[time]]"  # the later session's own, not the earlier one's
    assert any(text.startswith(f"start = {DAY} 07:30") for text in lines[located : located + 3])
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


def test_a_session_past_midnight_and_the_next_days_session_it_overlaps_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    eve = (NOW.date() - timedelta(days=1)).isoformat()
    world = make_world(tmp_path / "world", SEED)
    assert nd(world.a, "timer", "start", "other", "--at", f"{eve}T23:30") == 0  # in yesterday's file
    assert nd(world.a, "timer", "stop", "--at", f"{DAY}T08:30") == 0
    assert nd(world.b, "timer", "start", "networking", "--at", f"{DAY}T08:00") == 0  # in today's
    assert nd(world.b, "timer", "stop", "--at", f"{DAY}T09:00") == 0
    assert nd(world.a, "sync") == 0
    assert nd(world.b, "sync") == 0
    capsys.readouterr()
    assert nd(world.b, "check") == 1
    named = [line for line in capsys.readouterr().err.splitlines() if "overlaps" in line]
    assert len(named) == 1
    assert named[0].startswith(f"{world.b / 'days' / str(NOW.year) / f'{DAY}.toml'}:")
    assert "their 0:30 together counts twice" in named[0]


def test_an_empty_session_shares_no_time_and_is_not_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hand-written session that ends as it starts, at another's start: nothing counts twice."""
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    folder = tmp_path / "data"
    assert nd(folder, "timer", "start", "networking", "--at", f"{DAY}T07:00") == 0
    assert nd(folder, "timer", "stop", "--at", f"{DAY}T08:00") == 0
    path = folder / "days" / str(NOW.year) / f"{DAY}.toml"
    empty = f'\n[[time]]\nkind = "other"\nstart = {DAY}T07:00:00+01:00\nend = {DAY}T07:00:00+01:00\n'
    path.write_text(path.read_text("utf-8") + empty, encoding="utf-8")
    assert nd(folder, "check") == 0
