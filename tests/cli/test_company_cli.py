"""`networkday company` and `networkday opportunity` through networkday.cli.main, on real folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from networkday.cli import main
from tests.conftest import NOW
from tests.storage.saving import private_file


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def cli(data: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(data)])


def out_of(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_company_add_prints_the_id_and_list_shows_targets_first(data: Path, capsys) -> None:
    (data).mkdir()
    (data / "config.toml").write_text('targets = ["Initech"]\n', "utf-8")
    assert cli(data, "add", "Maya", "--company", "ACME Corp.") == 0
    assert cli(data, "company", "add", "Zed") == 0
    assert cli(data, "company", "add", "Acme", "--target", "--alias", "Acme Labs") == 0
    assert out_of(capsys).splitlines()[-2:] == ["zed", "acme"]
    assert cli(data, "company", "list", "--json") == 0
    items = json.loads(out_of(capsys))["companies"]
    assert [(item["id"], item["name"], item["target"], item["people_count"]) for item in items] == [
        ("acme", "Acme", True, 1),
        (None, "Initech", True, 0),
        ("zed", "Zed", False, 0),
    ]
    assert cli(data, "company", "list", "--targets") == 0
    lines = out_of(capsys).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("★ acme")
    assert "1 people" in lines[0]
    assert "(config.toml, no file)" in lines[1]


def test_target_and_untarget_say_what_changed(data: Path, capsys) -> None:
    cli(data, "company", "add", "Acme")
    out_of(capsys)
    assert cli(data, "company", "target", "acme") == 0
    assert cli(data, "company", "target", "acme") == 0
    assert cli(data, "company", "untarget", "acme") == 0
    assert out_of(capsys).splitlines() == ["acme: a target", "acme: a target already", "acme: not a target"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("company", "add", " "), 2, "NAME must not be empty"),
        (("company", "target", "Bad Id"), 2, "is not a company id"),
        (("company", "target", "ghost"), 1, "no company 'ghost'"),
        (("company", "add", "acme labs"), 1, "already the company 'acme'"),
        (("opportunity", "add", "acme", "PM", "--via", "ghost"), 1, "--via 'ghost': no such contact"),
        (("opportunity", "add", "ghost", "PM"), 1, "no company 'ghost'"),
        (("opportunity", "add", "acme", " "), 2, "ROLE must not be empty"),
        (("opportunity", "move", "acme", "offer"), 2, "COMPANY_ID/OPPORTUNITY_ID"),
        (("opportunity", "move", "acme/ghost", "offer"), 1, "no opportunity 'ghost'"),
        (("opportunity", "move", "acme/pm", "lead"), 1, "already at lead"),
    ],
)
def test_every_refusal_is_one_line_and_changes_nothing(data: Path, capsys, args, code, message) -> None:
    cli(data, "company", "add", "Acme", "--alias", "Acme Labs")
    cli(data, "opportunity", "add", "acme", "PM")
    capsys.readouterr()
    before = {path: path.read_bytes() for path in (data / "companies").iterdir()}
    assert cli(data, *args) == code
    _, err = capsys.readouterr()
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert {path: path.read_bytes() for path in (data / "companies").iterdir()} == before


def test_a_bad_stage_is_a_usage_error(data: Path, capsys) -> None:
    with pytest.raises(SystemExit) as raised:
        cli(data, "opportunity", "move", "acme/pm", "hired")
    assert raised.value.code == 2
    assert "invalid choice: 'hired'" in capsys.readouterr().err


def test_opportunity_add_move_and_list(data: Path, capsys) -> None:
    cli(data, "add", "Maya Stone", "--company", "Acme")
    cli(data, "company", "add", "Acme")
    out_of(capsys)
    assert cli(data, "opportunity", "add", "acme", "Staff Engineer", "--via", "maya-stone", "--link", "https://x") == 0
    assert cli(data, "opportunity", "add", "acme", "Cold role", "--stage", "applied") == 0
    assert out_of(capsys).splitlines() == ["acme/staff-engineer", "acme/cold-role"]
    assert cli(data, "opportunity", "move", "acme/staff-engineer", "interview", "--note", "with Dana") == 0
    assert cli(data, "opportunity", "move", "acme/cold-role", "declined") == 0
    assert out_of(capsys).splitlines() == [
        "acme/staff-engineer: lead → interview",
        "acme/cold-role: applied → declined",
    ]
    assert cli(data, "opportunity", "list", "--open", "--json") == 0
    (item,) = json.loads(out_of(capsys))["opportunities"]
    assert {key: item[key] for key in ("id", "company", "role", "stage", "via", "opened")} == {
        "id": "acme/staff-engineer",
        "company": "Acme",
        "role": "Staff Engineer",
        "stage": "interview",
        "via": ["maya-stone"],
        "opened": NOW.date().isoformat(),
    }
    assert [step["stage"] for step in item["steps"]] == ["lead", "interview"]
    assert item["steps"][-1]["note"] == "with Dana"
    assert cli(data, "opportunity", "list") == 0
    lines = out_of(capsys).splitlines()
    assert len(lines) == 2
    assert "via maya-stone" in lines[0]
    assert "(cold)" in lines[1]


def test_a_move_on_yesterday_after_a_step_today_is_saved_in_date_order(data: Path, capsys) -> None:
    cli(data, "company", "add", "Acme")
    cli(data, "opportunity", "add", "acme", "PM")
    assert cli(data, "opportunity", "move", "acme/pm", "applied") == 0
    out_of(capsys)
    assert cli(data, "opportunity", "move", "acme/pm", "interview", "--on", "yesterday") == 0
    assert out_of(capsys) == "acme/pm: interview dated before a later step; still applied\n"
    assert cli(data, "opportunity", "list", "--json") == 0
    (item,) = json.loads(out_of(capsys))["opportunities"]
    assert [step["stage"] for step in item["steps"]] == ["interview", "lead", "applied"]
    assert item["stage"] == "applied"


def test_user_text_is_inert_in_every_listing(data: Path, capsys) -> None:
    cli(data, "company", "add", "Evil\x1b[31m\u202eCo")
    company_id = out_of(capsys).strip()
    cli(data, "opportunity", "add", company_id, "Role\nsecond line\x07")
    out_of(capsys)
    for args in (
        ("company", "list"),
        ("opportunity", "list"),
        ("company", "list", "--json"),
        ("opportunity", "list", "--json"),
    ):
        assert cli(data, *args) == 0
        out = out_of(capsys)
        assert "\x1b" not in out
        assert "\u202e" not in out
        assert "\x07" not in out
    assert cli(data, "opportunity", "list") == 0
    assert len(out_of(capsys).splitlines()) == 1  # the newline in the role is shown as \n


def test_an_unreadable_company_file_is_named_once_and_the_rest_listed(data: Path, capsys) -> None:
    cli(data, "company", "add", "Acme")
    (data / "companies" / "broken.toml").write_text("name = \n", "utf-8")
    capsys.readouterr()
    assert cli(data, "company", "list") == 0
    out, err = capsys.readouterr()
    assert "acme" in out
    assert "1 file(s) could not be read" in err
    assert "broken.toml" in err


def test_review_json_gains_the_funnel_and_what_led_to_the_offer(data: Path, capsys, monkeypatch) -> None:
    """A coffee with Ana led to Ben, Ben to Cy, and Cy opened the role that became an offer this week."""
    cli(data, "add", "Ana", "--company", "Friends")
    cli(data, "add", "Ben", "--referred-by", "ana")
    cli(data, "add", "Cy", "--referred-by", "ben", "--company", "Acme")
    store_contact_motives(data, "ben", ["referrer"])
    cli(data, "log", "ana", "will", "--channel", "coffee")
    cli(data, "log", "ben", "talked", "--channel", "email")
    cli(data, "log", "cy", "scheduled", "--channel", "video")
    cli(data, "company", "add", "Acme", "--target")
    cli(data, "opportunity", "add", "acme", "PM", "--via", "cy", "--stage", "applied")
    cli(data, "opportunity", "add", "acme", "Cold", "--stage", "applied")
    cli(data, "opportunity", "move", "acme/pm", "interview")
    cli(data, "opportunity", "move", "acme/pm", "offer")
    capsys.readouterr()
    assert cli(data, "review", "--json") == 0
    result = json.loads(out_of(capsys))
    assert result["funnel"] == {
        "reached": 3,
        "will_help": 1,
        "introductions": 2,
        "opened": 2,
        "interviews": 1,
        "offers": 1,
    }
    attribution = result["attribution"]
    assert attribution["by_channel"] == {"coffee": 1, "email": 1, "video": 1}
    assert attribution["by_motive"] == {"referrer": 1}
    assert attribution["share_through_people"] == 0.5
    (offer,) = attribution["opportunities"]
    assert (offer["id"], offer["people"]) == ("acme/pm", ["ana", "ben", "cy"])
    assert cli(data, "review") == 0
    assert out_of(capsys).splitlines()[-1] == (
        "Funnel: people reached 3 → people who will help 1 → introductions made 2 → opportunities opened 2"
        " → interviews 1 → offers 1"
    )


def store_contact_motives(data: Path, contact_id: str, motives: list[str]) -> None:
    from networkday.clock import FixedClock
    from networkday.storage.store import Store

    store = Store.open(data, FixedClock(NOW))
    store.update_contact(contact_id, lambda contact: contact.motives.extend(motives))


def test_check_locates_a_bad_stage_and_warns_of_a_via_naming_no_contact(data: Path, capsys) -> None:
    cli(data, "company", "add", "Acme", "--alias", "AC")
    cli(data, "opportunity", "add", "acme", "PM")
    folder = data / "companies"
    acme = folder / "acme.toml"
    acme.write_text(
        acme.read_text("utf-8").replace('stage = "lead"\n', 'stage = "lead"\nvia = ["ghost"]\n', 1), "utf-8"
    )
    private_file(folder / "other.toml", 'format = 1\nname = "Other"\naliases = ["ac"]\n')
    capsys.readouterr()
    assert cli(data, "check") == 0  # warnings only
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{acme}:")
    assert lines[0].endswith("warning: via 'ghost' names no contact")
    assert lines[1] == f"{folder / 'other.toml'}:3:1: warning: 'ac' is also 'acme''s; contacts match 'acme'"
    assert out.endswith("0 contacts, 0 days, 2 companies, no problems\n")
    bad = folder / "bad.toml"
    bad.write_text('format = 1\nname = "Bad"\n\n[[opportunity]]\nid = "x"\nrole = "R"\nstage = "hired"\n', "utf-8")
    assert cli(data, "check") == 1
    err = capsys.readouterr().err
    assert f"{bad}:7:1: unknown stage 'hired' (expected one of lead, applied" in err
    assert bad.read_text("utf-8").endswith('stage = "hired"\n')


def test_check_says_faults_before_warnings_and_guesses_no_via_while_a_contact_is_unreadable(data: Path, capsys) -> None:
    cli(data, "add", "Maya")
    cli(data, "company", "add", "Acme")
    cli(data, "opportunity", "add", "acme", "PM", "--via", "maya")
    cli(data, "company", "add", "Beta", "--alias", "Zeta")
    beta = data / "companies" / "beta.toml"
    private_file(data / "companies" / "zeta.toml", 'name = "zeta"\n')  # a name Beta answers to
    maya = data / "contacts" / "maya.toml"
    maya.write_text("name = [\n", "utf-8")
    capsys.readouterr()
    assert cli(data, "check") == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"{maya}:")
    assert (
        lines[1] == f"{data / 'companies' / 'zeta.toml'}:1:1: warning: 'zeta' is also 'beta''s; contacts match 'beta'"
    )
    assert lines[2] == "1 problem(s) in " + str(data)
    assert not any("names no contact" in line for line in lines)  # maya's file holds maya, unread
    assert beta.exists()


def test_a_companies_folder_that_is_a_file_is_located_and_nothing_is_written(data: Path, capsys) -> None:
    cli(data, "company", "add", "Acme")
    import shutil

    shutil.rmtree(data / "companies")
    (data / "companies").write_text("a file\n", "utf-8")
    capsys.readouterr()
    assert cli(data, "check") == 1
    assert (
        capsys.readouterr().err.splitlines()[0]
        == f"{data / 'companies'}:1:1: not a folder, so nothing in it is read; move it away"
    )
    assert cli(data, "company", "list") == 0
    assert "1 file(s) could not be read" in capsys.readouterr().err
    assert cli(data, "company", "add", "Beta") == 1
    warning, error = capsys.readouterr().err.splitlines()
    assert warning.startswith("networkday: warning: 1 file(s) could not be read")
    assert error == f"networkday: {data / 'companies'}: not saved, the file is unchanged: Not a directory"
    assert (data / "companies").read_text("utf-8") == "a file\n"
