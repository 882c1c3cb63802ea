"""Private by default: 0600 files and 0700 folders under any umask, and a warning when existing ones are more open."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.atomic import STALE_AFTER
from networkday.storage.store import Store


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_written_is_private_under_umask_000(tmp_path: Path, clock: FixedClock, open_umask: None) -> None:
    root = tmp_path / "fresh" / "data"
    store = Store.open(root, clock)
    store.add_contact(Contact(id="", name="Jane Doe"))
    store.update_day(date(2026, 11, 25), lambda day: setattr(day.journal, "rating", 4))
    store.update_state(theme="ansi")
    store.update_contact("jane-doe", lambda c: setattr(c, "title", "CTO"))
    folders = [Path(folder) for folder, _, _ in os.walk(root)]
    files = [Path(folder) / name for folder, _, names in os.walk(root) for name in names]
    assert {root, root / "contacts", root / "days", root / "days" / "2026", root / ".networkday"} <= set(folders)
    assert {path.name for path in files} >= {"jane-doe.toml", "2026-11-25.toml", "state.toml", "index.marshal", "lock"}
    assert {str(path): oct(_mode(path)) for path in folders} == {str(path): "0o700" for path in folders}
    assert {str(path): oct(_mode(path)) for path in files} == {str(path): "0o600" for path in files}
    assert _mode(tmp_path / "fresh") == 0o700  # a missing parent is created private too
    assert store.warnings == []


def test_existing_open_folders_and_files_are_warned_about(tmp_path: Path, clock: FixedClock) -> None:
    root = tmp_path / "data"
    store = Store.open(root, clock)
    for name in ("ann", "bob", "cy"):
        store.add_contact(Contact(id="", name=name))
    store.update_day(date(2026, 11, 25), lambda day: setattr(day.journal, "rating", 4))
    (root / "config.toml").write_text("[goals]\ncalls_per_day = 4\n")
    os.chmod(root, 0o755)
    os.chmod(root / "contacts", 0o750)
    os.chmod(root / "days" / "2026", 0o705)
    os.chmod(store.contact_path("ann"), 0o644)
    os.chmod(store.contact_path("bob"), 0o640)
    os.chmod(store.day_path(date(2026, 11, 25)), 0o666)
    os.chmod(root / "config.toml", 0o644)
    warnings = Store.open(root, clock).warnings
    assert f"{root}: the folder is open to other users; run chmod 700 on it" in warnings
    assert f"{root / 'contacts'}: the folder is open to other users; run chmod 700 on it" in warnings
    assert f"{root / 'days' / '2026'}: the folder is open to other users; run chmod 700 on it" in warnings
    assert f"{root / 'contacts'}: 2 files are open to other users; run chmod 600 on them" in warnings
    day_file = store.day_path(date(2026, 11, 25))
    assert f"{day_file}: the file is open to other users; run chmod 600 on it" in warnings
    assert f"{root / 'config.toml'}: the file is open to other users; run chmod 600 on it" in warnings
    assert len(warnings) == 6
    # The app never widens or silently changes a mode the user set, and fixing it clears the warning.
    assert _mode(store.contact_path("ann")) == 0o644
    for path in (root, root / "contacts", root / "days" / "2026"):
        os.chmod(path, 0o700)
    for path in (store.contact_path("ann"), store.contact_path("bob"), day_file, root / "config.toml"):
        os.chmod(path, 0o600)
    assert Store.open(root, clock).warnings == []


def test_a_rewrite_makes_an_open_file_private(store: Store) -> None:
    store.add_contact(Contact(id="", name="Ann"))
    os.chmod(store.contact_path("ann"), 0o644)
    store.update_contact("ann", lambda c: setattr(c, "company", "Initech"))
    assert _mode(store.contact_path("ann")) == 0o600


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    return int(child.stdout)


def test_stale_temp_files_are_removed_at_the_next_start_in_every_folder(tmp_path: Path, clock: FixedClock) -> None:
    root = tmp_path / "data"
    store = Store.open(root, clock)
    store.add_contact(Contact(id="", name="Ann"))
    store.update_day(date(2026, 11, 25), lambda day: setattr(day.journal, "rating", 4))
    dead, alive = _dead_pid(), os.getppid()
    folders = [root, root / "contacts", root / "days" / "2026", root / ".networkday"]
    stale, live = [], []
    for folder in folders:
        stale.append(folder / f".ann.toml.{dead}.0123abcd.tmp")
        live.append(folder / f".ann.toml.{alive}.0123abcd.tmp")
    old_but_alive = root / "contacts" / f".bob.toml.{alive}.89abcdef.tmp"
    for path in [*stale, *live, old_but_alive]:
        path.write_text("half a reco")
    long_ago = time.time() - STALE_AFTER - 60
    os.utime(old_but_alive, (long_ago, long_ago))
    reopened = Store.open(root, clock)
    assert [path for path in stale if path.exists()] == []
    assert not old_but_alive.exists()
    assert [path for path in live if not path.exists()] == []
    assert reopened.problems == {}
    assert set(reopened.contacts) == {"ann"}


def test_files_that_only_look_like_temps_are_kept(store: Store) -> None:
    keep = [store.contacts_dir / ".notes.tmp", store.contacts_dir / ".ann.toml.12.tmp", store.root / "x.1.0123abcd.tmp"]
    for path in keep:
        path.write_text("mine\n")
    Store.open(store.root, store.clock)
    assert all(path.exists() for path in keep)
