"""`networkday remind` on fixed instants: what is due, the window, each reminder once, JSON, notify-send."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.storage.machine_local import Reminded, machine_dir

DAY = "2026-11-25"


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)
    return folder


@pytest.fixture
def data(tmp_path: Path, state: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """Ann has a call at 10:00 today, Bob one with no time, Cleo a follow-up due yesterday; Dan nothing."""
    folder = tmp_path / "data"
    at(monkeypatch, "08:00")
    for name in ("Ann", "Bob", "Cleo", "Dan"):
        assert main(["add", name, "--data-dir", str(folder)]) == 0
    assert main(["log", "ann", "scheduled", "--when", f"{DAY} 10:00", "--data-dir", str(folder)]) == 0
    assert main(["log", "bob", "scheduled", "--when", DAY, "--data-dir", str(folder)]) == 0
    at(monkeypatch, "08:00", day="2026-11-23")
    assert main(["log", "cleo", "talked", "--follow-up", "2026-11-24", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    return folder


def at(monkeypatch: pytest.MonkeyPatch, clock: str, day: str = DAY) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", f"{day}T{clock}:00+01:00")


def remind(data: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    assert main(["remind", *options, "--data-dir", str(data)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out.splitlines()


def test_what_is_due_is_listed_once_and_a_timed_call_when_its_time_comes(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    at(monkeypatch, "09:30")
    assert remind(data, capsys) == [
        "today           Call Bob · scheduled",
        "due 2026-11-24  Follow up: Cleo",
    ]
    assert remind(data, capsys) == []
    at(monkeypatch, "09:44")
    assert remind(data, capsys, "--within", "15m") == []
    at(monkeypatch, "09:45")
    assert remind(data, capsys, "--within", "15m") == ["10:00           Call Ann · scheduled"]
    at(monkeypatch, "10:00")
    assert remind(data, capsys) == []


def test_a_timed_call_is_due_from_its_time_on_and_reminded_late_if_never_before(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    at(monkeypatch, "09:59")
    assert "10:00           Call Ann · scheduled" not in remind(data, capsys)
    at(monkeypatch, "16:20")
    assert remind(data, capsys) == ["10:00           Call Ann · scheduled"]


def test_a_call_moved_to_another_time_and_a_follow_up_put_off_remind_again(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    at(monkeypatch, "10:00")
    assert len(remind(data, capsys)) == 3
    assert main(["log", "ann", "scheduled", "--when", f"{DAY} 15:00", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert remind(data, capsys) == []
    at(monkeypatch, "15:00")
    assert remind(data, capsys) == ["15:00           Call Ann · scheduled"]
    # tomorrow the follow-up for Cleo that was put off to that day reminds again
    assert main(["log", "cleo", "no-answer", "--follow-up", "2026-11-26", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    at(monkeypatch, "09:00", day="2026-11-26")
    assert "due 2026-11-26  Follow up: Cleo" in remind(data, capsys)


def test_a_window_across_midnight_lists_the_next_days_early_call_once(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    assert main(["log", "dan", "scheduled", "--when", "2026-11-26 00:05", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    at(monkeypatch, "23:49")
    assert "00:05           Call Dan · scheduled" not in remind(data, capsys, "--within", "15m")
    at(monkeypatch, "23:55")
    assert remind(data, capsys, "--within", "15m") == ["00:05           Call Dan · scheduled"]
    at(monkeypatch, "00:00", day="2026-11-26")
    assert "00:05           Call Dan · scheduled" not in remind(data, capsys, "--within", "15m")


def test_a_call_made_is_not_reminded(data: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    at(monkeypatch, "09:50")
    assert main(["log", "ann", "talked", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    at(monkeypatch, "10:30")
    assert "10:00           Call Ann · scheduled" not in remind(data, capsys)


def test_json_has_a_version_and_every_field(data: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    at(monkeypatch, "09:50")
    [out] = ["\n".join(remind(data, capsys, "--json", "--within", "10m"))]
    document = json.loads(out)
    assert document["version"] == 1
    assert document["within_seconds"] == 600
    assert document["now"] == f"{DAY}T09:50:00+01:00"
    ann = document["due"][0]
    assert ann == {
        "key": f"call-{DAY}-ann-1000",
        "kind": "call",
        "contact": "ann",
        "name": "Ann",
        "company": None,
        "channel": "phone",
        "time": "10:00",
        "at": f"{DAY}T10:00:00+01:00",
        "date": DAY,
        "purpose": "scheduled",
        "title": "Call Ann at 10:00",
    }
    assert [row["kind"] for row in document["due"]] == ["call", "call", "follow-up"]
    assert json.loads("\n".join(remind(data, capsys, "--json")))["due"] == []


def test_what_was_reminded_is_kept_on_this_machine_never_in_the_data_folder(
    data: Path, state: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file() and ".networkday" not in path.parts}
    at(monkeypatch, "10:00")
    remind(data, capsys)
    after = {path: path.read_bytes() for path in data.rglob("*") if path.is_file() and ".networkday" not in path.parts}
    assert after == before
    remembered = machine_dir(data) / "reminded.json"
    assert remembered.is_relative_to(state)
    assert stat.S_IMODE(remembered.stat().st_mode) == 0o600
    assert stat.S_IMODE(remembered.parent.stat().st_mode) == 0o700
    assert sorted(json.loads(remembered.read_text())["reminded"]) == [
        f"call-{DAY}-ann-1000",
        f"call-{DAY}-bob-day",
        "follow-up-cleo-2026-11-24",
    ]
    # the same folder by another spelling is the same machine-local place
    assert machine_dir(data / ".." / data.name) == machine_dir(data)


def test_two_runs_at_once_list_each_reminder_once(data: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Cron's runs overlap: the second read the memory before the first wrote it."""
    at(monkeypatch, "10:00")
    monkeypatch.setattr(Reminded, "keys", lambda self: frozenset())
    assert len(remind(data, capsys)) == 3
    assert remind(data, capsys) == []


def test_a_damaged_memory_is_said_in_one_line_and_begun_again(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    remembered = machine_dir(data) / "reminded.json"
    remembered.parent.mkdir(parents=True)
    remembered.write_text('{"version": 1, "reminded": {\n  "x": ')
    at(monkeypatch, "10:00")
    assert main(["remind", "--data-dir", str(data)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3
    assert err == f"networkday: warning: {remembered}:2:8: Expecting value; begun again\n"
    assert remind(data, capsys) == []


def test_a_memory_that_cannot_be_written_still_lists_then_says_so_and_fails(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The state folder is a file (or read-only): the reminders are shown all the same, and
    cron mails the one-line reason with them, every run until it is mended."""
    blocked = tmp_path / "blocked"
    blocked.write_text("")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    at(monkeypatch, "10:00")
    for _ in range(2):
        assert main(["remind", "--data-dir", str(data)]) == 1
        out, err = capsys.readouterr()
        assert len(out.splitlines()) == 3
        assert err.splitlines()[-1].endswith("reminded.json: cannot remember the reminders given: Not a directory")


def test_notify_sends_each_with_notify_send(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    sent = fake_notify_send(tmp_path, monkeypatch)
    at(monkeypatch, "10:00")
    assert len(remind(data, capsys, "--notify")) == 3
    assert sent.read_text().splitlines() == [
        "--app-name=networkday|--|Call Ann at 10:00|scheduled|",
        "--app-name=networkday|--|Call Bob|scheduled|",
        "--app-name=networkday|--|Follow up: Cleo||",
    ]


def test_notify_gives_a_purpose_to_notify_send_as_text_never_as_options_markup_or_escapes(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A body that begins with ``-`` would be an option (``-h`` shows nothing at all); notify-send
    turns ``\\033`` into ESC and the server reads ``<b>`` as markup."""
    sent = fake_notify_send(tmp_path, monkeypatch)
    day = data / "days" / "2026" / f"{DAY}.toml"
    text = day.read_text().replace('purpose = "scheduled"\ntime', 'purpose = "--urgency=critical"\ntime', 1)
    day.write_text(text.replace('purpose = "scheduled"', 'purpose = "-h <b>x</b> & a\\\\033[31m \\u202e"', 1))
    at(monkeypatch, "10:00")
    remind(data, capsys, "--notify")
    assert sent.read_text().splitlines()[:2] == [
        "--app-name=networkday|--|Call Ann at 10:00|--urgency=critical|",
        "--app-name=networkday|--|Call Bob|-h &lt;b&gt;x&lt;/b&gt; &amp; a\\\\033[31m \\\\u202e|",
    ]


def fake_notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A notify-send on PATH that writes down its arguments, one line each call."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    sent = tmp_path / "sent.txt"
    program = bin_dir / "notify-send"
    program.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> "{sent}"\necho >> "{sent}"\n')
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return sent


def test_notify_without_notify_send_says_so_and_still_lists(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    at(monkeypatch, "10:00")
    assert main(["remind", "--notify", "--data-dir", str(data)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3
    assert err == "networkday: notify-send is not on PATH: reminders listed here only\n"
