"""The call brief's rules on fixed records: every part from the record, and a question where it is silent."""

from __future__ import annotations

from datetime import date, timedelta

from networkday.domain.brief import Brief, build_brief
from networkday.domain.brief_rules import FALLBACK_OFFER, FALLBACK_OPENING, MOTIVE_OFFERS, find_out, offer, opening
from networkday.domain.brief_text import brief_json, sections
from networkday.domain.companies import Company, Opportunity
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.referrals import build_referrals
from networkday.domain.summary import ContactSummary
from networkday.domain.vocab import MOTIVES
from tests.conftest import NOW

TODAY = NOW.date()
LUMEN = Company(
    id="lumen",
    name="Lumen Analytics",
    target=True,
    opportunities=(
        Opportunity(id="old", role="Analyst", stage="closed"),
        Opportunity(id="pm", role="Product Manager", stage="applied"),
        Opportunity(id="spm", role="Senior PM", stage="interview", via=("priya",)),
        Opportunity(id="lead", role="Data Lead", stage="offer"),
    ),
)


def touch(days_ago: int, gave: str = "", asked: str = "", note: str = "", outcome: str = "talked") -> LogEntry:
    return LogEntry(
        at=NOW - timedelta(days=days_ago), channel="coffee", outcome=outcome, gave=gave, asked=asked, note=note
    )


def brief_of(contact: Contact, *others: Contact, company: Company | None = None) -> Brief:
    people = {person.id: ContactSummary.of(person) for person in (contact, *others)}
    referrals = build_referrals(people, lambda name: name == "Lumen Analytics")
    return build_brief(contact, people, referrals, company)


MARCUS = Contact(id="marcus", name="Marcus Oyelaran", title="Staff Data Scientist", company="Lumen Analytics")
PRIYA = Contact(
    id="priya",
    name="Priya Raman",
    company="Lumen Analytics",
    title="Director",
    hiring_manager=True,
    referred_by="marcus",
    met="Introduced by Marcus over email",
    motives=["referrer", "recognition"],
    log=[
        touch(9, gave="my one-page summary", asked="30 minutes", note="Call booked."),
        touch(5, note="Talked about metric trees."),
        touch(3, asked="an intro to the team"),
        touch(1, gave="notes on dashboards", note="She liked them."),
    ],
)


def test_every_part_comes_from_the_records() -> None:
    brief = brief_of(PRIYA, MARCUS, company=LUMEN)
    assert brief.referrer is not None
    assert (brief.referrer.name, brief.referrer.known) == ("Marcus Oyelaran", True)
    assert [(m.motive, m.hint) for m in brief.motives] == [
        ("referrer", MOTIVES["referrer"]),
        ("recognition", MOTIVES["recognition"]),
    ]
    assert (brief.gave, brief.asked, brief.only_asked) == (2, 2, False)
    assert [(e.kind, e.text) for e in brief.exchanges][:2] == [
        ("gave", "notes on dashboards"),
        ("asked", "an intro to the team"),
    ]
    assert [entry.note for entry in brief.touches] == ["She liked them.", "", "Talked about metric trees."]
    assert brief.touch_count == 4
    # Open ones only: the one they opened first, then the furthest along.
    assert [(role.opportunity_id, role.theirs) for role in brief.roles] == [
        ("spm", True),
        ("lead", False),
        ("pm", False),
    ]


def test_the_referrer_leads_to_the_people_they_introduced_and_the_manager_beyond() -> None:
    brief = brief_of(MARCUS, PRIYA, company=LUMEN)
    assert [who.name for who in brief.leads_to] == ["Priya Raman"]
    assert [who.id for who in brief.managers] == ["priya"]
    assert brief.referrer is None
    assert "whom else they would suggest" not in " ".join(find_out(brief))


def test_the_opening_names_the_referrer_then_the_last_talk_and_the_offer_follows_the_first_motive() -> None:
    brief = brief_of(PRIYA, MARCUS, company=LUMEN)
    assert opening(brief, TODAY) == (
        "Mention Marcus Oyelaran, who introduced you. "
        "Pick up from your last talk, yesterday (coffee, talked): “She liked them.”"
    )
    assert offer(brief) == MOTIVE_OFFERS["referrer"].format(referrer="Marcus Oyelaran")


def test_a_person_only_asked_of_is_flagged_and_the_offer_says_give_first() -> None:
    asked = Contact(id="a", name="A", motives=["learning"], log=[touch(4, asked="a referral"), touch(2, asked="more")])
    brief = brief_of(asked)
    assert brief.only_asked
    assert offer(brief) == "You have only asked so far: give first. " + MOTIVE_OFFERS["learning"]
    give_and_ask = next(s for s in sections(brief, TODAY) if s.heading == "Give and ask")
    assert give_and_ask.lines[:2] == (
        "gave 0 · asked 2",
        "! only asked so far, never given: give before you ask again",
    )


def test_without_motives_the_offer_follows_up_on_the_last_give() -> None:
    brief = brief_of(Contact(id="a", name="A", log=[touch(30, gave="an old article"), touch(6, gave="a CV template")]))
    assert offer(brief) == "Ask whether what you gave on 19 Nov 2026 helped, and offer more: “a CV template”"


def test_an_empty_record_gets_questions_not_invented_facts() -> None:
    brief = brief_of(Contact(id="x", name="X"))
    assert opening(brief, TODAY) == FALLBACK_OPENING
    assert offer(brief) == FALLBACK_OFFER
    assert find_out(brief) == [
        "how you know them: no referrer, no 'met' and no touch on record",
        "why they might help: no motives noted",
        "where they work now: no company on record",
        "whom else they would suggest you talk to: they have introduced you to nobody yet",
    ]
    text = {section.heading: section.lines for section in sections(brief, TODAY)}
    assert text["Who"] == ("no title or company on record", "met: not on record")
    assert text["Referrals"] == ("introduced by: nobody, you met them yourself", "can lead to: nobody yet")
    assert text["Last touches"] == ("no touch on record: this is your first talk",)
    assert text["Open opportunity"] == ("none on record",)
    assert text["Why they may help"] == ("no motives noted",)


def test_a_referrer_no_longer_in_the_network_is_named_as_missing_never_mentioned() -> None:
    brief = brief_of(Contact(id="x", name="X", referred_by="gone", met="a meetup"))
    assert brief.referrer is not None
    assert not brief.referrer.known
    assert opening(brief, TODAY) == "Remind them how you met: “a meetup”"
    assert find_out(brief)[0] == "who introduced you: 'gone' is not in your network (deleted or mistyped)"
    assert MOTIVE_OFFERS["referrer"].format(referrer="the person who sent you") == offer(
        brief_of(Contact(id="x", name="X", referred_by="gone", motives=["referrer"]))
    )
    lines = {section.heading: section.lines for section in sections(brief, TODAY)}
    assert lines["Referrals"][0] == "introduced by: gone (not in your network)"


def test_a_self_referral_names_no_referrer() -> None:
    assert brief_of(Contact(id="x", name="X", referred_by="x")).referrer is None


def test_an_unknown_motive_has_no_hint_and_is_a_thing_to_find_out() -> None:
    brief = brief_of(Contact(id="x", name="X", motives=["gratitude", "gratitude"]))
    assert [(m.motive, m.hint) for m in brief.motives] == [("gratitude", "")]
    assert offer(brief) == FALLBACK_OFFER
    assert "what “gratitude” means for them: networkday has no hint for it" in find_out(brief)
    lines = {section.heading: section.lines for section in sections(brief, TODAY)}
    assert lines["Why they may help"] == ("gratitude: no hint known for this motive",)


def test_a_company_without_a_file_or_an_open_opportunity_is_a_question() -> None:
    no_file = brief_of(Contact(id="x", name="X", company="Initech"))
    assert "whether Initech is hiring: no company file for it" in find_out(no_file)
    closed = Company(id="c", name="Initech", opportunities=(Opportunity(id="o", role="R", stage="closed"),))
    no_role = brief_of(Contact(id="x", name="X", company="Initech"), company=closed)
    assert "whether Initech is hiring: no open opportunity on record" in find_out(no_role)


def test_huge_notes_and_gives_are_cut_in_words_and_whole_in_json() -> None:
    huge = "word " * 5000
    contact = Contact(id="x", name="X", notes=huge, log=[touch(1, gave=huge, note=huge)])
    brief = brief_of(contact)
    for section in sections(brief, TODAY):
        assert all(len(line) < 520 for line in section.lines), section.heading
    assert len(opening(brief, TODAY)) < 200
    data = brief_json(brief, TODAY)
    assert data["notes"] == huge
    assert data["touches"][0]["note"] == huge


def test_markup_and_control_characters_stay_as_data_for_the_caller_to_escape() -> None:
    """The words carry the user's text as typed; the command and the screen make it safe."""
    odd = Contact(id="odd", name="[bold]Eve\x1b[31m", company="A\u202eB", referred_by="ref")
    ref = Contact(id="ref", name="Ref [link=x]\x07")
    brief = brief_of(odd, ref)
    assert opening(brief, TODAY) == "Mention Ref [link=x]\x07, who introduced you."
    lines = {section.heading: section.lines for section in sections(brief, TODAY)}
    assert lines["Who"][0] == "A\u202eB"


def test_the_json_has_raw_values() -> None:
    data = brief_json(brief_of(PRIYA, MARCUS, company=LUMEN), date(2026, 11, 25))
    assert data["referrer"]["id"] == "marcus"
    assert data["touches"][0]["outcome"] == "talked"
    assert data["opportunities"][0] == {
        "id": "lumen/spm",
        "company": "Lumen Analytics",
        "role": "Senior PM",
        "stage": "interview",
        "theirs": True,
    }
    assert data["only_asked"] is False
    assert data["gave"] == 2
    assert data["opening"].startswith("Mention Marcus Oyelaran")
