"""What the journal looks like: today's entry, a clash with a hand edit, the list of days.

The data set is tests/journal_world.py with its fixed clock, so every figure, the
running timer and the "saved" time are the same on every run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.screens.journal import JournalScreen
from tests.journal_world import WED, world_store
from tests.ui.test_journal import NO, area, hand_edit, typed


@pytest.fixture
def world_app(tmp_path: Path) -> NetworkdayApp:
    return create_app(world_store(tmp_path / "data"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_todays_entry(world_app, snap_compare, size):
    assert snap_compare(world_app, press=["3"], terminal_size=size)


def test_todays_entry_in_the_ansi_theme(world_app, snap_compare, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TERM", "linux")  # read when the app starts: the ANSI theme and ASCII glyphs
    assert snap_compare(world_app, press=["3"], terminal_size=(80, 24))


def test_writing_an_answer(world_app, snap_compare):
    async def write(pilot) -> None:
        await pilot.press("3", "e", "tab", *"Dan, on Friday", "enter", *"and Erin")
        assert world_app.screen.flush()  # saved now rather than whenever the pause ends: one picture

    assert snap_compare(world_app, run_before=write, terminal_size=(80, 24))


def test_a_clash_with_a_hand_edit(world_app, snap_compare):
    async def clash(pilot) -> None:
        await pilot.press("3")
        await typed(pilot, area(world_app, NO), "Mine: ")
        hand_edit(world_app.store, WED, NO, "Edited by hand.")
        screen = world_app.screen
        assert isinstance(screen, JournalScreen)
        assert not screen.flush()

    assert snap_compare(world_app, run_before=clash, terminal_size=(80, 24))


def test_the_list_of_days(world_app, snap_compare):
    assert snap_compare(world_app, press=["3", "b"], terminal_size=(80, 24))
