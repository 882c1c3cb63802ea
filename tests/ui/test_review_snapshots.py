"""What the review looks like on the fixed week of tests/journal_world.py, as a week and a month."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.ui.app import NetworkdayApp, create_app
from tests.journal_world import world_store


@pytest.fixture
def world_app(tmp_path: Path) -> NetworkdayApp:
    return create_app(world_store(tmp_path / "data"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_week(world_app, snap_compare, size):
    assert snap_compare(world_app, press=["5"], terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_month(world_app, snap_compare, size):
    assert snap_compare(world_app, press=["5", "m"], terminal_size=size)


def test_the_week_in_the_ansi_theme(world_app, snap_compare, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TERM", "linux")  # read when the app starts: the ANSI theme and ASCII glyphs
    assert snap_compare(world_app, press=["5"], terminal_size=(80, 24))


@pytest.fixture
def pipeline_app(tmp_path: Path) -> NetworkdayApp:
    from tests.pipeline_world import pipeline_store

    return create_app(pipeline_store(tmp_path / "data"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_funnel_and_what_led_where(pipeline_app, snap_compare, size):
    assert snap_compare(pipeline_app, press=["5", "p"], terminal_size=size)


def test_the_funnel_in_the_ansi_theme(pipeline_app, snap_compare, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(pipeline_app, press=["5", "p"], terminal_size=(80, 24))
