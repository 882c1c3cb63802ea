"""`networkday template list` and `template fill` through networkday.cli.main, on real folders."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from networkday.cli import build_parser, main
from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.storage.store import Store
from networkday.storage.templates import templates_dir
from tests.conftest import NOW
from tests.storage.saving import private_file


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    store = Store.open(root, FixedClock(NOW))
    sam = store.add_contact(Contact(id="", name="Sam Lee"))
    store.add_contact(
        Contact(
            id="",
            name="Jane Doe",
            company="Acme",
            email=["jane@example.com"],
            referred_by=sam.id,
            motives=["curiosity"],
            log=[LogEntry(at=NOW - timedelta(days=2), channel="phone", outcome="talked", note="Wants a Rust intro")],
        )
    )
    return root


def cli(data: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(data)])


def test_list_shows_each_name_with_its_subject(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data, "template", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[0] == "follow-up"
    assert "thank-you             Thank you, {first_name}" in lines


def test_list_json_has_a_version_and_every_template(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    private_file(templates_dir(data) / "bad.txt", b"\xff\xfe")
    assert cli(data, "template", "list", "--json") == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["version"] == 1
    assert report["folder"] == str(templates_dir(data))
    names = [item["name"] for item in report["templates"]]
    assert names == ["follow-up", "introduction-request", "outreach", "outreach-referred", "thank-you"]
    assert report["templates"][-1] == {
        "name": "thank-you",
        "path": str(templates_dir(data) / "thank-you.txt"),
        "summary": "Thank you, {first_name}",
    }
    assert report["problems"] == [f"{templates_dir(data) / 'bad.txt'}:1:1: not UTF-8 text; save it as UTF-8"]
    assert f"warning: {templates_dir(data) / 'bad.txt'}:1:1" in captured.err


def test_fill_prints_the_message_for_the_person(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data, "template", "fill", "outreach-referred", "jane-doe") == 0
    out = capsys.readouterr().out
    assert out.startswith("Subject: Sam Lee suggested we talk\n\nHi Jane,\n\nSam Lee suggested I get in touch")
    assert "about Acme." in out
    assert "#" not in out  # the notes to the writer stay out
    assert cli(data, "template", "fill", "thank-you", "jane-doe") == 0
    assert "Thank you for talking with me on Monday." in capsys.readouterr().out


def test_fill_uses_the_users_own_text(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    private_file(
        templates_dir(data) / "note.txt",
        "# {motive_hint}\nLast time ({last_talk}): {last_talk_note}. {unknown} {{braces}}\n",
    )
    assert cli(data, "template", "fill", "note", "jane-doe") == 0
    assert capsys.readouterr().out == "Last time (on Monday): Wants a Rust intro. {unknown} {braces}\n"


def test_hostile_record_text_stays_text(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(data, FixedClock(NOW))
    store.update_contact("jane-doe", lambda contact: setattr(contact, "company", "\x1b]52;c;ZXZpbA==\x07{name}[b]"))
    assert cli(data, "template", "fill", "outreach", "jane-doe") == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "Subject: A question about your work at ]52;c;ZXZpbA=={name}[b]\n" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope", "jane-doe"), "no template called 'nope'"),
        (("../config", "jane-doe"), "no template called '../config'"),
        (("outreach", "bob"), "no contact 'bob'"),
        (("outreach", "../etc"), "CONTACT_ID '../etc' is not a contact id"),
    ],
)
def test_unknown_template_or_contact_is_one_line_and_exit_1(
    data: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, str], message: str
) -> None:
    assert cli(data, "template", "fill", *args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert message in captured.err


def test_a_missing_data_folder_is_said_and_not_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(tmp_path / "none", "template", "list") == 1
    assert "no data folder" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()


def test_help_has_an_example_and_every_argument_explained(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser(["template"]).parse_args(["template", "fill", "--help"])
    text = capsys.readouterr().out
    assert "networkday template fill thank-you jane-doe" in text
    assert "the template's name" in text
    assert "the person's id" in text
