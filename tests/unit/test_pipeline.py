"""The funnel and attribution on fixed data: what each step counts, and what led to each interview and offer."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from networkday.domain.companies import Company, Opportunity, Step
from networkday.domain.pipeline import (
    Moved,
    attribute,
    chain_behind,
    chains_behind,
    funnel,
    landed_by,
    moved_on,
    moves_between,
    moves_line,
    opened_on,
)
from networkday.domain.summary import ContactSummary


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def touch(day: int, channel: str, outcome: str) -> tuple[float, str, str, bool, bool, bool]:
    return (at(day).timestamp(), channel, outcome, False, False)


#: Long after every touch and step below: nothing is capped by it.
LATER = datetime(2027, 1, 1, tzinfo=UTC)

CONTACTS = {
    "ana": ContactSummary(id="ana", name="Ana", entries=(touch(2, "coffee", "will"),)),
    "ben": ContactSummary(id="ben", name="Ben", referred_by="ana", entries=(touch(9, "email", "talked"),)),
    "cy": ContactSummary(id="cy", name="Cy", referred_by="ben", entries=(touch(10, "video", "scheduled"),)),
    "dee": ContactSummary(id="dee", name="Dee", entries=(touch(9, "phone", "no-answer"), touch(20, "phone", "wont"))),
    "eve": ContactSummary(id="eve", name="Eve", referred_by="dee"),  # introduced, never touched
}


def opportunity(
    oid: str, stage: str, via: tuple[str, ...], opened: date | None, steps: tuple[Step, ...]
) -> Opportunity:
    return Opportunity(id=oid, role=oid, stage=stage, via=via, opened=opened, steps=steps)


OFFER = opportunity(
    "offer",
    "offer",
    ("cy",),
    date(2026, 11, 10),
    (Step(at(10), "lead"), Step(at(12), "interview"), Step(at(16), "offer")),
)
INTERVIEW = opportunity("interview", "interview", ("ben",), None, (Step(at(11), "applied"), Step(at(13), "interview")))
COLD = opportunity("cold", "applied", (), date(2026, 10, 1), (Step(at(1) - timedelta(days=31), "applied"),))
COLD_INTERVIEW = opportunity("cold-interview", "declined", (), date(2026, 11, 3), (Step(at(5), "interview"),))
COMPANIES = [
    Company(id="acme", name="Acme", opportunities=(OFFER, COLD)),
    Company(id="beta", name="Beta", opportunities=(INTERVIEW, COLD_INTERVIEW)),
]


def test_the_funnel_counts_each_step_in_the_period_only() -> None:
    week = funnel(CONTACTS, COMPANIES, date(2026, 11, 9), date(2026, 11, 15), UTC, now=LATER)
    # reached: ben (talked), cy (scheduled); dee's no-answer is not reached, ana's coffee is before.
    # introductions: ben and cy first touched this week; eve was never touched.
    assert week.as_dict() == {
        "reached": 2,
        "will_help": 0,
        "introductions": 2,
        "opened": 2,  # the offer (opened 10th) and the interview (its first step on the 11th)
        "interviews": 2,
        "offers": 0,
    }
    month = funnel(CONTACTS, COMPANIES, date(2026, 11, 1), date(2026, 11, 30), UTC, now=LATER)
    assert month.as_dict() == {
        "reached": 4,
        "will_help": 1,
        "introductions": 2,
        "opened": 3,
        "interviews": 3,
        "offers": 1,
    }


def test_the_period_is_read_in_the_local_zone() -> None:
    """23:30 UTC on the 9th is already the 10th an hour east."""
    instant = datetime(2026, 11, 9, 23, 30, tzinfo=UTC).timestamp()
    late = {"x": ContactSummary(id="x", name="X", entries=((instant, "phone", "will", False, False, False),))}
    tenth = date(2026, 11, 10)
    assert funnel(late, [], tenth, tenth, timezone(timedelta(hours=1)), now=LATER).will_help == 1
    assert funnel(late, [], tenth, tenth, UTC, now=LATER).will_help == 0


def test_the_people_behind_run_back_through_the_referral_chain() -> None:
    assert chain_behind(CONTACTS, ["cy"]) == ("ana", "ben", "cy")
    assert chain_behind(CONTACTS, ["cy", "ben"]) == ("ana", "ben", "cy")
    assert chain_behind(CONTACTS, ["ghost"]) == ("ghost",)


def test_attribution_names_people_channels_and_motives_of_what_reached_interview_or_offer() -> None:
    motives = {"ana": ["generosity"], "ben": ["referrer", "curiosity"], "cy": ["referrer"]}
    result = attribute(CONTACTS, COMPANIES, motives, date(2026, 11, 30), UTC)
    behind = {f"{item.company.id}/{item.opportunity.id}": item for item in result.behind}
    assert sorted(behind) == ["acme/offer", "beta/cold-interview", "beta/interview"]
    offer = behind["acme/offer"]
    assert offer.people == ("ana", "ben", "cy")
    assert offer.channels == ("coffee", "email", "video")
    assert offer.motives == ("generosity", "referrer", "curiosity")
    assert behind["beta/cold-interview"].people == ()
    assert result.by_channel == {"coffee": 2, "email": 2, "video": 1}
    assert result.by_motive == {"curiosity": 2, "generosity": 2, "referrer": 2}
    assert (result.through_people, result.cold) == (2, 2)
    assert result.share_through_people == 0.5


def test_touches_after_an_opportunity_opened_are_not_what_led_to_it() -> None:
    late = ContactSummary(id="ana", name="Ana", entries=(touch(2, "coffee", "will"), touch(25, "lunch", "talked")))
    item = attribute(
        {"ana": late},
        [Company(id="a", name="A", opportunities=(opportunity("o", "offer", ("ana",), date(2026, 11, 3), ()),))],
        {},
        date(2026, 11, 30),
        UTC,
    )
    assert item.behind[0].channels == ("coffee",)


def test_no_opportunities_is_no_share_not_zero() -> None:
    empty = attribute(CONTACTS, [], {}, date(2026, 11, 30), UTC)
    assert empty.share_through_people is None
    assert empty.as_dict()["opportunities"] == []


def test_an_opportunity_without_opened_opens_on_its_first_step_day() -> None:
    assert opened_on(INTERVIEW, UTC) == date(2026, 11, 11)
    assert opened_on(opportunity("x", "lead", (), None, ()), UTC) is None


def test_the_moves_of_a_day_are_its_steps_oldest_first() -> None:
    moves = moves_between(COMPANIES, date(2026, 11, 12), date(2026, 11, 13), UTC)
    assert [(company.id, item.id, step.stage) for company, item, step in moves] == [
        ("acme", "offer", "interview"),
        ("beta", "interview", "interview"),
    ]
    assert moves_between(COMPANIES, date(2026, 11, 14), date(2026, 11, 14), UTC) == []


def test_each_via_has_its_own_chain_from_the_first_person_you_knew() -> None:
    assert chains_behind(CONTACTS, ["cy", "eve"]) == (("ana", "ben", "cy"), ("dee", "eve"))
    assert chains_behind(CONTACTS, ["ghost"]) == (("ghost",),)
    assert chains_behind(CONTACTS, []) == ()


def test_a_day_lists_each_opportunity_moved_once_with_all_its_moves_in_order() -> None:
    busy = opportunity("busy", "accepted", ("ana",), None, (Step(at(16, 11), "offer"), Step(at(16, 17), "accepted")))
    companies = [*COMPANIES, Company(id="gamma", name="Gamma", opportunities=(busy,))]
    assert moved_on(companies, date(2026, 11, 16), UTC) == (
        Moved("acme/offer", "Acme", "offer", ("offer",)),
        Moved("gamma/busy", "Gamma", "busy", ("offer", "accepted")),
    )
    assert moved_on(companies, date(2026, 11, 17), UTC) == ()


def test_the_moves_of_a_day_follow_the_local_midnight() -> None:
    """The offer moved at 10:00 UTC on the 16th: still the 15th eleven hours west."""
    west = timezone(timedelta(hours=-11))
    assert [move.ref for move in moved_on(COMPANIES, date(2026, 11, 15), west)] == ["acme/offer"]
    assert moved_on(COMPANIES, date(2026, 11, 16), west) == ()


def test_the_moves_line_counts_opportunities_and_cleans_only_the_users_words() -> None:
    one = Moved("acme/staff", "Acme", "Staff engineer", ("interview",))
    two = Moved("beta/pm", "Beta*", "PM", ("offer", "accepted"))
    assert moves_line([one]) == "1 opportunity moved: Acme Staff engineer → interview"
    assert moves_line([one, two], " -> ", str.upper) == (
        "2 opportunities moved: ACME STAFF ENGINEER -> interview · BETA* PM -> offer -> accepted"
    )


def test_landed_by_a_day_is_the_first_dated_step_at_interview_or_offer() -> None:
    assert not landed_by(OFFER, date(2026, 11, 11), UTC)  # its interview came on the 12th
    assert landed_by(OFFER, date(2026, 11, 12), UTC)
    assert landed_by(COLD_INTERVIEW, date(2026, 11, 5), UTC)  # declined since: it still had an interview
    assert not landed_by(COLD, date(2026, 12, 31), UTC)  # never past applied


def test_an_offer_written_by_hand_without_its_step_counts_from_the_day_it_opened() -> None:
    by_hand = opportunity("hand", "offer", ("ana",), date(2026, 11, 20), (Step(at(20), "lead"),))
    assert not landed_by(by_hand, date(2026, 11, 19), UTC)
    assert landed_by(by_hand, date(2026, 11, 20), UTC)
    assert landed_by(opportunity("bare", "interview", (), None, ()), date(2000, 1, 1), UTC)


def test_a_touch_at_the_periods_end_midnight_belongs_to_the_next_period() -> None:
    midnight = datetime(2026, 11, 16, tzinfo=UTC).timestamp()
    edge = {
        "x": ContactSummary(
            id="x", name="X", referred_by="ana", entries=((midnight, "phone", "will", False, False, False),)
        ),
    }
    week, next_week = date(2026, 11, 9), date(2026, 11, 16)
    assert funnel(edge, [], week, date(2026, 11, 15), UTC, now=LATER).as_dict()["will_help"] == 0
    after = funnel(edge, [], next_week, date(2026, 11, 22), UTC, now=LATER)
    assert (after.reached, after.will_help, after.introductions) == (1, 1, 1)


def test_the_funnel_counts_no_move_or_opening_that_has_not_happened_yet() -> None:
    """``opportunity move --on`` a later day: the week under way counts it once it is done, not before."""
    ahead = opportunity("ahead", "interview", ("ben",), date(2026, 11, 14), (Step(at(14), "interview"),))
    companies = [Company(id="a", name="A", opportunities=(ahead,))]
    week = (date(2026, 11, 9), date(2026, 11, 15))
    before = funnel(CONTACTS, companies, *week, UTC, now=at(12))
    assert (before.opened, before.interviews) == (0, 0)
    done = funnel(CONTACTS, companies, *week, UTC, now=at(14))  # the very second it was made
    assert (done.opened, done.interviews) == (1, 1)
    not_begun = funnel(CONTACTS, companies, date(2026, 11, 16), date(2026, 11, 22), UTC, now=at(12))
    assert not_begun == funnel({}, [], date(2026, 11, 16), date(2026, 11, 22), UTC, now=at(12))


def test_attribution_as_of_a_day_counts_only_what_was_opened_and_landed_by_then() -> None:
    """The review of a past period: the summary counts the opportunities its list shows."""
    on_11th = attribute(CONTACTS, COMPANIES, {}, date(2026, 11, 11), UTC)
    assert [item.opportunity.id for item in on_11th.behind] == ["cold-interview"]
    assert on_11th.by_channel == {}  # the offer's interview came on the 12th: its channels not yet
    assert (on_11th.through_people, on_11th.cold) == (2, 2)  # all four opened by then
    on_4th = attribute(CONTACTS, COMPANIES, {}, date(2026, 11, 4), UTC)
    assert (on_4th.through_people, on_4th.cold, on_4th.behind) == (0, 2, ())
