"""bench/make_data.py: the same seed makes the same folder, and the folder is valid and realistic."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from bench.make_data import main as make_data
from networkday.clock import FixedClock
from networkday.storage.store import Store

REPO = Path(__file__).resolve().parents[2]
SMALL = ["--seed", "5", "--contacts", "300", "--active", "40", "--days", "45", "--today", "2026-11-25"]


def _files(root: Path) -> dict[str, bytes]:
    """Every file but the machine-local cache, by its path in the folder."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".networkday" not in path.parts
    }


def test_the_same_seed_makes_a_byte_identical_folder_whatever_the_hash_seed(tmp_path: Path) -> None:
    assert make_data([*SMALL, "--out", str(tmp_path / "one")]) == 0
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "12345"}
    script = str(REPO / "bench" / "make_data.py")
    command = [sys.executable, script, *SMALL, "--out", str(tmp_path / "two"), "--no-index"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    first, second = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert len(first) > 300
    assert first == second
    other = _files(_made(tmp_path / "three", "--seed", "6"))
    assert other != first


def _made(out: Path, *extra: str) -> Path:
    arguments = list(SMALL)
    for flag, value in zip(extra[::2], extra[1::2], strict=True):
        arguments[arguments.index(flag) + 1] = value
    assert make_data([*arguments, "--out", str(out), "--no-index"]) == 0
    return out


def test_the_folder_is_valid_format_and_looks_like_years_of_use(tmp_path: Path, clock: FixedClock) -> None:
    root = _made(tmp_path / "data")
    store = Store.open(root, clock)
    assert store.problems == {}
    assert len(store.contacts) == 300
    assert all(os.stat(path).st_mode & 0o777 == 0o600 for path in (root / "contacts").iterdir())
    imported = [s for s in store.contacts.values() if not s.entries]
    active = [s for s in store.contacts.values() if s.entries]
    assert len(imported) == 260
    assert len(active) == 40
    assert all(5 <= len(s.entries) <= 40 for s in active)
    sample = store.contact(imported[0].id)
    assert sample.log == []
    assert sample.connected is not None
    assert sample.links[0].startswith("https://www.linkedin.com/in/")
    managers = [s for s in active if s.hiring_manager]
    assert managers
    assert all(s.company in store.config.targets for s in managers)
    assert any(s.referred_by for s in managers)
    assert any(s.motives for s in (store.contact(a.id) for a in active))
    assert any(entry[3] for s in active for entry in s.entries)  # something given
    assert any(entry[4] for s in active for entry in s.entries)  # something asked
    assert len(store.days) > 25
    today = store.day(date(2026, 11, 25))
    assert today.calls
    assert not any(call.made for call in today.calls)
    _calls_match_histories(store)


def _calls_match_histories(store: Store) -> None:
    """Every call made in a day file is the same touch in that person's history."""
    checked = 0
    for ordinal in sorted(store.days):
        for call in store.day(date.fromordinal(ordinal)).calls:
            if not call.made:
                continue
            touches = {(e.at, e.channel, e.outcome) for e in store.contact(call.contact).log}
            assert (call.at, call.channel, call.outcome) in touches
            checked += 1
    assert checked > 20
    sessions = [session for summary in store.days.values() for session in summary.sessions]
    assert sessions
    assert all(end is not None and end > start for _, start, end in sessions)
    assert any(summary.rating for summary in store.days.values())
