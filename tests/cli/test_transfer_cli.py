"""`networkday import` and `networkday export vcard|csv|ics` through networkday.cli.main."""

from __future__ import annotations

import csv
import io
import stat
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.commands.transfer import ProgressLine
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.fixture_files import fixture

TODAY = NOW.date()


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


def cli(*args: str | Path) -> int:
    return main([str(arg) for arg in args])


def test_import_prints_the_summary_and_the_rate(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"
    assert cli("import", "linkedin", fixture("linkedin/Connections.csv"), "--data-dir", data) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[:4] == [
        "Connections.csv: 19 rows read",
        "add 18, update 0, unchanged 0",
        "skipped 1 row:",
        "  line 22: no name or email: LinkedIn leaves them out for some members",
    ]
    assert "rows/s)" in err
    assert len(list((data / "contacts").iterdir())) == 18
    assert cli("import", "linkedin", fixture("linkedin/Connections.csv"), "--data-dir", data) == 0
    assert "add 0, update 0, unchanged 18" in capsys.readouterr().out


def test_dry_run_into_a_folder_that_does_not_exist_creates_nothing(tmp_path: Path, capsys):
    data = tmp_path / "data"
    assert cli("import", "vcard", fixture("vcard/gmail-list.vcf"), "--dry-run", "--data-dir", data) == 0
    assert "would add 3" in capsys.readouterr().out
    assert not data.exists()


@pytest.mark.parametrize(
    ("kind", "path", "message"),
    [
        ("vcard", "linkedin/Connections.csv", "not a vCard file"),
        ("google", "linkedin/Connections.csv", "not a Google Contacts CSV"),
        ("linkedin", "vcard/outlook-2007.vcf", "not a LinkedIn connections export"),
    ],
)
def test_the_wrong_kind_of_file_fails_at_once_and_writes_nothing(tmp_path: Path, capsys, kind, path, message):
    data = tmp_path / "data"
    assert cli("import", kind, fixture(path), "--data-dir", data) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"networkday: {fixture(path)}: {message}")
    assert err.count("\n") == 1
    assert not data.exists()


def test_an_unknown_source_is_a_usage_error(tmp_path: Path):
    with pytest.raises(SystemExit) as exit_:
        cli("import", "myspace", tmp_path / "x.csv")
    assert exit_.value.code == 2


def test_the_progress_line_rewrites_itself(capsys):
    progress = ProgressLine()
    progress(1000, 0.25)
    progress(4000, 1.0)
    progress.clear()
    err = capsys.readouterr().err
    assert err.startswith("\rimporting:  25% (1000 rows)\rimporting: 100% (4000 rows)")
    assert err.endswith("\r")


@pytest.fixture
def network(tmp_path: Path) -> Path:
    """A small network with a follow-up due, one ahead, a planned call tomorrow and one made today."""
    root = tmp_path / "data"
    store = Store.open(root, FixedClock(NOW))
    store.add_contacts(
        [
            Contact(
                id="",
                name="Ann Lee",
                company="Acme, Inc.",
                email=["ann@acme.example"],
                phone=["+1 555 0100"],
                tags=["PyCon", "mentor"],
                follow_up=TODAY + timedelta(days=3),
                log=[LogEntry(at=NOW - timedelta(days=9), channel="coffee", outcome="will", note="intro, then lunch")],
            ),
            Contact(id="", name='=HYPERLINK("http://x")', notes="line one\nline two", follow_up=TODAY - timedelta(1)),
            Contact(id="", name="Bob Ray", referred_by="ann-lee", hiring_manager=True),
        ]
    )
    store.update_day(
        TODAY + timedelta(days=1), lambda day: day.calls.append(Call("bob-ray", purpose="ask about the team"))
    )
    store.update_day(TODAY, lambda day: day.calls.append(Call("ann-lee", outcome="talked", at=NOW)))
    return root


@pytest.mark.parametrize("version", [(), ("--version", "4.0"), ("--version", "3.0")], ids=["default", "4.0", "3.0"])
def test_export_vcard_to_a_private_file_and_back_into_an_empty_folder(
    network: Path, tmp_path: Path, capsys, version: tuple[str, ...]
):
    out = tmp_path / "all.vcf"
    assert cli("export", "vcard", *version, "-o", out, "--data-dir", network) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    written = version[-1] if version else "4.0"
    assert out.read_bytes().startswith(f"BEGIN:VCARD\r\nVERSION:{written}\r\n".encode())
    modern = written == "4.0"
    assert (b"RELATED;TYPE=contact:" in out.read_bytes(), b"VALUE=text" in out.read_bytes()) == (modern, modern)
    fresh = tmp_path / "fresh"
    assert cli("import", "vcard", out, "--data-dir", fresh) == 0
    assert "add 3, update 0" in capsys.readouterr().out
    original, back = Store.open(network, FixedClock(NOW)), Store.open(fresh, FixedClock(NOW))
    assert sorted(original.contacts) == sorted(back.contacts)
    for contact_id in original.contacts:
        before, after = original.contact(contact_id), back.contact(contact_id)
        before.log = after.log = []  # the history travels in `export csv --history`
        assert after == before


def test_export_vcard_to_stdout(network: Path, capsysbinary):
    assert cli("export", "vcard", "--data-dir", network) == 0
    assert capsysbinary.readouterr().out.count(b"BEGIN:VCARD") == 3


def test_export_csv_one_row_per_contact_and_the_history_on_request(network: Path, tmp_path: Path):
    out, history = tmp_path / "contacts.csv", tmp_path / "history.csv"
    assert cli("export", "csv", "-o", out, "--history", history, "--data-dir", network) == 0
    assert stat.S_IMODE(history.stat().st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert [row["id"] for row in rows] == ["ann-lee", "bob-ray", "hyperlink-http-x"]
    ann, bob, odd = rows
    assert (ann["company"], ann["tags"], ann["phone"]) == ("Acme, Inc.", "PyCon\nmentor", "'+1 555 0100")
    assert ann["follow_up"] == (TODAY + timedelta(days=3)).isoformat()
    assert ann["last_touch"] == (NOW - timedelta(days=9)).isoformat()
    assert (bob["referred_by"], bob["hiring_manager"]) == ("ann-lee", "yes")
    assert odd["name"] == '\'=HYPERLINK("http://x")'  # text in a spreadsheet, never a formula
    assert odd["notes"] == "line one\nline two"
    [touch] = list(csv.DictReader(io.StringIO(history.read_text("utf-8"), newline="")))
    assert (touch["contact"], touch["channel"], touch["outcome"], touch["note"]) == (
        "ann-lee",
        "coffee",
        "will",
        "intro, then lunch",
    )
    assert list(touch) == ["contact", "name", "at", "channel", "outcome", "gave", "asked", "gained", "note", "touch"]


def test_the_csv_columns_are_every_contact_field_in_the_documented_order(network: Path, tmp_path: Path):
    out = tmp_path / "contacts.csv"
    assert cli("export", "csv", "-o", out, "--data-dir", network) == 0
    header = out.read_text("utf-8").splitlines()[0].split(",")
    assert header == [
        *("id", "name", "given", "family", "company", "title", "email", "phone", "phone_kinds", "links"),
        *("tags", "hiring_manager", "referred_by"),
        *("met", "connected", "motives", "cadence_days", "follow_up", "notes", "last_touch"),
    ]
    assert set(header) == {item.name for item in fields(Contact)} - {"log", "extra"} | {"last_touch"}


@pytest.mark.parametrize("spelling", ["the same path", "./name", "a symbolic link", "a hard link"])
def test_one_file_named_for_both_outputs_is_refused_and_nothing_written(
    network: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, spelling: str
):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.csv"
    history: Path = {"the same path": out, "./name": Path("./out.csv")}.get(spelling, tmp_path / "other.csv")
    if spelling == "a symbolic link":
        history.symlink_to(out)
    elif spelling == "a hard link":
        out.write_text("kept\n", "utf-8")
        history.hardlink_to(out)
    before = sorted(path.name for path in tmp_path.iterdir())
    assert cli("export", "csv", "-o", out, "--history", history, "--data-dir", network) == 1
    out_text, err = capsys.readouterr()
    assert err == f"networkday: -o {out} and --history {history} are the same file; name two files\n"
    assert out_text == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == before
    if spelling == "a hard link":
        assert out.read_text("utf-8") == "kept\n"
    else:
        assert not out.exists()


def test_two_files_are_two_exports(network: Path, tmp_path: Path, capsys):
    out, history = tmp_path / "out.csv", tmp_path / "sub" / ".." / "history.csv"
    (tmp_path / "sub").mkdir()
    assert cli("export", "csv", "-o", out, "--history", history, "--data-dir", network) == 0
    assert out.read_text("utf-8") != (tmp_path / "history.csv").read_text("utf-8")


def test_only_csv_takes_a_history(network: Path, tmp_path: Path, capsys):
    assert cli("export", "vcard", "--history", tmp_path / "h.csv", "--data-dir", network) == 2
    assert "--history" in capsys.readouterr().err
    assert not (tmp_path / "h.csv").exists()


@pytest.mark.parametrize("kind", ["csv", "ics", "journal"])
def test_only_vcard_has_versions(network: Path, tmp_path: Path, capsys, kind: str):
    assert cli("export", kind, "--version", "3.0", "-o", tmp_path / "out", "--data-dir", network) == 2
    assert "--version: only `export vcard` has versions" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_vcard_version_other_than_4_or_3_is_refused(network: Path, capsys):
    with pytest.raises(SystemExit) as exit_status:
        cli("export", "vcard", "--version", "2.1", "--data-dir", network)
    assert exit_status.value.code == 2
    assert "invalid choice: '2.1'" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["vcard", "csv", "ics", "journal"])
def test_no_export_writes_inside_the_data_folder(network: Path, capsys, kind: str):
    record = network / "contacts" / "ann-lee.toml"
    before = record.read_bytes()
    assert cli("export", kind, "-o", record, "--data-dir", network) == 2
    [message] = capsys.readouterr().err.splitlines()
    assert f"-o {record}: " in message
    assert "data folder" in message
    assert record.read_bytes() == before
    beside = network / "days" / "export.txt"
    assert cli("export", kind, "-o", beside, "--data-dir", network) == 2
    assert not beside.exists()


def test_no_export_reaches_the_data_folder_through_a_link_or_dots(network: Path, tmp_path: Path, capsys):
    record = network / "contacts" / "bob-ray.toml"
    before = record.read_bytes()
    link = tmp_path / "link"
    link.symlink_to(network / "contacts")
    assert cli("export", "csv", "-o", link / "bob-ray.toml", "--data-dir", network) == 2
    dotted = tmp_path / "elsewhere" / ".." / network.name / "contacts" / "bob-ray.toml"
    assert cli("export", "vcard", "-o", dotted, "--data-dir", network) == 2
    assert record.read_bytes() == before
    assert capsys.readouterr().err.count("data folder") == 2


def test_the_history_file_may_not_be_in_the_data_folder_either(network: Path, tmp_path: Path, capsys):
    out, history = tmp_path / "contacts.csv", network / "history.csv"
    assert cli("export", "csv", "-o", out, "--history", history, "--data-dir", network) == 2
    assert f"--history {history}: " in capsys.readouterr().err
    assert not history.exists()
    assert not out.exists()


def test_export_ics_is_a_calendar_that_icalendar_reads(network: Path, tmp_path: Path):
    out = tmp_path / "plan.ics"
    assert cli("export", "ics", "-o", out, "--data-dir", network) == 0
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    # the overdue follow-up stays; the call made today is not a plan any more
    assert sorted(events) == ["Call Bob Ray", 'Follow up: =HYPERLINK("http://x")', "Follow up: Ann Lee (Acme, Inc.)"]
    ann = events["Follow up: Ann Lee (Acme, Inc.)"]
    assert ann["DTSTART"].dt == TODAY + timedelta(days=3)
    assert ann["DTEND"].dt == TODAY + timedelta(days=4)
    assert "+1 555 0100" in str(ann["DESCRIPTION"])
    call = events["Call Bob Ray"]
    assert call["DTSTART"].dt == TODAY + timedelta(days=1)
    assert "ask about the team" in str(call["DESCRIPTION"])
    assert len({str(event["UID"]) for event in calendar.walk("VEVENT")}) == 3
    assert all(isinstance(event["DTSTAMP"].dt, date) for event in calendar.walk("VEVENT"))


def test_export_of_an_empty_folder_is_still_a_calendar(tmp_path: Path, capsysbinary):
    (tmp_path / "empty").mkdir(mode=0o700)
    assert cli("export", "ics", "--data-dir", tmp_path / "empty") == 0
    calendar = icalendar.Calendar.from_ical(capsysbinary.readouterr().out)
    assert list(calendar.walk("VEVENT")) == []


def test_a_utf16_file_cut_mid_character_is_said_with_no_traceback(tmp_path: Path, capsys):
    """The decoder fails on a last odd byte: in the header the file is refused; after rows, those rows come in."""
    data = tmp_path / "data"
    text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAnn,Lee,,,,,\r\n"
    whole = text.encode("utf-16")
    cut = tmp_path / "cut.csv"
    cut.write_bytes(whole[:81])
    assert cli("import", "linkedin", cut, "--data-dir", data) == 1
    err = capsys.readouterr().err
    assert err == f"networkday: {cut}: cannot be read: truncated data in utf-16-le text\n"
    assert not data.exists()
    cut.write_bytes(whole + b"x")
    assert cli("import", "linkedin", cut, "--data-dir", data) == 1
    out = capsys.readouterr().out
    assert "add 1, update 0, unchanged 0" in out
    assert f"  {cut}: the rest of the file, from byte {len(whole) + 1} on, cannot be read: truncated data" in out
    assert [path.name for path in (data / "contacts").iterdir()] == ["ann-lee.toml"]
