"""The network list: filters, sorts, search listing and the filter pickers' choices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from networkday.domain.network import (
    SORT_COMPANY,
    SORT_FOLLOW_UP,
    SORT_LAST_TOUCH,
    SORT_NAME,
    Filter,
    Network,
)
from networkday.domain.search import SearchIndex
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

TODAY = date(2026, 11, 25)
CONFIG = Config(targets=("Acme Corp",), tag_cadence={"mentor": 30})


def touched(days_ago: int) -> tuple:
    instant = datetime(2026, 11, 25, 12, tzinfo=UTC) - timedelta(days=days_ago)
    return ((instant.timestamp(), "phone", "talked", False, False, False),)


def person(contact_id: str, name: str, **fields) -> ContactSummary:
    return ContactSummary(id=contact_id, name=name, **fields)


PEOPLE = [
    person("ann", "Ann Lee", company="ACME Corp.", tags=("python",), entries=touched(3)),
    person("bob", "Bob Ray", company="Globex", hiring_manager=True, follow_up=TODAY.toordinal(), entries=touched(40)),
    person("cyd", "Cyd Fox", company="Acme", tags=("mentor",), entries=touched(31), hiring_manager=True),
    person("dee", "Dee Ng", follow_up=(TODAY - timedelta(days=2)).toordinal(), cadence_days=7),
    person("eve", "Émile Vo", company="Self-employed", tags=("python", "mentor"), entries=touched(2)),
]


def ids(rows: list[ContactSummary]) -> list[str]:
    return [row.id for row in rows]


def kept(wanted: Filter) -> list[str]:
    return ids(Network(CONFIG, UTC).filter(PEOPLE, wanted, TODAY))


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (Filter(), ["ann", "bob", "cyd", "dee", "eve"]),
        (Filter(tag="python"), ["ann", "eve"]),
        (Filter(company="acme inc"), ["ann", "cyd"]),
        (Filter(company="Self-employed"), ["eve"]),
        (Filter(targets_only=True), ["ann", "cyd"]),
        (Filter(hiring_managers=True), ["bob", "cyd"]),
        (Filter(due=True), ["bob", "dee"]),
        (Filter(losing_touch=True), ["cyd", "dee"]),
        (Filter(never_contacted=True), ["dee"]),
        (Filter(targets_only=True, hiring_managers=True), ["cyd"]),
        (Filter(tag="mentor", losing_touch=True), ["cyd"]),
    ],
)
def test_filters_keep_what_every_condition_allows(wanted, expected):
    assert kept(wanted) == expected


def test_filter_describes_itself_for_the_header():
    assert not Filter().active
    wanted = Filter(tag="python", targets_only=True, due=True)
    assert wanted.active
    assert wanted.describe() == "tag python · target companies · follow-up due"


def test_sort_by_name_ignores_case_and_accents():
    people = [person("f", "fay"), person("e", "Émile"), person("d", "Dan"), person("z", "zed")]
    network = Network(CONFIG, UTC)
    assert ids(network.sort(people, SORT_NAME)) == ["d", "e", "f", "z"]
    assert ids(network.sort(people, SORT_NAME, reverse=True)) == ["z", "f", "e", "d"]


def test_a_name_seen_for_the_first_time_is_ranked_before_sorting():
    network = Network(CONFIG, UTC)
    assert ids(network.sort([person("b", "Bo"), person("a", "Al")])) == ["a", "b"]
    assert ids(network.sort([person("b", "Bo"), person("a", "Al"), person("an", "Amy")])) == ["a", "an", "b"]


def test_sort_by_company_puts_people_without_one_last_and_ties_in_name_order():
    people = [
        person("z", "Zed", company="Acme"),
        person("n", "Nobody"),
        person("a", "Al", company="acme"),
        person("g", "Gus", company="Globex"),
        person("b", "Bea"),
    ]
    network = Network(CONFIG, UTC)
    assert ids(network.sort(people, SORT_COMPANY)) == ["a", "z", "g", "b", "n"]
    assert ids(network.sort(people, SORT_COMPANY, reverse=True)) == ["g", "a", "z", "b", "n"]


def test_a_placeholder_company_counts_as_none_when_sorting():
    people = [person("s", "Sam", company="Self-employed"), person("a", "Al", company="Acme")]
    assert ids(Network(CONFIG, UTC).sort(people, SORT_COMPANY)) == ["a", "s"]
    assert ids(Network(CONFIG, UTC).sort(people, SORT_COMPANY, reverse=True)) == ["a", "s"]


def test_sort_by_last_touch_puts_the_never_contacted_first_or_last_when_reversed():
    people = [
        person("old", "Old", entries=touched(90)),
        person("zed", "Zed"),
        person("new", "New", entries=touched(1)),
        person("amy", "Amy"),
    ]
    network = Network(CONFIG, UTC)
    assert ids(network.sort(people, SORT_LAST_TOUCH)) == ["amy", "zed", "old", "new"]
    assert ids(network.sort(people, SORT_LAST_TOUCH, reverse=True)) == ["new", "old", "amy", "zed"]


def test_sort_by_follow_up_puts_people_without_one_last_either_way():
    people = [
        person("late", "Late", follow_up=TODAY.toordinal() + 9),
        person("none", "None"),
        person("soon", "Soon", follow_up=TODAY.toordinal()),
        person("also", "Also", follow_up=TODAY.toordinal()),
    ]
    network = Network(CONFIG, UTC)
    assert ids(network.sort(people, SORT_FOLLOW_UP)) == ["also", "soon", "late", "none"]
    assert ids(network.sort(people, SORT_FOLLOW_UP, reverse=True)) == ["late", "also", "soon", "none"]


def test_an_unknown_sort_is_refused():
    with pytest.raises(ValueError, match="unknown sort 'age'"):
        Network(CONFIG, UTC).sort(PEOPLE, "age")


def test_listing_sorts_without_a_search_and_keeps_search_rank_with_one():
    contacts = {summary.id: summary for summary in PEOPLE}
    network = Network(CONFIG, UTC)
    assert ids(network.listing(contacts, Filter(), TODAY, sort=SORT_COMPANY)) == ["ann", "cyd", "bob", "dee", "eve"]
    hits = SearchIndex(PEOPLE).search("acme")
    assert ids(network.listing(contacts, Filter(), TODAY, hits=hits)) == ["ann", "cyd"]
    assert ids(network.listing(contacts, Filter(hiring_managers=True), TODAY, hits=hits)) == ["cyd"]


def test_listing_skips_hits_for_contacts_gone_since_the_search():
    contacts = {summary.id: summary for summary in PEOPLE[1:]}
    hits = SearchIndex(PEOPLE).search("acme")
    assert ids(Network(CONFIG, UTC).listing(contacts, Filter(), TODAY, hits=hits)) == ["cyd"]


def test_choices_for_the_filter_pickers():
    network = Network(CONFIG, UTC)
    assert network.tag_choices(PEOPLE) == [("mentor", 2), ("python", 2)]
    more = [*PEOPLE, person("fay", "Fay", company="Acme")]
    assert network.company_choices(more) == [("Acme", 3), ("Globex", 1)]
