"""Referral chains: up, down, and the paths to hiring managers at target companies."""

from __future__ import annotations

from networkday.domain.referrals import Chain, build_referrals, chain_up
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary

CONFIG = Config(targets=("Acme Corp", "Globex"))


def network(*people: ContactSummary) -> dict[str, ContactSummary]:
    return {person.id: person for person in people}


def person(contact_id: str, referred_by: str | None = None, **fields) -> ContactSummary:
    fields.setdefault("name", contact_id.title())
    return ContactSummary(id=contact_id, referred_by=referred_by, **fields)


def test_chain_up_lists_referrers_nearest_first():
    contacts = network(person("ann"), person("bob", "ann"), person("cyd", "bob"))
    assert chain_up(contacts, "cyd") == Chain(("bob", "ann"))
    assert chain_up(contacts, "ann") == Chain(())


def test_chain_up_stops_at_a_missing_referrer_and_names_it():
    contacts = network(person("bob", "ghost"), person("cyd", "bob"))
    assert chain_up(contacts, "cyd") == Chain(("bob",), missing="ghost")


def test_chain_up_stops_at_a_cycle():
    contacts = network(person("ann", "bob"), person("bob", "ann"), person("cyd", "ann"))
    assert chain_up(contacts, "cyd") == Chain(("ann", "bob"), cycle=True)
    assert chain_up(contacts, "ann") == Chain(("bob",), cycle=True)


def test_self_referral_is_a_cycle_not_a_hang():
    contacts = network(person("ann", "ann"))
    assert chain_up(contacts, "ann") == Chain((), cycle=True)
    assert build_referrals(contacts, CONFIG.is_target).down("ann") == []


def test_down_lists_whom_they_introduced_in_name_order():
    contacts = network(
        person("ann"),
        person("zed", "ann", name="Zed"),
        person("emi", "ann", name="Émile"),
        person("bea", "ann", name="béa"),
        person("cyd", "emi"),
    )
    referrals = build_referrals(contacts, CONFIG.is_target)
    assert referrals.down("ann") == ["bea", "emi", "zed"]
    assert referrals.down("emi") == ["cyd"]
    assert referrals.down("cyd") == []


def test_path_to_a_hiring_manager_runs_from_your_direct_contact_down():
    contacts = network(
        person("ann"),
        person("bob", "ann"),
        person("hm", "bob", hiring_manager=True, company="ACME Corp."),
    )
    referrals = build_referrals(contacts, CONFIG.is_target)
    assert referrals.paths == {"hm": ("ann", "bob", "hm")}
    assert referrals.hiring_managers_via("ann") == ["hm"]
    assert referrals.hiring_managers_via("hm") == ["hm"]
    assert referrals.on_path("bob")


def test_only_hiring_managers_at_target_companies_get_paths():
    contacts = network(
        person("ann"),
        person("hm1", "ann", hiring_manager=True, company="Initech"),
        person("hm2", "ann", hiring_manager=True, company="Self-employed"),
        person("boss", "ann", company="Acme Corp"),
    )
    referrals = build_referrals(contacts, CONFIG.is_target)
    assert referrals.paths == {}
    assert not referrals.on_path("ann")


def test_index_lists_every_manager_a_contact_leads_to():
    contacts = network(
        person("ann"),
        person("bob", "ann"),
        person("hm2", "bob", hiring_manager=True, company="Globex"),
        person("hm1", "ann", hiring_manager=True, company="Acme Corp"),
        person("other"),
    )
    referrals = build_referrals(contacts, CONFIG.is_target)
    assert referrals.through == {"ann": ["hm1", "hm2"], "bob": ["hm2"], "hm1": ["hm1"], "hm2": ["hm2"]}


def test_a_path_with_a_missing_referrer_starts_at_the_first_known_person():
    contacts = network(person("bob", "ghost"), person("hm", "bob", hiring_manager=True, company="Globex"))
    assert build_referrals(contacts, CONFIG.is_target).paths == {"hm": ("bob", "hm")}


def test_a_path_through_a_cycle_ends_where_the_cycle_closes():
    contacts = network(
        person("ann", "bob"), person("bob", "ann"), person("hm", "ann", hiring_manager=True, company="Globex")
    )
    assert build_referrals(contacts, CONFIG.is_target).paths == {"hm": ("bob", "ann", "hm")}


def test_a_long_chain_is_walked_once_per_manager():
    ids = [f"p{n}" for n in range(5000)]
    people = [person(ids[0])] + [person(ids[n], ids[n - 1]) for n in range(1, 5000)]
    people.append(person("hm", ids[-1], hiring_manager=True, company="Acme Corp"))
    referrals = build_referrals(network(*people), CONFIG.is_target)
    assert referrals.paths["hm"] == (*ids, "hm")
    assert referrals.through["p0"] == ["hm"]
