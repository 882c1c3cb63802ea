"""A file a newer networkday wrote is read but never written, and the user is told why."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.problems import ProblemError, StoreError
from networkday.storage.store import Store

NEWER_CONTACT = """\
format = 2
name = "Ada Newer"
company = "Initech"
pronouns = "she/her"

[[log]]
at = 2026-11-20T10:00:00+01:00
channel = "phone"
outcome = "will"
mood = "great"
"""

NEWER_DAY = """\
format = 2
date = 2026-11-24

[[call]]
contact = "ada-newer"
channel = "phone"
"""


@pytest.fixture
def newer(tmp_path: Path, clock: FixedClock) -> Store:
    root = tmp_path / "data"
    Store.open(root, clock)
    (root / "contacts" / "ada-newer.toml").write_text(NEWER_CONTACT)
    (root / "days" / "2026").mkdir(mode=0o700)
    (root / "days" / "2026" / "2026-11-24.toml").write_text(NEWER_DAY)
    return Store.open(root, clock)


def _said_read_only(store: Store, path: Path) -> bool:
    return any(str(path) in w and "newer networkday (format 2)" in w and "read-only" in w for w in store.warnings)


def test_a_newer_file_is_read_and_shown_with_a_warning(newer: Store) -> None:
    assert newer.contacts["ada-newer"].company == "Initech"
    assert newer.contact("ada-newer").extra == {"pronouns": "she/her"}
    assert newer.days[date(2026, 11, 24).toordinal()].planned == 1
    assert newer.problems == {}
    assert _said_read_only(newer, newer.contact_path("ada-newer"))
    assert _said_read_only(newer, newer.day_path(date(2026, 11, 24)))


def test_every_write_to_a_newer_file_is_refused_and_the_bytes_stay(newer: Store) -> None:
    path = newer.contact_path("ada-newer")
    day_path = newer.day_path(date(2026, 11, 24))
    before, day_before = path.read_bytes(), day_path.read_bytes()
    attempts = [
        lambda: newer.update_contact("ada-newer", lambda c: setattr(c, "title", "CTO")),
        lambda: newer.put_contact(Contact(id="ada-newer", name="Ada Older")),
        lambda: newer.delete_contact("ada-newer"),
        lambda: newer.update_day(date(2026, 11, 24), lambda d: setattr(d.journal, "rating", 3)),
    ]
    for attempt in attempts:
        with pytest.raises(StoreError, match=r"newer networkday \(format 2\).*read-only"):
            attempt()
    assert path.read_bytes() == before
    assert day_path.read_bytes() == day_before


def test_the_warning_survives_a_start_from_the_index(newer: Store, clock: FixedClock) -> None:
    again = Store.open(newer.root, clock, scan=False)
    assert _said_read_only(again, again.contact_path("ada-newer"))
    with pytest.raises(StoreError, match="read-only"):
        again.put_contact(Contact(id="ada-newer", name="Ada Older"))


def test_a_newer_file_that_this_version_cannot_read_says_so(tmp_path: Path, clock: FixedClock) -> None:
    store = Store.open(tmp_path / "data", clock)
    path = store.contacts_dir / "bo-newer.toml"
    path.write_text('format = 3\nname = "Bo"\n\n[[log]]\nat = 2026-11-20T10:00:00+01:00\noutcome = "ghosted"\n')
    store.scan()
    problem = store.problems[path]
    assert (problem.line, problem.column) == (6, 1)
    assert "unknown outcome 'ghosted'" in problem.message
    assert "newer networkday wrote this file: format 3" in problem.message
    with pytest.raises(ProblemError):
        store.update_contact("bo-newer", lambda c: None)


def test_check_warns_about_newer_files_and_log_refuses_them(
    newer: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", "2026-11-25T09:30:00+01:00")
    assert main(["check", "--data-dir", str(newer.root)]) == 0
    captured = capsys.readouterr()
    assert "1 contacts, 1 days, no problems" in captured.out
    assert f"warning: {newer.contact_path('ada-newer')}: written by a newer networkday (format 2)" in captured.err
    before = newer.contact_path("ada-newer").read_bytes()
    assert main(["log", "ada-newer", "will", "--data-dir", str(newer.root)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert newer.contact_path("ada-newer").read_bytes() == before


def test_a_current_format_file_is_writable_again_after_a_downgrade_by_hand(newer: Store) -> None:
    path = newer.contact_path("ada-newer")
    path.write_text(NEWER_CONTACT.replace("format = 2", "format = 1"))
    newer.update_contact("ada-newer", lambda c: setattr(c, "title", "CTO"))
    assert newer.contact("ada-newer").title == "CTO"
    assert not _said_read_only(newer, path)
