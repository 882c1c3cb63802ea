"""`networkday brief ID`: the call brief as plain text and as JSON, from a real folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from networkday.cli import main, modules_for
from networkday.clock import FixedClock
from networkday.storage.store import Store
from tests.conftest import NOW

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path: Path, command_env: None, capsys: pytest.CaptureFixture[str]) -> Path:
    """Marcus introduced Priya, a hiring manager at Lumen, a target with an opportunity she opened."""
    folder = tmp_path / "data"
    cli(folder, "add", "Marcus Oyelaran", "--company", "Lumen Analytics", "--title", "Data Scientist")
    cli(folder, "add", "Priya Raman", "--company", "Lumen", "--referred-by", "marcus-oyelaran", "--hiring-manager")
    cli(folder, "log", "priya-raman", "scheduled", "--channel", "email", "--asked", "30 minutes", "--note", "Booked.")
    cli(folder, "company", "add", "Lumen Analytics", "--target", "--alias", "Lumen")
    cli(folder, "opportunity", "add", "lumen-analytics", "Senior PM", "--via", "priya-raman", "--stage", "interview")
    store = Store.open(folder, FixedClock(NOW))

    def motives(contact) -> None:
        contact.motives = ["referrer", "recognition"]
        contact.met = "Introduced by Marcus over email"

    store.update_contact("priya-raman", motives)
    capsys.readouterr()
    return folder


def cli(data: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(data)])


def test_the_plain_brief_says_every_part_in_words(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data, "brief", "priya-raman") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Call brief: Priya Raman (priya-raman)",
        "",
        "Who",
        "  Lumen · hiring manager",
        "  met: Introduced by Marcus over email",
        "",
        "Referrals",
        "  introduced by: Marcus Oyelaran (Data Scientist, Lumen Analytics)",
        "  can lead to: nobody yet",
        "",
        "Why they may help",
        "  referrer: Mention who sent you; they help for that person's sake.",
        "  recognition: Tell them why their view matters to you; they like to feel valued.",
        "",
        "Give and ask",
        "  gave 0 · asked 1",
        "  ! only asked so far, never given: give before you ask again",
        "  25 Nov 2026  asked: 30 minutes",
        "",
        "Last touches",
        "  25 Nov 2026 (today) · email · scheduled",
        "    Booked.",
        "",
        "Open opportunity",
        "  Senior PM at Lumen Analytics · interview · they opened it",
        "",
        "Suggested opening",
        "  Mention Marcus Oyelaran, who introduced you."
        " Pick up from your last talk, today (email, scheduled): “Booked.”",
        "",
        "Suggested offer",
        "  You have only asked so far: give first. Offer to tell Marcus Oyelaran how the call went:"
        " they help for that person's sake.",
        "",
        "Find out",
        "  whom else they would suggest you talk to: they have introduced you to nobody yet",
    ]


def test_json_carries_a_version_and_the_whole_record(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data, "brief", "priya-raman", "--json") == 0
    brief = json.loads(capsys.readouterr().out)
    assert brief["version"] == 1
    assert brief["referrer"]["name"] == "Marcus Oyelaran"
    assert [item["motive"] for item in brief["motives"]] == ["referrer", "recognition"]
    assert brief["only_asked"] is True
    assert brief["touches"][0]["outcome"] == "scheduled"
    assert brief["opportunities"] == [
        {
            "id": "lumen-analytics/senior-pm",
            "company": "Lumen Analytics",
            "role": "Senior PM",
            "stage": "interview",
            "theirs": True,
        }
    ]
    assert cli(data, "brief", "marcus-oyelaran", "--json") == 0
    marcus = json.loads(capsys.readouterr().out)
    assert [who["id"] for who in marcus["leads_to"]] == ["priya-raman"]
    assert [who["id"] for who in marcus["hiring_managers_via"]] == ["priya-raman"]


def test_an_unknown_id_is_one_line_and_exit_1(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(data, "brief", "nobody-here") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("networkday: no contact 'nobody-here'")
    assert captured.err.count("\n") == 1
    assert cli(data, "brief", "../etc/passwd") == 2
    assert "is not a contact id" in capsys.readouterr().err


def test_markup_and_controls_in_a_name_are_printed_as_escapes(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(data, FixedClock(NOW))

    def hostile(contact) -> None:
        contact.name = "[bold]Eve\x1b[31m\u202e"
        contact.notes = "line one\nline\ttwo\x07"

    store.update_contact("marcus-oyelaran", hostile)
    assert cli(data, "brief", "marcus-oyelaran") == 0
    out = capsys.readouterr().out
    assert not {"\x1b", "\x07", "\u202e"} & set(out)
    assert "Call brief: [bold]Eve\\x1b[31m\\u202e (marcus-oyelaran)" in out
    assert "  notes: line one line two\\x07" in out
    assert cli(data, "brief", "priya-raman") == 0
    assert "introduced by: [bold]Eve\\x1b[31m\\u202e (Data Scientist, Lumen Analytics)" in capsys.readouterr().out


def test_help_has_an_example_and_says_what_each_argument_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["brief", "--help"])
    out = capsys.readouterr().out
    assert "networkday brief priya-raman --json" in out
    assert "the contact's id" in out
    assert '"version": 1' in out


def test_brief_imports_only_its_own_command(data: Path) -> None:
    """The fast path: `brief` loads its module alone, and never Textual."""
    assert modules_for(["brief", "priya-raman"]) == ("brief",)
    probe = (
        "import sys, json, io, contextlib\n"
        "from networkday.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['brief', 'priya-raman', '--data-dir', sys.argv[1]])\n"
        "mods = sorted(m for m in sys.modules if m.startswith(('networkday.commands.', 'textual')))\n"
        "print(json.dumps([code, mods]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", probe, str(data)], capture_output=True, text=True, env=env, check=True, timeout=60
    )
    code, modules = json.loads(result.stdout)
    assert code == 0
    assert modules == [
        "networkday.commands.brief",
        "networkday.commands.common",
        "networkday.commands.help_format",
        "networkday.commands.safe_streams",
    ]
