"""A file that cannot be read is reported where it breaks, never overwritten, and the rest stays usable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.storage.problems import ProblemError
from networkday.storage.store import Store

GOOD = 'format = 1\nname = "Jane Doe"\ncompany = "Initech"\n'

BROKEN_CONTACTS = {
    "empty": (b"", 1, 1, "the file is empty"),
    "blank": (b"\n  \n", 1, 1, "the file is empty"),
    "nul bytes": (b'name = "Jane"\nnote\x00s = 1\n', 2, 5, "NUL bytes"),
    "truncated": (b'format = 1\nname = "Jane Doe"\nnotes = """Met at the me', 3, 25, "Unterminated string"),
    "invalid toml": (b'name = "Jane"\ncompany = Initech\n', 2, 11, "invalid TOML: Invalid value"),
    "duplicate key": (b'name = "Jane"\nname = "Jim"\n', 2, 13, "invalid TOML"),
    "invalid utf-8": (b'name = "Jane"\ntitle = "Caf\xe9 owner"\n', 2, 13, "not valid UTF-8"),
    "no name": (b'company = "Initech"\n', 1, 1, "'name' is required"),
    "name a number": (b"format = 1\nname = 3\n", 2, 1, "'name' must be a string, not int"),
    "email a number": (b'name = "Jane"\n  email = 5\n', 2, 3, "'email' must be a list of strings"),
    "bool as text": (b'name = "Jane"\nhiring_manager = "yes"\n', 2, 1, "'hiring_manager' must be true or false"),
    "cadence text": (b'name = "Jane"\ncadence_days = "weekly"\n', 2, 1, "'cadence_days' must be a whole number"),
    "cadence zero": (b'name = "Jane"\ncadence_days = 0\n', 2, 1, "'cadence_days' must be between 1 and 3650"),
    "follow-up text": (b'name = "Jane"\nfollow_up = "tomorrow"\n', 2, 1, "'follow_up' must be a date"),
    "bad motive": (b'name = "Jane"\nmotives = ["curiosity", "greed"]\n', 2, 1, "unknown motive 'greed'"),
    "log not tables": (b'name = "Jane"\nlog = 3\n', 2, 1, "'log' must be an array of tables"),
    "log without at": (
        b'name = "Jane"\n\n[[log]]\nat = 2026-11-20T10:00:00+01:00\n\n[[log]]\nchannel = "phone"\n',
        6,
        1,
        "'at' is required",
    ),
    "log local time": (b'name = "Jane"\n\n[[log]]\nat = 2026-11-20T10:00:00\n', 4, 1, "with an offset"),
    "unknown outcome": (
        b'name = "Jane"\n\n[[log]]\nat = 2026-11-20T10:00:00+01:00\n'
        b'outcome = "will"\n\n[[log]]\nat = 2026-11-21T10:00:00+01:00\n    outcome = "maybe"\n',
        9,
        5,
        "unknown outcome 'maybe'",
    ),
    "unknown channel": (
        b'name = "Jane"\n\n[[log]]\nat = 2026-11-20T10:00:00+01:00\nchannel = "pigeon"\n',
        5,
        1,
        "unknown channel 'pigeon'",
    ),
}

BROKEN_DAYS = {
    "date disagrees with name": (b"format = 1\ndate = 2026-11-24\n", 2, 1, "'date' is 2026-11-24 but the file"),
    "no date": (b"format = 1\n", 1, 1, "'date' is required"),
    "call unknown outcome": (
        b'date = 2026-11-25\n\n[[call]]\ncontact = "jane-doe"\noutcome = "ghosted"\n',
        5,
        1,
        "unknown outcome 'ghosted'",
    ),
    "call unknown channel": (b'date = 2026-11-25\n\n[[call]]\ncontact = "x"\nchannel = "fax"\n', 5, 1, "channel"),
    "call without contact": (b"date = 2026-11-25\n\n[[call]]\npurpose = 'hi'\n", 3, 1, "'contact' is required"),
    "session unknown kind": (
        b"date = 2026-11-25\n\n[[time]]\nkind = 'lunch'\nstart = 2026-11-25T09:00:00+01:00\n",
        4,
        1,
        "unknown kind 'lunch'",
    ),
    "session ends before it starts": (
        b"date = 2026-11-25\n\n[[time]]\nkind = 'other'\nstart = 2026-11-25T09:00:00+01:00\n"
        b"end = 2026-11-25T08:00:00+01:00\n",
        6,
        1,
        "'end' is before 'start'",
    ),
    "rating out of range": (b"date = 2026-11-25\n\n[journal]\nrating = 9\n", 4, 1, "'rating' must be between 1 and 5"),
    "answer prompt a number": (
        b"date = 2026-11-25\n\n[[journal.answer]]\nprompt = 'a'\n\n[[journal.answer]]\nprompt = 3\n",
        7,
        1,
        "'prompt' must be a string",
    ),
}

DAY = date(2026, 11, 25)


@pytest.fixture
def folder(tmp_path: Path, clock: FixedClock) -> Store:
    """A data folder with one good contact and one good day besides whatever a test breaks."""
    store = Store.open(tmp_path / "data", clock)
    store.add_contact(Contact(id="", name="Sam Good"))
    store.update_day(date(2026, 11, 24), lambda day: setattr(day.journal, "rating", 4))
    return store


def _assert_rest_usable(store: Store) -> None:
    assert "sam-good" in store.contacts
    assert store.days[date(2026, 11, 24).toordinal()].rating == 4
    entry = LogEntry(at=store.clock.now(), channel="email", outcome="talked")
    store.update_contact("sam-good", lambda c: c.log.append(entry))
    assert store.contact("sam-good").log == [entry]


@pytest.mark.parametrize("case", BROKEN_CONTACTS)
def test_a_broken_contact_is_located_and_never_overwritten(folder: Store, clock: FixedClock, case: str) -> None:
    data, line, column, message = BROKEN_CONTACTS[case]
    path = folder.contacts_dir / "jane-doe.toml"
    path.write_bytes(data)
    store = Store.open(folder.root, clock)
    problem = store.problems[path]
    assert (problem.path, problem.line, problem.column) == (path, line, column)
    assert message in problem.message
    assert "jane-doe" not in store.contacts
    attempts = [
        lambda: store.update_contact("jane-doe", lambda c: setattr(c, "title", "CTO")),
        lambda: store.put_contact(Contact(id="jane-doe", name="Jane Doe")),
        lambda: store.delete_contact("jane-doe"),
        lambda: store.contact("jane-doe"),
    ]
    for attempt in attempts:
        with pytest.raises(ProblemError) as caught:
            attempt()
        assert caught.value.problem == problem
    assert path.read_bytes() == data
    assert store.add_contact(Contact(id="", name="Jane Doe")).id == "jane-doe-2"
    assert path.read_bytes() == data
    _assert_rest_usable(store)


@pytest.mark.parametrize("case", BROKEN_DAYS)
def test_a_broken_day_is_located_and_never_overwritten(folder: Store, clock: FixedClock, case: str) -> None:
    data, line, column, message = BROKEN_DAYS[case]
    path = folder.day_path(DAY)
    path.write_bytes(data)
    store = Store.open(folder.root, clock)
    problem = store.problems[path]
    assert (problem.line, problem.column) == (line, column)
    assert message in problem.message
    assert DAY.toordinal() not in store.days
    with pytest.raises(ProblemError):
        store.update_day(DAY, lambda day: setattr(day.journal, "rating", 2))
    with pytest.raises(ProblemError):
        store.day(DAY)
    assert path.read_bytes() == data
    _assert_rest_usable(store)


def test_fixing_a_broken_file_by_hand_clears_its_problem(folder: Store) -> None:
    path = folder.contacts_dir / "jane-doe.toml"
    path.write_bytes(b'name = "Jane"\nmotives = ["greed"]\n')
    folder.scan()
    assert path in folder.problems
    path.write_text(GOOD)
    folder.scan()
    assert folder.problems == {}
    assert folder.contacts["jane-doe"].company == "Initech"


def test_a_file_that_cannot_be_opened_is_a_problem_read_again_next_scan(
    folder: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    path = folder.contacts_dir / "jane-doe.toml"
    path.write_text(GOOD)
    real_open = builtins.open

    def refusing(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing)
    store = Store.open(folder.root, clock)
    assert store.problems[path].message == "cannot be read: Permission denied"
    assert "sam-good" in store.contacts
    monkeypatch.undo()
    again = Store.open(folder.root, clock)
    assert again.problems == {}
    assert again.contacts["jane-doe"].company == "Initech"


def test_a_broken_config_is_a_problem_and_defaults_apply(folder: Store, clock: FixedClock) -> None:
    path = folder.root / "config.toml"
    path.write_text("[goals]\nnetworking_share = 1.5\n")
    store = Store.open(folder.root, clock)
    assert (store.problems[path].line, store.problems[path].column) == (2, 1)
    assert store.config.networking_share == 0.85
    _assert_rest_usable(store)
