"""The Companies screen's rows: grouping by company, targets first, paths to hiring managers, distances."""

from __future__ import annotations

from datetime import date

from networkday.domain.companies import Companies, Company, Opportunity
from networkday.domain.company_rows import best_path, company_rows, distances, open_served, serves
from networkday.domain.summary import ContactSummary

DAY = 86_400.0


def person(contact_id: str, company: str, *, hm: bool = False, via: str | None = None, touched: float = 0.0):
    entries = ((touched, "coffee", "will", False, False, False),) if touched else ()
    return ContactSummary(
        id=contact_id, name=contact_id.title(), company=company, hiring_manager=hm, referred_by=via, entries=entries
    )


def network(*people: ContactSummary) -> dict[str, ContactSummary]:
    return {p.id: p for p in people}


def test_spellings_of_one_company_are_one_row_and_aliases_join_the_file() -> None:
    contacts = network(person("ann", "ACME Inc."), person("bob", "acme"), person("cy", "Acme Corp"), person("di", ""))
    acme = Company(id="acme-co", name="Acme Company", aliases=("Acme Corp", "Acme"))
    rows = company_rows(contacts, Companies([acme]))
    assert [(row.key, row.name, sorted(row.people)) for row in rows] == [
        ("acme-co", "Acme Company", ["ann", "bob", "cy"])
    ]
    assert rows[0].company is acme


def test_targets_come_first_by_priority_then_the_rest_by_last_touch() -> None:
    contacts = network(
        person("ann", "Old", touched=1 * DAY),
        person("bob", "Recent", touched=9 * DAY),
        person("cy", "Gamma", touched=2 * DAY),
        person("di", "Beta", touched=3 * DAY),
    )
    files = [Company(id="beta", name="Beta", target=True, priority=2), Company(id="gamma", name="Gamma", priority=1)]
    rows = company_rows(contacts, Companies(files, targets=["Gamma", "Delta"]))
    assert [row.name for row in rows] == ["Gamma", "Beta", "Delta", "Recent", "Old"]
    assert [row.target for row in rows] == [True, True, True, False, False]
    delta = rows[2]
    assert (delta.key, delta.company, delta.people, delta.last_ts) == ("=delta", None, (), None)


def test_a_file_with_nobody_there_is_still_a_row() -> None:
    rows = company_rows({}, Companies([Company(id="solo", name="Solo")]))
    assert [(row.key, row.people, row.path) for row in rows] == [("solo", (), ())]


def test_the_best_path_is_the_shortest_chain_to_a_hiring_manager() -> None:
    contacts = network(
        person("maya", "Elsewhere", touched=5 * DAY),
        person("dana", "Acme", hm=True, via="maya"),
        person("root", "Other", touched=DAY),
        person("mid", "Other"),
        person("eve", "Acme", hm=True, via="mid"),
        person("bob", "Acme"),
    )
    contacts["mid"].referred_by = "root"
    (row,) = company_rows(contacts, Companies(), only="=acme")
    assert row.managers == ("dana", "eve")
    assert row.path == ("maya", "dana")
    assert best_path(contacts, ("eve",)) == ("root", "mid", "eve")


def test_a_company_without_a_known_hiring_manager_has_no_path() -> None:
    contacts = network(person("ann", "Quarry", touched=DAY))
    assert company_rows(contacts, Companies())[0].path == ()


def test_a_referral_loop_or_a_missing_referrer_still_gives_a_path() -> None:
    contacts = network(
        person("a", "Acme", hm=True, via="b"), person("b", "X", via="a"), person("c", "Y", hm=True, via="gone")
    )
    assert best_path(contacts, ("a",)) == ("b", "a")
    assert best_path(contacts, ("c",)) == ("c",)


def test_distances_count_introductions_to_the_nearest_manager() -> None:
    contacts = network(
        person("root", "Acme"),
        person("maya", "Acme", via="root"),
        person("dana", "Acme", hm=True, via="maya"),
        person("bob", "Acme"),
    )
    assert distances(contacts, ("root", "maya", "dana", "bob")) == {"dana": 0, "maya": 1, "root": 2}


def test_open_opportunities_are_counted_by_stage_in_stage_order() -> None:
    items = tuple(
        Opportunity(id=f"o{i}", role="Role", stage=stage, opened=date(2026, 11, 1))
        for i, stage in enumerate(["interview", "lead", "declined", "lead"])
    )
    rows = company_rows({}, Companies([Company(id="acme", name="Acme", opportunities=items)]))
    assert rows[0].open_by_stage() == [("lead", 2), ("interview", 1)]


def test_only_keeps_one_row() -> None:
    contacts = network(person("ann", "Acme"), person("bob", "Beta"))
    assert [row.name for row in company_rows(contacts, Companies(), only="=beta")] == ["Beta"]


def test_a_call_serves_the_open_opportunity_furthest_along_at_the_company() -> None:
    def item(oid: str, stage: str) -> Opportunity:
        return Opportunity(id=oid, role=oid.title(), stage=stage)

    acme = Company(
        id="acme", name="Acme", aliases=("Acme Labs",), opportunities=(item("a", "lead"), item("b", "offer"))
    )
    done = Company(id="done", name="Done", opportunities=(item("c", "accepted"),))
    by_key = open_served([acme, done])
    offer = (acme, acme.opportunities[1])
    assert by_key == {"acme": offer, "acme labs": offer}
    contacts = network(person("ann", "ACME Labs GmbH"), person("bob", "Done"), person("cy", ""))
    assert serves(contacts, ["ann", "bob", "cy", "gone"], by_key) == {"ann": offer}
