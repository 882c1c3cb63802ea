"""Which mode is in force and what it changes in the settings; the helping keys of config.toml judged."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pendulum
import pytest

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.errors import RecordError
from networkday.domain.helping_review import helping_figures
from networkday.domain.helping_settings import DEFAULT_HELPING_PROMPTS
from networkday.domain.mode import HELPING, JOB_SEARCH, ModeInForce, for_mode, mode_in_force
from networkday.domain.settings import DEFAULT_PROMPTS, Config
from networkday.domain.summary import ContactSummary
from networkday.domain.timer import day_bounds

BERLIN = pendulum.timezone("Europe/Berlin")
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=BERLIN)


def test_state_wins_over_config_which_wins_over_the_default():
    helping_config = Config.from_dict({"mode": {"job_search": False}})
    assert mode_in_force(Config(), None) == ModeInForce(JOB_SEARCH, "default")
    assert mode_in_force(helping_config, None) == ModeInForce(HELPING, "config.toml")
    assert mode_in_force(Config.from_dict({"mode": {"job_search": True}}), None).source == "config.toml"
    assert mode_in_force(helping_config, JOB_SEARCH) == ModeInForce(JOB_SEARCH, "state.toml")
    assert mode_in_force(Config(), HELPING).helping


@pytest.mark.parametrize("odd", ["", "Helping", 1, True, ["helping"]])
def test_a_state_value_that_is_no_mode_leaves_config_to_decide(odd):
    assert mode_in_force(Config.from_dict({"mode": {"job_search": False}}), odd) == ModeInForce(HELPING, "config.toml")


def test_helping_mode_has_no_share_goal_and_the_helping_prompts_unless_config_sets_them():
    config = Config()
    helping = for_mode(config, ModeInForce(HELPING, "state.toml"))
    assert helping.networking_share is None
    assert helping.prompts == DEFAULT_HELPING_PROMPTS
    assert for_mode(config, ModeInForce(JOB_SEARCH, "default")) is config
    set_ = Config.from_dict(
        {"goals": {"helping_share": 0.2, "gives_per_week": 5}, "journal": {"helping_prompts": ["Q?"]}}
    )
    mine = for_mode(set_, ModeInForce(HELPING, "config.toml"))
    assert (mine.networking_share, mine.prompts, mine.helping.gives_per_week) == (0.2, ("Q?",), 5)
    assert set_.prompts == DEFAULT_PROMPTS  # a job search keeps its own


@pytest.mark.parametrize(
    ("table", "where"),
    [
        ({"mode": {"job_search": "no"}}, ("mode", "job_search")),
        ({"goals": {"gives_per_week": -1}}, ("goals", "gives_per_week")),
        ({"goals": {"gives_per_week": 2.5}}, ("goals", "gives_per_week")),
        ({"goals": {"helping_share": 1.5}}, ("goals", "helping_share")),
        ({"goals": {"helping_share": "half"}}, ("goals", "helping_share")),
        ({"journal": {"helping_prompts": ["one", 2]}}, ("journal", "helping_prompts")),
        ({"mode": "helping"}, ("mode",)),
    ],
)
def test_bad_helping_settings_are_refused_with_their_place(table, where):
    with pytest.raises(RecordError) as caught:
        Config.from_dict(table)
    assert caught.value.key_path == where


def test_the_review_counts_introductions_made_and_only_the_landings_you_helped():
    start, end = day_bounds(date(2026, 11, 23), BERLIN)[0], day_bounds(date(2026, 11, 29), BERLIN)[1]

    def at(days: float) -> datetime:
        return NOW - timedelta(days=days)

    people = [
        Contact(id="dana", name="Dana Okafor"),
        Contact(id="sam", name="Sam Lee", log=[LogEntry(at=at(1), introduced=["dana", "Bo Chen"])]),
        Contact(
            id="ann",
            name="Ann Gave",
            log=[LogEntry(at=at(30), gave="a lead"), LogEntry(at=at(0.5), landed="Staff engineer")],
        ),
        Contact(id="cy", name="Cy Alone", log=[LogEntry(at=at(0.5), landed="a job")]),
        Contact(id="old", name="Old Intro", log=[LogEntry(at=at(20), introduced=["dana"])]),
    ]
    contacts = {c.id: ContactSummary.of(c) for c in people}
    figures = helping_figures(contacts, start, end, BERLIN)
    assert [(i.contact_id, i.to, i.names) for i in figures.introductions] == [
        ("sam", ("dana", "Bo Chen"), ("Dana Okafor", "Bo Chen"))
    ]
    assert figures.introduced == 2
    assert [(one.contact_id, one.what) for one in figures.landed] == [("ann", "Staff engineer")]
    assert figures.line(4) == "Helping: gave 4 · 2 introductions made · helped 1 land: Ann Gave (Staff engineer)"
    assert figures.to_json(4)["helped_land"] == [{"date": "2026-11-24", "contact": "ann", "landed": "Staff engineer"}]
    empty = helping_figures({}, start, end, BERLIN)
    assert empty.line(0) == "Helping: gave 0 · 0 introductions made · helped nobody land yet"
