"""Nothing networkday writes on its own dirties a synced folder: no read-only command, no start and exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.storage.demo import demo_copy
from networkday.storage.store import Store
from networkday.ui.app import create_app
from tests.conftest import NOW
from tests.sync_world import git, nd

READ_ONLY = (
    ("check",),
    ("today",),
    ("today", "--json"),
    ("review",),
    ("journal",),
    ("timer", "status"),
    ("timer", "report"),
    ("company", "list"),
    ("export", "ics"),
    ("export", "csv"),
)


@pytest.fixture
def synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    folder = demo_copy(NOW.date(), tmp_path / "demo")
    assert nd(folder, "sync", "init") == 0
    assert git(folder, "status", "--porcelain", "--untracked-files=all") == ""
    return folder


def test_read_only_commands_leave_the_work_tree_clean(synced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in READ_ONLY:
        nd(synced, *command)
        assert git(synced, "status", "--porcelain", "--untracked-files=all") == "", command
    capsys.readouterr()


async def test_the_app_started_worked_and_quit_leaves_only_the_days_work_to_commit(synced: Path) -> None:
    app = create_app(Store.open(synced, FixedClock(NOW)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("T")  # the timer: the one change this test makes, to the day file
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    changed = git(synced, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert changed == [f" M days/{NOW.year}/{NOW.date().isoformat()}.toml"]
    assert (synced / ".networkday" / "state.toml").exists()  # its "last seen" is kept, out of the tree
