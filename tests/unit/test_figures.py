"""A day's figures on the fixed data set of tests/journal_world.py, worked out by hand there."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from networkday.domain.companies import Company, Opportunity, Step
from networkday.domain.day import Call, Day
from networkday.domain.figures import Facts, Goals, Person, TouchLedger
from networkday.domain.pipeline import Moved
from networkday.domain.summary import ContactSummary
from networkday.services.figures import day_figures, facts_for
from networkday.storage.store import Store
from tests.journal_world import BERLIN, HOUR, MON, NOW, TUE, WED, at, world_store


@pytest.fixture
def world(tmp_path: Path) -> Store:
    return world_store(tmp_path / "data")


def test_calls_outcomes_gives_and_asks_of_the_day(world: Store) -> None:
    figures = day_figures(world, WED)
    assert (figures.made, figures.planned) == (3, 4)
    assert figures.outcomes == (("will", 1), ("wont", 1), ("left-message", 1))
    assert (figures.will, figures.wont) == (1, 1)
    assert (figures.gave, figures.asked) == (2, 1)
    assert figures.rating == 4
    assert figures.goals == Goals(0.85, 5)


def test_networking_time_splits_at_midnight_and_counts_the_running_session(world: Store) -> None:
    wednesday = day_figures(world, WED)
    assert wednesday.networking == 5 * HOUR  # 00:00-01:00 from Tuesday's file, 09-12, 20:00-now
    assert wednesday.other == 1 * HOUR
    assert wednesday.share == pytest.approx(5 / 6)
    assert wednesday.share_met is False
    tuesday = day_figures(world, TUE)
    assert (tuesday.networking, tuesday.other, tuesday.share_met) == (3 * HOUR, 0.0, True)


def test_people_are_the_local_days_touches_in_order(world: Store) -> None:
    assert day_figures(world, WED).people == (
        Person("carol-zoe", "Carol Zoë", "left-message"),  # 00:30 Berlin is still the 24th in UTC
        Person("jane-doe", "Jane Doe", "will"),
        Person("bob-stone", "Bob Stone", "wont"),
    )
    assert [p.id for p in day_figures(world, TUE).people] == ["jane-doe", "dan-early"]  # 23:30 stays Tuesday
    assert [p.reached for p in day_figures(world, WED).people] == [False, True, True]


def test_a_quiet_day_has_only_its_rating(world: Store) -> None:
    monday = day_figures(world, MON)
    assert (monday.made, monday.planned, monday.gave, monday.asked, monday.people) == (0, 0, 0, 0, ())
    assert monday.share is None
    assert monday.share_met is None
    assert monday.rating == 2
    assert not monday.active


def test_an_open_day_record_adds_people_marked_in_the_file_by_hand(world: Store) -> None:
    record = world.day(WED)
    record.calls.append(Call("someone-new", outcome="talked", at=at(WED, 16)))
    figures = day_figures(world, WED, record)
    assert (figures.made, figures.planned) == (4, 5)
    assert figures.people[-1] == Person("someone-new", "someone-new", "talked")


def test_a_made_call_without_a_time_is_listed_last(world: Store) -> None:
    record = Day(WED, calls=[Call("jane-doe", outcome="will"), Call("zed", outcome="wont")])
    figures = day_figures(world, WED, record)
    assert [p.id for p in figures.people] == ["carol-zoe", "jane-doe", "bob-stone", "zed"]


def test_json_figures_are_plain_values(world: Store) -> None:
    data = day_figures(world, WED).to_json()
    assert data["date"] == "2026-11-25"
    assert data["outcomes"] == {"will": 1, "wont": 1, "left-message": 1}
    assert data["networking_seconds"] == 18000
    assert data["share"] == 0.8333
    assert data["people"][0] == {"id": "carol-zoe", "name": "Carol Zoë", "outcome": "left-message"}


def test_the_ledger_covers_a_range_in_one_pass_and_refuses_days_outside(world: Store) -> None:
    facts = facts_for(world, MON, WED)
    assert [facts.ledger.on(d).gave for d in (MON, TUE, WED)] == [0, 0, 2]
    assert [facts.ledger.on(d).asked for d in (MON, TUE, WED)] == [0, 1, 1]
    with pytest.raises(ValueError, match="outside the ledger"):
        facts.ledger.on(WED + timedelta(days=1))


def test_ledger_counts_an_entry_at_midnight_on_the_new_day() -> None:
    midnight = at(WED, 0).timestamp()
    summary = ContactSummary(
        id="x",
        name="X",
        entries=(
            (midnight - 1, "phone", "talked", True, False, False),
            (midnight, "phone", "will", False, True, False),
        ),
    )
    ledger = TouchLedger.build([summary], TUE, WED, BERLIN)
    assert (ledger.on(TUE).gave, ledger.on(TUE).asked) == (1, 0)
    assert (ledger.on(WED).gave, ledger.on(WED).asked) == (0, 1)


def test_ledger_keeps_the_days_last_outcome_and_first_touch_time() -> None:
    base = at(WED, 9).timestamp()
    summary = ContactSummary(
        id="x",
        name="X",
        entries=((base, "phone", "no-answer", False, False, False), (base + 60, "email", "", False, False, False)),
    )
    touches = TouchLedger.build([summary], WED, WED, BERLIN).on(WED)
    assert touches.people == {"x": (base, "no-answer")}


def test_daylight_saving_day_is_25_hours_long() -> None:
    autumn = date(2026, 10, 25)  # clocks go back in Berlin
    first = at(autumn, 0).timestamp()
    summary = ContactSummary(id="x", name="X", entries=((first + 24.5 * HOUR, "phone", "will", True, False, False),))
    ledger = TouchLedger.build([summary], autumn, autumn + timedelta(days=1), BERLIN)
    assert ledger.on(autumn).gave == 1  # 24.5 hours after midnight is still 23:30 that day
    facts = Facts({}, {}, ledger, Goals(), BERLIN, NOW.timestamp())
    assert facts.figures(autumn).people == (Person("x", "x", "will"),)


def test_a_days_figures_list_the_opportunities_moved_that_local_day() -> None:
    staff = Opportunity(
        id="staff",
        role="Staff engineer",
        stage="interview",
        via=("jane",),
        steps=(Step(at(TUE, 23, 30), "applied"), Step(at(WED, 0, 30), "interview")),  # either side of midnight
    )
    acme = Company(id="acme", name="Acme", opportunities=(staff,))
    facts = Facts.gather({}, {}, Goals(), BERLIN, NOW.timestamp(), TUE, WED, [acme])
    assert facts.figures(WED).moves == (Moved("acme/staff", "Acme", "Staff engineer", ("interview",)),)
    assert facts.figures(TUE).moves == (Moved("acme/staff", "Acme", "Staff engineer", ("applied",)),)
    assert facts.figures(WED).to_json()["moves"] == [
        {"id": "acme/staff", "company": "Acme", "role": "Staff engineer", "stages": ["interview"]}
    ]
    without = Facts.gather({}, {}, Goals(), BERLIN, NOW.timestamp(), TUE, WED)
    assert without.figures(WED).moves == ()


def test_a_day_counts_the_touches_where_what_they_gained_was_recorded() -> None:
    base = at(WED, 9).timestamp()
    summary = ContactSummary(
        id="x",
        name="X",
        entries=((base, "phone", "talked", False, False, True), (base + 60, "phone", "will", True, False, False)),
    )
    ledger = TouchLedger.build([summary], WED, WED, BERLIN)
    assert ledger.on(WED).glad == 1
    figures = Facts({}, {}, ledger, Goals(), BERLIN, NOW.timestamp()).figures(WED)
    assert (figures.glad, figures.to_json()["glad"]) == (1, 1)
