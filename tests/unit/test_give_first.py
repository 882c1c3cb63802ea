"""Give before you ask: the only-asked test and what to offer, each from what is on record."""

from __future__ import annotations

from datetime import timedelta

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.give_first import offer_hints, only_asked
from networkday.domain.summary import ContactSummary
from networkday.domain.vocab import MOTIVES
from tests.conftest import NOW


def touch(days_ago: int, gave: str = "", asked: str = "") -> LogEntry:
    return LogEntry(at=NOW - timedelta(days=days_ago), channel="email", outcome="talked", gave=gave, asked=asked)


def test_only_asked_means_asked_at_least_once_and_never_given() -> None:
    asked = Contact(id="a", name="A", log=[touch(9, asked="an intro"), touch(3, asked="a referral")])
    assert only_asked(ContactSummary.of(asked))
    given = Contact(id="b", name="B", log=[touch(9, asked="an intro"), touch(3, gave="an article")])
    assert not only_asked(ContactSummary.of(given))
    assert not only_asked(ContactSummary.of(Contact(id="c", name="C", log=[touch(1)])))
    assert not only_asked(ContactSummary.of(Contact(id="d", name="D")))


def test_offer_hints_say_only_asked_then_a_motive_then_the_last_ask_then_other_motives() -> None:
    contact = Contact(
        id="a",
        name="A",
        motives=["curiosity", "learning"],
        log=[touch(3, asked="a referral\nto Acme"), touch(9, asked="an intro")],
    )
    assert offer_hints(contact) == [
        "only asked of so far (2 asks, nothing given): offer something first",
        f"curiosity: {MOTIVES['curiosity']}",
        "you last asked “a referral to Acme” (22 Nov 2026)",
        f"learning: {MOTIVES['learning']}",
    ]


def test_offer_hints_quote_the_last_give_and_cut_long_text() -> None:
    contact = Contact(id="a", name="A", log=[touch(5, asked="x" * 100), touch(2, gave="my notes")])
    hints = offer_hints(contact)
    assert hints[0] == f"you last asked “{'x' * 59}…” (20 Nov 2026)"
    assert hints[1] == "you last gave “my notes” (23 Nov 2026)"


def test_nothing_on_record_gives_one_rule_and_no_invented_fact() -> None:
    assert offer_hints(Contact(id="a", name="A")) == [
        "nothing on record yet: ask what they are working on; offer help with it"
    ]
