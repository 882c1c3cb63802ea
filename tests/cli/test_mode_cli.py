"""`networkday mode`: prints the mode and where it comes from, switches it in state.toml, never in config.toml."""

from __future__ import annotations

import json
import os
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.storage.store import Store
from tests.conftest import NOW


@pytest.fixture
def data(tmp_path: Path, command_env: None) -> Path:
    root = tmp_path / "data"
    store = Store.open(root, FixedClock(NOW))
    store.add_contacts(
        [
            Contact(id="", name="Ada Lovelace", motives=["searching"]),
            Contact(id="", name="Alan Kay", log=[LogEntry(at=NOW - timedelta(days=2), they_asked="a referral")]),
            Contact(id="", name="Grace Hopper", hiring_manager=True),
        ]
    )
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_no_argument_prints_the_mode_and_its_source(data: Path, capsys: pytest.CaptureFixture[str]):
    code, out, _ = run(capsys, "mode", "--data-dir", str(data))
    assert code == 0
    assert out.startswith("job-search (the default")
    (data / "config.toml").write_text("[mode]\njob_search = false\n")
    os.chmod(data / "config.toml", 0o600)
    assert run(capsys, "mode", "--data-dir", str(data))[1] == "helping ([mode] job_search in config.toml)\n"


def test_switching_writes_state_toml_only_and_wins_over_config(data: Path, capsys: pytest.CaptureFixture[str]):
    config = data / "config.toml"
    config.write_text("# mine\n[mode]\njob_search = false\n")
    os.chmod(config, 0o600)
    before = config.read_bytes()
    code, out, _ = run(capsys, "mode", "job-search", "--data-dir", str(data))
    assert code == 0
    assert out.startswith("job-search (chosen with `networkday mode`")
    assert config.read_bytes() == before
    state = data / ".networkday" / "state.toml"
    assert 'mode = "job-search"' in state.read_text()
    assert state.stat().st_mode & 0o777 == 0o600
    assert run(capsys, "mode", "--data-dir", str(data))[1].startswith("job-search (chosen")
    run(capsys, "mode", "helping", "--data-dir", str(data))
    assert run(capsys, "mode", "--data-dir", str(data))[1].startswith("helping (chosen")


def test_switching_keeps_the_other_state_and_every_record(data: Path, capsys: pytest.CaptureFixture[str]):
    state = data / ".networkday" / "state.toml"
    state.write_text('theme = "nord"\n')
    contacts = sorted((p.name, p.read_bytes()) for p in (data / "contacts").iterdir())
    run(capsys, "mode", "helping", "--data-dir", str(data))
    run(capsys, "mode", "job-search", "--data-dir", str(data))
    assert 'theme = "nord"' in state.read_text()
    assert sorted((p.name, p.read_bytes()) for p in (data / "contacts").iterdir()) == contacts


def test_an_unknown_mode_is_a_usage_error(data: Path, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as caught:
        main(["mode", "employed", "--data-dir", str(data)])
    assert caught.value.code == 2
    assert not (data / ".networkday" / "state.toml").exists()


def test_a_damaged_state_is_reported_not_overwritten(data: Path, capsys: pytest.CaptureFixture[str]):
    state = data / ".networkday" / "state.toml"
    state.write_text('mode = "employed"\n')
    code, out, err = run(capsys, "mode", "--data-dir", str(data))
    assert (code, out) == (
        0,
        "job-search (the default; set [mode] job_search in config.toml or run `networkday mode`)\n",
    )
    assert "state.toml" in err
    code, _, err = run(capsys, "mode", "helping", "--data-dir", str(data))
    assert code == 1
    assert "'mode' must be one of job-search, helping" in err
    assert "not overwritten" in err
    assert state.read_text() == 'mode = "employed"\n'
    code, out, err = run(capsys, "check", "--data-dir", str(data))
    assert code == 1
    assert "state.toml:1:1: 'mode' must be one of job-search, helping" in out + err


def test_a_bad_config_value_is_reported_by_check(data: Path, capsys: pytest.CaptureFixture[str]):
    (data / "config.toml").write_text("[goals]\ngives_per_week = -2\n")
    os.chmod(data / "config.toml", 0o600)
    code, out, err = run(capsys, "check", "--data-dir", str(data))
    assert code == 1
    assert "config.toml:2:1: 'gives_per_week' must be between 0 and 100" in out + err


def test_today_in_helping_mode_suggests_whom_to_help(data: Path, capsys: pytest.CaptureFixture[str]):
    run(capsys, "mode", "helping", "--data-dir", str(data))
    code, out, _ = run(capsys, "today", "--json", "--data-dir", str(data))
    assert code == 0
    answer = json.loads(out)
    assert answer["gives"] == {"week": 0, "goal": 3}
    rows = [(row["contact"], row["rank_reason"]) for row in answer["queue"]]
    assert rows == [("alan-kay", "asked you “a referral” 2 days ago"), ("ada-lovelace", "searching, never contacted")]
    assert run(capsys, "today", "--data-dir", str(data))[1].startswith("2026-11-25  helping · gave 0 of 3 this week\n")
    run(capsys, "mode", "job-search", "--data-dir", str(data))
    assert json.loads(run(capsys, "today", "--json", "--data-dir", str(data))[1])["gives"] is None
    rows = json.loads(run(capsys, "today", "--json", "--data-dir", str(data))[1])["queue"]
    assert "grace-hopper" in [row["contact"] for row in rows]  # a job search: everyone due, ranked


def test_the_timer_has_no_share_goal_in_helping_mode(data: Path, capsys: pytest.CaptureFixture[str]):
    run(capsys, "timer", "start", "networking", "--data-dir", str(data))
    assert " of 85%" in run(capsys, "timer", "status", "--data-dir", str(data))[1]
    run(capsys, "mode", "helping", "--data-dir", str(data))
    status = run(capsys, "timer", "status", "--data-dir", str(data))[1]
    assert "networking" in status
    assert "goal" not in status
    report = json.loads(run(capsys, "timer", "report", "--json", "--data-dir", str(data))[1])
    assert report["share_goal"] is None


def test_log_records_what_they_asked_whom_you_introduced_and_what_they_landed(
    data: Path, capsys: pytest.CaptureFixture[str]
):
    argv = ["log", "ada-lovelace", "talked", "--they-asked", "an intro", "--gave", "an intro to Grace"]
    assert (
        run(capsys, *argv, "--introduced", "grace-hopper", "--introduced", "Bo Chen", "--data-dir", str(data))[0] == 0
    )
    assert run(capsys, "log", "ada-lovelace", "talked", "--landed", "Staff engineer", "--data-dir", str(data))[0] == 0
    log = tomllib.loads((data / "contacts" / "ada-lovelace.toml").read_text())["log"]
    assert (log[0]["they_asked"], log[0]["introduced"]) == ("an intro", ["grace-hopper", "Bo Chen"])
    assert log[1]["landed"] == "Staff engineer"
    run(capsys, "mode", "helping", "--data-dir", str(data))
    review = json.loads(run(capsys, "review", "--json", "--data-dir", str(data))[1])["helping"]
    assert review["gives"] == 1
    assert [i["to"] for i in review["introductions"]] == [["grace-hopper", "Bo Chen"]]
    assert review["helped_land"] == [
        {"date": NOW.date().isoformat(), "contact": "ada-lovelace", "landed": "Staff engineer"}
    ]
    out = run(capsys, "review", "--data-dir", str(data))[1]
    assert "Helping: gave 1 · 2 introductions made · helped 1 land: Ada Lovelace (Staff engineer)" in out
