"""`export ics` as a feed a calendar subscribes to: UIDs survive a reorder, timed calls have a time, --alarm rings.

Every calendar is read by two parsers that share no code with vobject, which writes it:
``icalendar`` and ``ics``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import ics
import pytest

from networkday.cli import main
from tests.storage.saving import private_file

ANN = 'format = 1\nname = "Ann Lee"\nphone = ["+1 555 0100"]\n'
BOB = 'format = 1\nname = "Bob Ray"\n'


def day_file(*calls: str) -> str:
    return "format = 1\ndate = 2026-11-26\n" + "".join(f"\n[[call]]\n{call}" for call in calls)


ANN_AT_TEN = 'contact = "ann"\ntime = "10:00"\npurpose = "the Staff role"\n'
BOB_ALL_DAY = 'contact = "bob"\nchannel = "video"\n'
BOB_MADE = 'contact = "bob"\noutcome = "no-answer"\nat = 2026-11-26T08:00:00+01:00\n'


@pytest.fixture
def data(tmp_path: Path, command_env: None) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    private_file(folder / "contacts" / "ann.toml", ANN)
    private_file(folder / "contacts" / "bob.toml", BOB)
    (folder / "contacts").chmod(0o700)
    return folder


def plan(data: Path, *calls: str) -> None:
    private_file(data / "days" / "2026" / "2026-11-26.toml", day_file(*calls))
    (data / "days").chmod(0o700)
    (data / "days" / "2026").chmod(0o700)


def export(data: Path, capsysbinary: pytest.CaptureFixture[bytes], *options: str) -> bytes:
    assert main(["export", "ics", *options, "--data-dir", str(data)]) == 0
    out, err = capsysbinary.readouterr()
    assert err == b""
    return out


def both_parsers(text: bytes) -> tuple[dict[str, icalendar.Event], dict[str, ics.Event]]:
    """The events by UID as each parser reads them; both must find the same UIDs."""
    first = {str(event["UID"]): event for event in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    second = {event.uid: event for event in ics.Calendar(text.decode("utf-8")).events}
    assert sorted(first) == sorted(second)
    return first, second


def test_calls_put_in_another_order_keep_their_uids(data: Path, capsysbinary) -> None:
    plan(data, ANN_AT_TEN, BOB_ALL_DAY)
    before = both_parsers(export(data, capsysbinary))[0]
    plan(data, BOB_ALL_DAY, ANN_AT_TEN)
    after = both_parsers(export(data, capsysbinary))[0]
    calls = sorted(uid for uid in after if uid.startswith("call-"))
    assert calls == ["call-2026-11-26-ann@networkday", "call-2026-11-26-bob@networkday"]
    assert sorted(before) == sorted(after)
    assert {uid: str(before[uid]["SUMMARY"]) for uid in calls} == {uid: str(after[uid]["SUMMARY"]) for uid in calls}


def test_a_second_call_to_one_person_keeps_its_uid_when_the_first_is_made(data: Path, capsysbinary) -> None:
    """No answer at 8:00, a retry planned: the retry is the person's second call that day, before and after."""
    plan(data, BOB_MADE, BOB_ALL_DAY)
    events = both_parsers(export(data, capsysbinary))[0]
    assert [uid for uid in events if uid.startswith("call-")] == ["call-2026-11-26-bob-2@networkday"]
    plan(data, ANN_AT_TEN, BOB_MADE, BOB_ALL_DAY)
    events = both_parsers(export(data, capsysbinary))[0]
    assert sorted(uid for uid in events if uid.startswith("call-")) == [
        "call-2026-11-26-ann@networkday",
        "call-2026-11-26-bob-2@networkday",
    ]


def test_a_call_moved_on_its_day_by_log_scheduled_keeps_its_uid(
    data: Path, capsysbinary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the call's day, `log ann scheduled` makes the planned call the talk that moved it and
    plans a new one after it; neither the talk that agreed on it nor the move is a new call."""
    for clock, when in (("08:00", "10:00"), ("09:00", "15:00")):
        monkeypatch.setenv("NETWORKDAY_NOW", f"2026-11-26T{clock}:00+01:00")
        assert main(["log", "ann", "scheduled", "--when", f"2026-11-26 {when}", "--data-dir", str(data)]) == 0
        capsysbinary.readouterr()
        events = both_parsers(export(data, capsysbinary))[0]
        assert [uid for uid in events if uid.startswith("call-")] == ["call-2026-11-26-ann@networkday"]
    # 15:00 in Berlin is 14:00 UTC
    assert events["call-2026-11-26-ann@networkday"].decoded("DTSTART") == datetime(2026, 11, 26, 14, 0, tzinfo=UTC)


def test_a_call_with_a_time_starts_then_for_half_an_hour_and_one_without_is_all_day(data: Path, capsysbinary) -> None:
    plan(data, ANN_AT_TEN, BOB_ALL_DAY)
    text = export(data, capsysbinary)
    first, second = both_parsers(text)
    ann = first["call-2026-11-26-ann@networkday"]
    # 10:00 in Berlin (+01:00 in November) is 09:00 UTC
    assert ann.decoded("DTSTART") == datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert ann.decoded("DTEND") - ann.decoded("DTSTART") == timedelta(minutes=30)
    assert b"DTSTART:20261126T090000Z" in text
    assert second["call-2026-11-26-ann@networkday"].begin.datetime == datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert second["call-2026-11-26-ann@networkday"].duration == timedelta(minutes=30)
    bob = second["call-2026-11-26-bob@networkday"]
    assert bob.all_day
    assert bob.name == "Video: Bob Ray"
    assert not first["call-2026-11-26-ann@networkday"].walk("VALARM")


def test_alarm_rings_before_each_timed_event_only(data: Path, capsysbinary) -> None:
    plan(data, ANN_AT_TEN, BOB_ALL_DAY)
    first, second = both_parsers(export(data, capsysbinary, "--alarm", "10m"))
    [alarm] = first["call-2026-11-26-ann@networkday"].walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-10)
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert str(alarm["DESCRIPTION"]) == "Call Ann Lee"
    [read] = second["call-2026-11-26-ann@networkday"].alarms
    assert read.trigger == timedelta(minutes=-10)
    # an all-day event would ring ten minutes before midnight: it has none
    assert not first["call-2026-11-26-bob@networkday"].walk("VALARM")


@pytest.mark.parametrize(("option", "message"), [("10x", "is not a length of time"), ("8d", "a week or more")])
def test_a_wrong_alarm_is_a_usage_error(data: Path, capsys, option: str, message: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["export", "ics", "--alarm", option, "--data-dir", str(data)])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_alarm_is_only_for_the_calendar(data: Path, capsys) -> None:
    assert main(["export", "csv", "--alarm", "10m", "--data-dir", str(data)]) == 2
    assert "--alarm: only `export ics` has alarms" in capsys.readouterr().err
