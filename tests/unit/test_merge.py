"""Merging two records of one person: fields, lists, histories, notes, references."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call, Day
from networkday.domain.merge import mentions, merge_into, merge_logs, retarget_day, retarget_referral


def touch(day: int, note: str = "") -> LogEntry:
    return LogEntry(at=datetime(2026, 11, day, 9, tzinfo=UTC), channel="phone", outcome="talked", note=note)


def pair() -> tuple[Contact, Contact]:
    keep = Contact(
        id="jane-doe",
        name="Jane Doe",
        company="Acme",
        email=["jane@acme.example"],
        tags=["python"],
        cadence_days=30,
        notes="Likes climbing.",
        log=[touch(3), touch(10, "coffee")],
        extra={"pronouns": "she/her"},
    )
    gone = Contact(
        id="jane-doe-2",
        name="Jane M. Doe",
        company="Globex",
        title="CTO",
        email=["JANE@acme.example", "jane@home.example"],
        phone=["+1 555 0100"],
        tags=["python", "alumni"],
        hiring_manager=True,
        motives=["referrer"],
        follow_up=date(2026, 12, 1),
        notes="Met at PyCon.",
        log=[touch(10, "coffee"), touch(1)],
        extra={"pronouns": "she/they", "linkedin_id": "42"},
    )
    return keep, gone


def test_every_non_empty_field_is_kept_and_the_kept_value_wins():
    keep, gone = pair()
    merge_into(keep, gone)
    assert (keep.id, keep.name, keep.company, keep.title) == ("jane-doe", "Jane Doe", "Acme", "CTO")
    assert keep.hiring_manager
    assert keep.cadence_days == 30
    assert keep.follow_up == date(2026, 12, 1)
    assert keep.motives == ["referrer"]


def test_lists_are_joined_without_repeats_emails_ignoring_case():
    keep, gone = pair()
    merge_into(keep, gone)
    assert keep.email == ["jane@acme.example", "jane@home.example"]
    assert keep.phone == ["+1 555 0100"]
    assert keep.tags == ["python", "alumni"]


def test_clashing_values_and_the_other_notes_are_preserved_in_notes():
    keep, gone = pair()
    merge_into(keep, gone)
    origin = "Merged from Jane M. Doe (jane-doe-2)"
    assert keep.notes == (
        f"Likes climbing.\n\n{origin}:\nMet at PyCon.\n\n{origin}: name was Jane M. Doe\n\n"
        f"{origin}: company was Globex\n\n{origin}: pronouns was she/they"
    )
    assert keep.extra == {"pronouns": "she/her", "linkedin_id": "42"}


def test_histories_are_joined_without_identical_entries_in_time_order():
    keep, gone = pair()
    merge_into(keep, gone)
    assert [(entry.at.day, entry.note) for entry in keep.log] == [(1, ""), (3, ""), (10, "coffee")]


def test_the_same_instant_in_another_offset_is_the_same_entry():
    berlin = LogEntry(at=datetime.fromisoformat("2026-11-10T10:00:00+01:00"), outcome="talked")
    utc = LogEntry(at=datetime.fromisoformat("2026-11-10T09:00:00+00:00"), outcome="talked")
    assert merge_logs([berlin], [utc]) == ([berlin], [])


def test_merging_again_adds_nothing_twice():
    keep, gone = pair()
    merge_into(keep, gone)
    once = copy.deepcopy(keep)
    merge_into(keep, gone)
    assert keep == once


def test_a_referral_between_the_two_is_dropped_and_a_clash_noted():
    keep, gone = pair()
    keep.referred_by, gone.referred_by = "jane-doe-2", "bob"
    merge_into(keep, gone)
    assert keep.referred_by == "bob"
    keep, gone = pair()
    keep.referred_by, gone.referred_by = "ann", "bob"
    merge_into(keep, gone)
    assert keep.referred_by == "ann"
    assert "referred_by was bob" in keep.notes


def test_referrals_to_the_gone_contact_point_at_the_kept_one():
    someone = Contact(id="bo", name="Bo", referred_by="jane-doe-2")
    retarget_referral(someone, "jane-doe-2", "jane-doe")
    assert someone.referred_by == "jane-doe"
    kept = Contact(id="jane-doe", name="Jane", referred_by="jane-doe-2")
    retarget_referral(kept, "jane-doe-2", "jane-doe")
    assert kept.referred_by is None
    other = Contact(id="cy", name="Cy", referred_by="jane-doe-22")
    retarget_referral(other, "jane-doe-2", "jane-doe")
    assert other.referred_by == "jane-doe-22"


def test_day_calls_and_dismissals_are_rewritten():
    day = Day(
        date=date(2026, 11, 20),
        calls=[Call("jane-doe-2", outcome="will"), Call("jane-doe-22"), Call("bo")],
        dismissed=["jane-doe", "jane-doe-2", "cy"],
    )
    assert mentions(day, "jane-doe-2")
    retarget_day(day, "jane-doe-2", "jane-doe")
    assert [call.contact for call in day.calls] == ["jane-doe", "jane-doe-22", "bo"]
    assert day.calls[0].outcome == "will"
    assert day.dismissed == ["jane-doe", "cy"]
    assert not mentions(day, "jane-doe-2")
