"""Snapshots of the screens and dialogs the other snapshot files leave out, so that every screen
is pictured at 80x24 and 120x40 in the default theme and at 80x24 in the ANSI theme.

The worlds are the small fixed ones of the other UI tests, with their fixed clocks. The
data folder is a temporary one, so the two screens that name it (the welcome and the
problems) run with HOME set to its parent and show ``~/data``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Label

from networkday.clock import FixedClock
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.journal_days import TYPING_PAUSE
from tests.conftest import NOW
from tests.journal_world import world_store
from tests.ui.contacts_world import build

DEFAULT_80, DEFAULT_120, ANSI_80 = "80x24", "120x40", "80x24-ansi"
ALL = (DEFAULT_80, DEFAULT_120, ANSI_80)


def small(root: Path) -> Store:
    """Five people and a planned call, as tests/ui/conftest.py's ``small_store``."""
    from tests.ui.conftest import small_store

    return small_store.__wrapped__(Store.open(root, FixedClock(NOW)))


def network(root: Path) -> Store:
    return build(Store.open(root, FixedClock(NOW)))


def empty(root: Path) -> Store:
    return Store.open(root, FixedClock(NOW))


def damaged(root: Path) -> Store:
    """The small world with one contact file that is not TOML."""
    small(root)
    broken = root / "contacts" / "broken.toml"
    broken.write_text('name = "Ada\n', "utf-8")
    broken.chmod(0o600)  # as the app writes files: a looser mode is reported too, with the full path
    return Store.open(root, FixedClock(NOW))


def conflicted_world(root: Path) -> Store:
    """The small world after a sync left conflicts: in Ada's file, Acme's and today's (tests/conflict_world.py)."""
    from tests.conflict_world import conflicted

    small(root)
    conflicted(root)
    return Store.open(root, FixedClock(NOW))


#: name: (world, keys pressed, the pictures this file takes). The rest are in the other files:
#: Today (test_snapshots_today), the network list, a person and the form at 80x24
#: (test_contacts_snapshots), the journal's entry (test_journal_snapshots), the review
#: (test_review_snapshots).
SCREENS: dict[str, tuple[Callable[[Path], Store], list[str], tuple[str, ...]]] = {
    "person": (network, ["2", "j", "j", "enter"], (ANSI_80,)),
    "contact_form": (network, ["2", "e"], (DEFAULT_120, ANSI_80)),
    "merge_preview": (network, ["2", "m", *"Bob", "enter"], ALL),
    "journal_days": (world_store, ["3", "b"], (DEFAULT_120, ANSI_80)),
    "journal_search": (world_store, ["3", "slash", *"Sam"], ALL),
    "help": (small, ["question_mark"], ALL),
    "palette": (small, ["ctrl+p"], ALL),
    "problems": (damaged, ["exclamation_mark"], ALL),
    "timer_sessions": (world_store, ["S"], ALL),
    "session_editor": (world_store, ["S", "e"], ALL),
    "import": (small, ["I"], ALL),
    "welcome": (empty, [], ALL),
    "log_prompt": (small, ["w"], ALL),
    "postpone": (small, ["p"], ALL),
    "channel": (small, ["c"], ALL),
    "pick_a_person": (small, ["a", *"a"], ALL),
    "conflicts_today": (conflicted_world, [], ALL),
    "conflicts_list": (conflicted_world, ["X"], ALL),
    "conflicts_journal": (conflicted_world, ["3"], (DEFAULT_80,)),
}
CASES = [(name, picture) for name, (_, _, pictures) in SCREENS.items() for picture in pictures]


@pytest.mark.parametrize(("name", "picture"), CASES, ids=[f"{name}-{picture}" for name, picture in CASES])
def test_screen(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, picture: str):
    monkeypatch.setenv("HOME", str(tmp_path))
    if picture == ANSI_80:
        monkeypatch.setenv("TERM", "linux")  # read when the app starts: the ANSI theme and ASCII glyphs
        monkeypatch.delenv("COLORTERM")
    world, keys, _ = SCREENS[name]
    app = create_app(world(tmp_path / "data"))
    size = (120, 40) if picture == DEFAULT_120 else (80, 24)

    async def show(pilot) -> None:
        await pilot.press(*keys)
        await pilot.pause(TYPING_PAUSE + 0.1)  # the journal's search waits for a pause in typing
        await app.workers.wait_for_complete()
        # Under load the search's timer may fire after that pause: wait for its answer, not a time.
        for _ in range(100):
            found = app.screen.query("#journal-found")
            if not (found and str(found.first(Label).render()) == "Searching…"):
                break
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, run_before=show, terminal_size=size)
    assert app.theme == ("networkday-ansi" if picture == ANSI_80 else "networkday-dark")
