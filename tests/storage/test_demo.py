"""The demo data: a copy whose last day is today, valid format v1, with something for every screen."""

from __future__ import annotations

import os
import stat
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from networkday import cli
from networkday.clock import FixedClock
from networkday.domain.vocab import CHANNELS, OUTCOMES
from networkday.paths import resource
from networkday.storage.demo import ANCHOR_FILE, demo_copy
from networkday.storage.problems import StoreError
from networkday.storage.store import Store

#: A day far from the anchor whose two weeks cross a year boundary.
TODAY = date(2027, 1, 5)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    return demo_copy(TODAY, tmp_path / "demo")


@pytest.fixture
def demo(copy: Path, clock: FixedClock) -> Store:
    return Store.open(copy, clock)


def anchor() -> date:
    return date.fromisoformat((resource("demo") / ANCHOR_FILE).read_text("utf-8").strip())


def test_the_copy_passes_check_with_no_problems_and_no_warnings(copy: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["check", "--data-dir", str(copy)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == f"{copy}: 40 contacts, 14 days, 7 companies, no problems"
    assert err == ""


def test_the_two_weeks_of_days_end_today_in_their_year_folders(copy: Path, demo: Store) -> None:
    wanted = {TODAY - timedelta(days=n) for n in range(14)}
    assert {date.fromordinal(ordinal) for ordinal in demo.days} == wanted
    files = {path.relative_to(copy / "days").as_posix() for path in (copy / "days").rglob("*.toml")}
    assert files == {f"{day.year}/{day.isoformat()}.toml" for day in wanted}


def test_today_has_planned_calls_some_made_and_a_finished_timer_session(demo: Store) -> None:
    today = demo.day(TODAY)
    made = [call for call in today.calls if call.made]
    assert len(today.calls) >= demo.config.calls_per_day
    assert made
    assert len(made) < len(today.calls)
    assert all(call.at is not None and call.at.date() == TODAY for call in made)
    assert today.time
    assert today.running_session is None


def test_follow_ups_are_overdue_due_and_later_relative_to_today(demo: Store) -> None:
    follow_ups = [s.follow_up_date for s in demo.contacts.values() if s.follow_up_date]
    assert any(day < TODAY for day in follow_ups)
    assert any(day == TODAY for day in follow_ups)
    assert any(day > TODAY for day in follow_ups)


def test_a_referral_chain_of_two_steps_leads_to_a_hiring_manager_at_a_target(demo: Store) -> None:
    def chain_length(contact_id: str) -> int:
        steps, seen = 0, {contact_id}
        current = demo.contacts[contact_id].referred_by
        while current in demo.contacts and current not in seen:
            steps += 1
            seen.add(current)
            current = demo.contacts[current].referred_by
        return steps

    managers = [s.id for s in demo.contacts.values() if s.hiring_manager and demo.config.is_target(s.company)]
    assert max(chain_length(contact_id) for contact_id in managers) >= 2
    assert all(s.referred_by in demo.contacts for s in demo.contacts.values() if s.referred_by)


def test_made_calls_match_the_contacts_histories(demo: Store) -> None:
    calls = [call for ordinal in demo.days for call in demo.day(date.fromordinal(ordinal)).calls]
    assert all(call.contact in demo.contacts for call in calls)
    for call in calls:
        if call.made:
            entries = {(e.at, e.channel, e.outcome) for e in demo.contact(call.contact).log}
            assert (call.at, call.channel, call.outcome) in entries, call


def test_every_channel_and_outcome_and_people_never_contacted_appear(demo: Store) -> None:
    entries = [entry for summary in demo.contacts.values() for entry in summary.entries]
    assert {entry[1] for entry in entries} == set(CHANNELS)
    assert {entry[2] for entry in entries if entry[2]} == set(OUTCOMES)
    never = [s for s in demo.contacts.values() if not s.entries]
    assert any(s.referred_by for s in never)
    assert any(s.referred_by is None for s in never)


def test_markup_in_notes_is_copied_as_plain_text(demo: Store) -> None:
    notes = [demo.contact(contact_id).notes for contact_id in demo.contacts]
    assert any("[b]" in text and "[@click=app.quit]" in text for text in notes)


def test_the_copy_is_private_even_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        copy = demo_copy(TODAY, tmp_path / "demo")
    finally:
        os.umask(old)
    for path in [copy, *copy.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_by_default_the_copy_goes_to_a_new_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    first = demo_copy(TODAY)
    second = demo_copy(TODAY)
    assert first != second
    assert first.parent == tmp_path
    assert first.name.startswith("networkday-demo-")
    assert stat.S_IMODE(first.stat().st_mode) == 0o700


def test_without_a_date_the_copy_follows_the_pinned_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", "2027-03-01T09:30:00+01:00")
    copy = demo_copy(target=tmp_path / "demo")
    assert (copy / "days" / "2027" / "2027-03-01.toml").is_file()


def test_a_copy_for_the_anchor_day_is_byte_identical(tmp_path: Path) -> None:
    source = resource("demo")
    copy = demo_copy(anchor(), tmp_path / "demo")
    copied = sorted(path.relative_to(copy) for path in copy.rglob("*.toml"))
    assert copied == sorted(path.relative_to(source) for path in source.rglob("*.toml"))
    assert all((copy / path).read_bytes() == (source / path).read_bytes() for path in copied)


def test_config_has_no_dates_so_its_comments_survive_any_shift(copy: Path) -> None:
    assert (copy / "config.toml").read_bytes() == (resource("demo") / "config.toml").read_bytes()


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(StoreError, match="not empty"):
        demo_copy(TODAY, target)
    assert [path.name for path in target.iterdir()] == ["keep.txt"]


def test_five_targets_one_with_no_path_and_opportunities_at_every_stage(demo: Store) -> None:
    from networkday.domain.companies import STAGES

    companies = demo.companies()
    targets = [company for company in companies if companies.is_target(company.name)]
    assert len(targets) == 5
    assert len(companies.config_targets) == 4  # the fifth is marked in its file alone
    managers = {companies.of_contact(s.company) for s in demo.contacts.values() if s.hiring_manager}
    assert [company.name for company in targets if company not in managers] == ["Quarry Labs"]
    assert {item.stage for company in companies for item in company.opportunities} == set(STAGES)
    assert companies.without_file() == []


def test_the_offer_runs_back_through_three_people_to_a_coffee(demo: Store) -> None:
    from networkday.services.pipeline import attribution_of

    attribution = attribution_of(demo, demo.companies())
    offers = [item for item in attribution.behind if item.opportunity.stage == "offer"]
    assert len(offers) == 1
    people = offers[0].people
    assert len(people) == 3
    assert [demo.contacts[person].referred_by for person in people] == [None, people[0], people[1]]
    first = demo.contacts[people[0]]
    assert any(entry[1] == "coffee" for entry in first.entries)
    assert "coffee" in offers[0].channels


def test_the_last_days_show_the_story_in_the_journal_and_the_funnel(demo: Store) -> None:
    """Today the offer came (the journal says so); the days before, the interviews and the other offer."""
    from networkday.services.figures import day_figures
    from networkday.services.pipeline import funnel_of

    moves = day_figures(demo, TODAY).moves
    assert [(move.company, move.stages) for move in moves] == [("Brightwater Health", ("offer",))]
    funnel = funnel_of(demo, demo.companies(), TODAY - timedelta(days=2), TODAY)
    assert (funnel.interviews, funnel.offers) == (2, 2)
    assert funnel.reached > funnel.will_help > 0
    assert funnel.introductions > 0
