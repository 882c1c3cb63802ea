"""The company and opportunity operations on a real folder, and the queue ranking by the targets they mark."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.companies import Step
from networkday.domain.contact import Contact
from networkday.services import companies as service
from networkday.services.queue import day_queue
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


def parses(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The company files the store parses from now on, in order."""
    parsed: list[Path] = []
    load = store.records.load

    def counting(path: Path, make):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return load(path, make)

    monkeypatch.setattr(store.records, "load", counting)
    return parsed


@pytest.fixture
def maya(store: Store) -> Contact:
    return store.add_contact(Contact(id="", name="Maya Stone", company="Acme"))


def test_a_company_answering_to_a_known_name_or_alias_is_refused(store: Store) -> None:
    acme = service.add_company(store, "Acme", target=True, aliases=["Acme Labs", "", "ACME labs", "acme corp", "AL"])
    assert acme.aliases == ("Acme Labs", "AL")  # each spelling once; "acme corp" is the name's own
    with pytest.raises(StoreError, match="already the company 'acme'"):
        service.add_company(store, "acme labs")
    with pytest.raises(StoreError, match="already the company 'acme'"):
        service.add_company(store, "Other", aliases=["Açme"])
    with pytest.raises(StoreError, match="placeholder"):
        service.add_company(store, "Self-employed")
    assert [company.id for company in store.companies()] == ["acme"]


def test_marking_a_target_and_back(store: Store) -> None:
    service.add_company(store, "Acme")
    assert service.set_target(store, "acme", True).target
    assert store.companies().is_target("Acme")
    assert not service.set_target(store, "acme", False).target
    assert not store.companies().is_target("Acme")


def test_an_opportunity_opens_today_with_its_first_step_dated_now(store: Store, maya: Contact) -> None:
    service.add_company(store, "Acme")
    placed = service.add_opportunity(store, "acme", "Staff Engineer", via=[maya.id, maya.id], link=" https://x/1 ")
    now = store.clock.now().replace(microsecond=0)
    assert placed.ref == "acme/staff-engineer"
    assert placed.opportunity.via == (maya.id,)
    assert placed.opportunity.opened == now.date()
    assert placed.opportunity.steps == (Step(now, "lead"),)
    assert placed.opportunity.link == "https://x/1"
    again = service.add_opportunity(store, "acme", "Staff Engineer", stage="applied")
    assert again.ref == "acme/staff-engineer-2"
    assert [item.ref for item in service.opportunities(store.companies())] == [placed.ref, again.ref]


def test_an_opportunity_through_an_unknown_contact_is_refused_and_nothing_written(store: Store) -> None:
    company = service.add_company(store, "Acme")
    before = store.company_path(company.id).read_bytes()
    with pytest.raises(StoreError, match="--via 'ghost': no such contact"):
        service.add_opportunity(store, "acme", "PM", via=["ghost"])
    with pytest.raises(StoreError, match="unknown stage 'hired'"):
        service.add_opportunity(store, "acme", "PM", stage="hired")
    with pytest.raises(StoreError, match="no company 'nope'"):
        service.add_opportunity(store, "nope", "PM")
    assert store.company_path(company.id).read_bytes() == before


def test_a_move_is_dated_with_its_note_and_the_same_stage_is_refused(store: Store, clock: FixedClock) -> None:
    service.add_company(store, "Acme")
    service.add_opportunity(store, "acme", "PM")
    clock.advance(days=3)
    moved = service.move_opportunity(store, "acme/pm", "interview", "with Dana")
    assert moved.opportunity.stage == "interview"
    assert moved.opportunity.steps[-1] == Step(clock.now().replace(microsecond=0), "interview", "with Dana")
    path = store.company_path("acme")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="already at interview"):
        service.move_opportunity(store, "acme/pm", "interview")
    with pytest.raises(StoreError, match="no opportunity 'cto'"):
        service.move_opportunity(store, "acme/cto", "offer")
    assert path.read_bytes() == before
    table = tomllib.loads(path.read_text("utf-8"))
    assert [step["stage"] for step in table["opportunity"][0]["step"]] == ["lead", "interview"]


@pytest.mark.parametrize("ref", ["acme", "acme/", "/pm", "acme/pm/x", ""])
def test_a_reference_not_of_the_form_company_slash_opportunity_is_refused(ref: str) -> None:
    with pytest.raises(StoreError, match="COMPANY_ID/OPPORTUNITY_ID"):
        service.split_ref(ref)


def test_open_only_leaves_out_ended_opportunities(store: Store) -> None:
    service.add_company(store, "Acme")
    service.add_opportunity(store, "acme", "PM")
    service.add_opportunity(store, "acme", "CTO", stage="declined")
    assert [item.ref for item in service.opportunities(store.companies(), open_only=True)] == ["acme/pm"]


def test_targets_come_first_by_priority_then_by_name(store: Store) -> None:
    (store.root / "config.toml").write_text('targets = ["Zeta"]\n', "utf-8")
    store.load_config()
    for name in ("Beta", "Alpha", "Zeta"):
        service.add_company(store, name)
    service.add_company(store, "Gamma", target=True)
    store.update_company("beta", lambda c: replace(c, target=True, priority=1))
    assert [c.name for c in service.ordered(store.companies())] == ["Beta", "Gamma", "Zeta", "Alpha"]


def test_a_company_marked_target_ranks_the_way_to_its_hiring_manager(store: Store) -> None:
    """No config.toml target: the company file's flag alone puts Maya on the path to Dana."""
    maya = store.add_contact(Contact(id="", name="Maya", company="Friends"))
    store.add_contact(Contact(id="", name="Dana", company="ACME Inc", hiring_manager=True, referred_by=maya.id))
    today = store.clock.today()
    assert day_queue(store, today).toward[maya.id] == []
    service.add_company(store, "Acme")
    assert day_queue(store, today).toward[maya.id] == []
    service.set_target(store, "acme", True)
    assert day_queue(store, today).toward[maya.id] == ["dana"]


def test_a_config_target_naming_an_alias_ranks_the_way_to_the_hiring_manager_at_its_name(store: Store) -> None:
    """config.toml says "ZL Corp"; Dana's company says "Zoe Labs"; the file says both are one company."""
    maya = store.add_contact(Contact(id="", name="Maya", company="Friends"))
    store.add_contact(Contact(id="", name="Dana", company="Zoe Labs", hiring_manager=True, referred_by=maya.id))
    service.add_company(store, "Zoë Labs", aliases=["ZL Corp"])
    service.add_company(store, "Beta")
    (store.root / "config.toml").write_text('targets = ["ZL Corp"]\n', "utf-8")
    store.load_config()
    assert store.company_targets() == ["Zoë Labs", "ZL Corp"]
    assert day_queue(store, store.clock.today()).toward[maya.id] == ["dana"]
    (store.root / "config.toml").write_text('targets = ["Beta"]\n', "utf-8")
    store.load_config()
    assert store.company_targets() == ["Beta"]


def test_a_config_target_written_with_an_escape_in_the_file_is_still_found(store: Store) -> None:
    path = store.company_path("zoe")
    path.parent.mkdir(mode=0o700)
    path.write_text('format = 1\nname = "Zo\\u00EB Labs"\n', "utf-8")
    path.chmod(0o600)
    (store.root / "config.toml").write_text('targets = ["zoe labs"]\n', "utf-8")
    store.load_config()
    assert store.company_targets() == ["Zoë Labs"]


def test_the_targets_read_parses_no_file_that_never_says_target(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    service.add_company(store, "Acme", target=True, aliases=["Acme Labs"])
    service.add_company(store, "Beta")
    parsed = parses(store, monkeypatch)
    assert store.company_targets() == ["Acme", "Acme Labs"]
    assert parsed == [store.company_path("acme")]
    assert store.company_targets() == ["Acme", "Acme Labs"]
    assert parsed == [store.company_path("acme")]  # kept while the file is unchanged


def test_with_config_targets_the_targets_read_parses_only_files_that_may_name_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.add_company(store, "Zoë Labs", aliases=["ZL Corp"])
    service.add_company(store, "Beta")
    (store.root / "config.toml").write_text('targets = ["zoe labs"]\n', "utf-8")
    store.load_config()
    parsed = parses(store, monkeypatch)
    assert store.company_targets() == ["Zoë Labs", "ZL Corp"]
    assert parsed == [store.company_path("zoe-labs")]


def test_a_company_saved_makes_the_preview_of_today_stale(store: Store) -> None:
    """Marking a target changes the queue, so the preview the next start would draw first is not used."""
    from networkday.storage.preview_stamp import stamp

    service.add_company(store, "Acme")
    today = store.clock.today()
    before = stamp(store, today)
    service.set_target(store, "acme", True)
    assert stamp(store, today) != before


def test_the_openings_read_parses_only_files_that_mention_an_opportunity(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What Today reads to name the opportunity a call serves: a few files, each again only once it changed."""
    service.add_company(store, "Acme")
    service.add_company(store, "Beta")
    service.add_company(store, "Gamma")
    service.add_opportunity(store, "acme", "Staff engineer")
    service.add_opportunity(store, "gamma", "Designer")
    service.move_opportunity(store, "gamma/designer", "closed")
    parsed = parses(store, monkeypatch)
    assert [company.id for company in store.company_openings()] == ["acme"]
    assert sorted(parsed) == [store.company_path("acme"), store.company_path("gamma")]
    parsed.clear()
    assert [company.id for company in store.company_openings()] == ["acme"]
    assert parsed == []  # kept while the files are unchanged
    service.move_opportunity(store, "acme/staff-engineer", "declined")
    parsed.clear()
    assert store.company_openings() == []
    assert [path.name for path in parsed if path.parent == store.company_path("acme").parent] == ["acme.toml"]


def test_a_broken_company_file_names_no_opportunity_on_today(store: Store) -> None:
    service.add_company(store, "Acme")
    store.company_path("acme").write_text('name = "Acme"\n[[opportunity]]\nid = "Bad Id"\n', "utf-8")
    assert store.company_openings() == []
