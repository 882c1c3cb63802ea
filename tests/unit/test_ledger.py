"""The give/ask ledger: entries, counts, balance and the give-first suggestion."""

from __future__ import annotations

from datetime import UTC, datetime

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.ledger import GIVE_FIRST, LedgerEntry, ledger_of


def entry(day: int, gave: str = "", asked: str = "") -> LogEntry:
    return LogEntry(at=datetime(2026, 11, day, 10, tzinfo=UTC), outcome="talked", gave=gave, asked=asked)


def test_entries_are_the_touches_that_gave_or_asked_newest_first():
    contact = Contact(
        id="ann",
        name="Ann",
        log=[entry(3, gave="an article"), entry(5), entry(9, asked="an intro to Bo", gave="  feedback ")],
    )
    ledger = ledger_of(contact)
    assert ledger.entries == (
        LedgerEntry(datetime(2026, 11, 9, 10, tzinfo=UTC), "feedback", "an intro to Bo"),
        LedgerEntry(datetime(2026, 11, 3, 10, tzinfo=UTC), "an article", ""),
    )
    assert (ledger.gave, ledger.asked, ledger.balance) == (2, 1, 1)
    assert not ledger.asks_exceed_gives
    assert ledger.suggestion is None


def test_asking_more_than_giving_suggests_giving_first():
    contact = Contact(id="ann", name="Ann", log=[entry(1, asked="a referral"), entry(2, asked="  a call"), entry(4)])
    ledger = ledger_of(contact)
    assert (ledger.gave, ledger.asked, ledger.balance) == (0, 2, -2)
    assert ledger.asks_exceed_gives
    assert ledger.suggestion == GIVE_FIRST == "You have asked more than you have given: offer something first"


def test_blank_gave_and_asked_do_not_count():
    ledger = ledger_of(Contact(id="ann", name="Ann", log=[entry(1, gave="   ", asked="\n")]))
    assert ledger.entries == ()
    assert (ledger.balance, ledger.asks_exceed_gives) == (0, False)


def test_an_even_balance_is_not_a_debt():
    ledger = ledger_of(Contact(id="ann", name="Ann", log=[entry(1, asked="advice"), entry(2, gave="a lead")]))
    assert ledger.balance == 0
    assert ledger.suggestion is None
