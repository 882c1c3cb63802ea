"""Company records: matching a contact's company text, decoding and encoding, and dated stage moves."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from networkday.domain.companies import (
    STAGES,
    Companies,
    Company,
    Opportunity,
    Step,
    company_key,
    dangling_via,
    shared_names,
)
from networkday.domain.errors import RecordError

PARIS = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 3, 10, 0, tzinfo=PARIS)


def test_company_key_ignores_case_accents_and_legal_suffixes() -> None:
    assert company_key("Société Générale SA") == company_key("societe generale")
    assert company_key("ACME, Inc.") == company_key("acme")
    assert company_key("Self-employed") == ""


def test_a_contact_belongs_by_name_or_alias_whatever_the_case_and_accents() -> None:
    zoe = Company(id="zoe-labs", name="Zoë Labs", aliases=("ZL", "Zoe Laboratories GmbH"))
    companies = Companies([zoe, Company(id="other", name="Other")])
    assert companies.of_contact("ZOE LABS") is zoe
    assert companies.of_contact("zl") is zoe
    assert companies.of_contact("Zoé Laboratories") is zoe
    assert companies.of_contact("Zoe") is None
    assert companies.of_contact("") is None
    assert companies.of_contact("Freelance") is None


def test_targets_come_from_the_file_flag_or_from_config() -> None:
    companies = Companies(
        [Company(id="acme", name="Acme", target=True, aliases=("Acme Corp",)), Company(id="b", name="Beta")],
        targets=["Gamma", "beta"],
    )
    assert companies.is_target("acme corp")
    assert companies.is_target("BETA")  # config.toml names it, though its file says nothing
    assert companies.is_target("Gamma")  # no file at all
    assert not companies.is_target("Delta")
    assert not companies.is_target("")
    assert companies.without_file() == ["Gamma"]


def test_a_config_target_naming_an_alias_makes_the_whole_company_a_target() -> None:
    zoe = Company(id="zoe-labs", name="Zoë Labs", aliases=("ZL Corp",))
    companies = Companies([zoe, Company(id="other", name="Other")], targets=["zl corp"])
    assert companies.is_target("Zoe Labs")  # the name, though config.toml names the alias
    assert companies.is_target("ZL Corp")
    assert not companies.is_target("Other")
    assert companies.config_name(zoe) == "zl corp"
    assert companies.config_name(companies.by_id["other"]) is None
    assert companies.without_file() == []


def test_the_first_file_by_id_wins_a_shared_alias() -> None:
    first, second = Company(id="a", name="One", aliases=("X",)), Company(id="b", name="Two", aliases=("x",))
    assert Companies([second, first]).of_contact("x") is first


def test_a_move_appends_a_dated_step_and_the_same_stage_is_refused() -> None:
    lead = Opportunity(id="pm", role="PM", stage="lead")
    applied = lead.moved("applied", AT, "sent the CV")
    interview = applied.moved("interview", AT + timedelta(days=7))
    assert interview.stage == "interview"
    assert interview.steps == (Step(AT, "applied", "sent the CV"), Step(AT + timedelta(days=7), "interview"))
    assert interview.reached("applied")
    assert not interview.reached("offer")
    with pytest.raises(RecordError, match="already at interview"):
        interview.moved("interview", AT)
    with pytest.raises(RecordError, match="unknown stage"):
        interview.moved("hired", AT)
    assert lead.steps == ()  # the record moved is left as it was


def test_a_move_dated_before_a_later_step_goes_in_date_order_and_the_stage_stays_the_latest() -> None:
    applied = Opportunity(id="pm", role="PM", stage="lead").moved("applied", AT + timedelta(days=2))
    backdated = applied.moved("interview", AT)
    later = AT + timedelta(days=2)
    assert [(step.stage, step.at) for step in backdated.steps] == [("interview", AT), ("applied", later)]
    assert backdated.stage == "applied"
    same_instant = backdated.moved("declined", AT)  # after the step of the same instant: stable
    assert [step.stage for step in same_instant.steps] == ["interview", "declined", "applied"]
    assert same_instant.moved("offer", AT + timedelta(days=3)).stage == "offer"


def test_a_step_planned_ahead_does_not_hold_back_a_move_made_now() -> None:
    next_week = AT + timedelta(days=7)
    offer = Opportunity(id="pm", role="PM", stage="applied").moved("offer", next_week, now=AT)
    declined = offer.moved("declined", AT, now=AT)
    assert [step.stage for step in declined.steps] == ["declined", "offer"]
    assert (declined.stage, declined.is_open) == ("declined", False)


def test_new_opportunity_ids_come_from_the_role_and_are_numbered_when_taken() -> None:
    company = Company(id="acme", name="Acme", opportunities=(Opportunity(id="staff-engineer", role="x", stage="lead"),))
    assert company.new_opportunity_id("Staff Engineer") == "staff-engineer-2"
    assert company.new_opportunity_id("Ingénieur") == "ingenieur"
    assert company.new_opportunity_id("開発者") == "opportunity"


FILE = {
    "format": 1,
    "name": "Acme",
    "target": True,
    "aliases": ["ACME Corp"],
    "priority": 2,
    "color": "red",
    "opportunity": [
        {
            "id": "pm",
            "role": "Product manager",
            "stage": "interview",
            "via": ["maya"],
            "opened": date(2026, 10, 1),
            "salary": 100,
            "step": [
                {"at": date(2026, 10, 2), "stage": "applied", "mood": "good"},
                {"at": datetime(2026, 10, 9, 9, 0, tzinfo=UTC), "stage": "interview", "note": "panel"},
            ],
        }
    ],
}


def test_a_company_round_trips_with_unknown_keys_at_every_level() -> None:
    company = Company.from_dict("acme", FILE, PARIS)
    step = company.opportunities[0].steps[0]
    assert step.at == datetime(2026, 10, 2, tzinfo=PARIS)  # a bare date is that day's midnight, local
    table = company.to_dict()
    assert table["color"] == "red"
    assert table["opportunity"][0]["salary"] == 100
    assert table["opportunity"][0]["step"][0]["mood"] == "good"
    assert Company.from_dict("acme", table, PARIS) == company


@pytest.mark.parametrize(
    ("change", "message", "where"),
    [
        (lambda t: t["opportunity"][0].update(stage="hired"), "unknown stage 'hired'", ("opportunity", 0, "stage")),
        (lambda t: t.update(priority=4), "'priority' must be between 1 and 3", ("priority",)),
        (lambda t: t["opportunity"].append(dict(t["opportunity"][0])), "used twice", ("opportunity", 1, "id")),
        (lambda t: t["opportunity"][0]["step"][1].update(stage="x"), "unknown stage", ("opportunity", 0, "step", 1)),
        (lambda t: t["opportunity"][0]["step"][0].update(at="soon"), "'at' must be", ("opportunity", 0, "step", 0)),
        (lambda t: t["opportunity"][0].update(id="Bad Id"), "lowercase", ("opportunity", 0, "id")),
        (lambda t: t.pop("name"), "'name' is required", ("name",)),
    ],
)
def test_bad_values_are_refused_with_their_key_path(change, message, where) -> None:
    import copy

    table = copy.deepcopy(FILE)
    change(table)
    with pytest.raises(RecordError, match=message) as raised:
        Company.from_dict("acme", table, PARIS)
    assert raised.value.key_path[: len(where)] == where


def test_every_stage_is_known_and_open_stages_come_first() -> None:
    assert STAGES[:4] == ("lead", "applied", "interview", "offer")
    assert Opportunity(id="x", role="r", stage="declined").is_open is False
    assert Opportunity(id="x", role="r", stage="lead").cold


def test_a_via_naming_no_contact_is_found_where_it_is() -> None:
    company = Company(
        id="acme",
        name="Acme",
        opportunities=(
            Opportunity(id="a", role="A", stage="lead", via=("maya",)),
            Opportunity(id="b", role="B", stage="lead", via=("maya", "ghost")),
        ),
    )
    assert dangling_via(company, {"maya"}) == [(("opportunity", 1, "via", 1), "via 'ghost' names no contact")]


def test_a_name_two_companies_answer_to_is_found_in_the_later_one() -> None:
    first = Company(id="a", name="Acme", aliases=("AC",))
    second = Company(id="b", name="Beta", aliases=("Other", "ac"))
    third = Company(id="c", name="ACME Inc.")
    found = [(company.id, where) for company, where, _ in shared_names([third, second, first])]
    assert found == [("b", ("aliases", 1)), ("c", ("name",))]
