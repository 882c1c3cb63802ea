"""``gained`` on a touch: read and written only when present, and never lost when two copies of a touch join."""

from __future__ import annotations

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.figures import DayFigures
from networkday.domain.journal import figure_lines
from networkday.domain.merge import join_touch
from tests.conftest import NOW


def test_gained_round_trips_and_an_entry_without_it_is_written_as_before() -> None:
    table = {"name": "Ada", "log": [{"at": NOW, "channel": "phone", "gained": "a tester"}, {"at": NOW, "note": "n"}]}
    contact = Contact.from_dict("ada", table)
    assert [entry.gained for entry in contact.log] == ["a tester", ""]
    assert contact.log[0].extra == {}  # a known key now, not an unknown one
    written = contact.to_dict()["log"]
    assert written[0]["gained"] == "a tester"
    assert "gained" not in written[1]


def test_two_copies_of_a_touch_keep_both_gains() -> None:
    kept = LogEntry(at=NOW, gained="an intro")
    join_touch(kept, LogEntry(at=NOW, gained="a reference"))
    assert kept.gained == "an intro\na reference"


def test_a_touch_with_a_gain_is_not_a_legacy_connection_date() -> None:
    entry = LogEntry(at=NOW, channel="message", note="Connected on LinkedIn", gained="they met my team")
    assert not entry.connection_only


def test_the_journal_figures_say_glad_you_called_only_when_a_gain_was_recorded() -> None:
    day = NOW.date()
    assert "Gave 1, asked 0, glad you called 2" in figure_lines(DayFigures(day, gave=1, glad=2))
    assert "Gave 1, asked 0" in figure_lines(DayFigures(day, gave=1))
