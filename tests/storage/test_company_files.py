"""Company files in a real data folder: ids, modes, unknown keys, broken files, and other writers' changes kept."""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import replace

import pytest

from networkday.domain.companies import Company, Opportunity
from networkday.storage.problems import ProblemError, StoreError
from networkday.storage.store import Store
from tests.storage.test_company_services import parses
from tests.storage.test_unlocked_writers import Writer


def test_a_new_company_gets_an_id_from_its_name_and_private_modes(store: Store) -> None:
    first = store.add_company(Company(id="", name="Zoë Labs, Inc."))
    second = store.add_company(Company(id="", name="Zoe Labs!"))
    assert (first.id, second.id) == ("zoe-labs-inc", "zoe-labs")
    third = store.add_company(Company(id="", name="zoe labs?"))
    assert third.id == "zoe-labs-2"
    with pytest.raises(StoreError, match="'ZOE LABS' is already the company 'zoe-labs-inc'"):
        store.add_company(Company(id="", name="ZOE LABS"))
    folder = store.root / "companies"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "zoe-labs.toml").stat().st_mode) == 0o600
    assert [company.id for company in store.companies()] == ["zoe-labs", "zoe-labs-2", "zoe-labs-inc"]


def test_no_companies_folder_is_no_companies_and_start_up_makes_none(store: Store) -> None:
    assert len(store.companies()) == 0
    assert not (store.root / "companies").exists()


def test_unknown_keys_survive_a_rewrite_at_every_level(store: Store) -> None:
    path = store.root / "companies" / "acme.toml"
    path.parent.mkdir(mode=0o700)
    path.write_text(
        'format = 1\nname = "Acme"\ncolour = "red"\n\n[extra]\nkept = true\n\n'
        '[[opportunity]]\nid = "pm"\nrole = "PM"\nstage = "lead"\nsalary = 100\n\n'
        '[[opportunity.step]]\nat = 2026-11-01\nstage = "lead"\nmood = "keen"\n',
        "utf-8",
    )
    store.update_company("acme", lambda company: replace(company, target=True))
    table = tomllib.loads(path.read_text("utf-8"))
    assert table["target"] is True
    assert table["colour"] == "red"
    assert table["extra"] == {"kept": True}
    assert table["opportunity"][0]["salary"] == 100
    assert table["opportunity"][0]["step"][0]["mood"] == "keen"
    assert table["opportunity"][0]["step"][0]["at"].isoformat() == "2026-11-01T00:00:00+01:00"  # Berlin's midnight


def test_a_broken_file_is_located_left_alone_and_the_others_still_read(store: Store) -> None:
    store.add_company(Company(id="", name="Good"))
    bad = store.root / "companies" / "bad.toml"
    bad.write_text('format = 1\nname = "Bad"\npriority = 7\n', "utf-8")
    before = bad.read_bytes()
    assert [company.id for company in store.companies()] == ["good"]
    problem = store.problems[bad]
    assert (problem.line, problem.column) == (3, 1)
    assert "'priority' must be between 1 and 3" in problem.message
    with pytest.raises(ProblemError, match=r"bad\.toml:3:1"):
        store.update_company("bad", lambda company: replace(company, target=True))
    assert bad.read_bytes() == before
    bad.write_text('format = 1\nname = "Bad"\n', "utf-8")
    os.utime(bad, ns=(1, 1))  # a hand fix: read again though the size may match
    assert [company.id for company in store.companies()] == ["bad", "good"]
    assert bad not in store.problems


def test_a_file_name_that_is_no_id_is_reported_not_read(store: Store) -> None:
    folder = store.root / "companies"
    folder.mkdir(mode=0o700)
    (folder / "Big Co.toml").write_text('name = "Big"\n', "utf-8")
    assert len(store.companies()) == 0
    assert "rename it, for example to big-co.toml" in store.problems[folder / "Big Co.toml"].message


def test_an_edit_made_between_the_read_and_the_rename_is_kept(store: Store) -> None:
    company = store.add_company(Company(id="", name="Acme"))
    path = store.company_path(company.id)
    writer = Writer(path, "notes")
    try:

        def change(current: Company) -> Company:
            if current.notes != "by hand":
                writer.write("by hand")  # lands after the read this change was applied to
            return replace(current, target=True)

        saved = store.update_company(company.id, change)
    finally:
        writer.close()
    table = tomllib.loads(path.read_text("utf-8"))
    assert table["notes"] == "by hand"
    assert table["target"] is True
    assert saved.notes == "by hand"


def test_a_missing_company_is_said_and_nothing_is_made(store: Store) -> None:
    with pytest.raises(StoreError, match="no company 'ghost'"):
        store.update_company("ghost", lambda company: company)
    assert not (store.root / "companies" / "ghost.toml").exists()


def test_an_unchanged_company_is_not_written(store: Store) -> None:
    company = store.add_company(Company(id="", name="Acme"))
    path = store.company_path(company.id)
    before = path.stat().st_mtime_ns, path.stat().st_ino
    store.update_company(company.id, lambda current: current)
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before


def test_opportunities_and_their_steps_round_trip(store: Store) -> None:
    now = store.clock.now()
    opportunity = Opportunity(id="pm", role="PM", stage="lead", via=("maya",)).moved("applied", now, "sent")
    company = store.add_company(Company(id="", name="Acme", opportunities=(opportunity,)))
    assert store.company(company.id) == company
    assert store.companies().get("acme") == company


def test_config_targets_count_without_a_file(store: Store) -> None:
    (store.root / "config.toml").write_text('targets = ["Initech"]\n', "utf-8")
    store.load_config()
    store.add_company(Company(id="", name="Acme", target=True))
    companies = store.companies()
    assert companies.is_target("initech")
    assert companies.is_target("ACME")
    assert companies.without_file() == ["Initech"]


def test_a_second_read_parses_only_changed_files(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("One", "Two", "Three"):
        store.add_company(Company(id="", name=name))
    store.companies()
    parsed = parses(store, monkeypatch)
    store.update_company("two", lambda company: replace(company, notes="changed"))
    assert [company.notes for company in store.companies() if company.id == "two"] == ["changed"]
    assert parsed == [store.company_path("two")]


def test_a_company_written_by_a_newer_networkday_is_read_but_never_written(store: Store) -> None:
    path = store.root / "companies" / "future.toml"
    path.parent.mkdir(mode=0o700)
    path.write_text('format = 2\nname = "Future"\n', "utf-8")
    assert store.company("future").name == "Future"
    with pytest.raises(StoreError, match="newer networkday"):
        store.update_company("future", lambda company: replace(company, target=True))
    assert path.read_text("utf-8") == 'format = 2\nname = "Future"\n'


def test_ids_that_could_leave_the_folder_are_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="not a company id"):
        store.company("../contacts/x")


def test_a_broken_file_removed_since_takes_its_problem_with_it(store: Store) -> None:
    store.add_company(Company(id="", name="Good"))
    bad = store.root / "companies" / "bad.toml"
    bad.write_text("name = [\n", "utf-8")
    other = store.root / "companies" / "worse.toml"
    other.write_text("name = [\n", "utf-8")
    store.companies()
    assert {bad, other} <= set(store.problems)
    bad.unlink()
    other.unlink()
    assert [company.id for company in store.companies()] == ["good"]
    assert not {bad, other} & set(store.problems)
