"""`export ics`: an opportunity's step at a time of day is an hour at that time; one at midnight is all day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar

from networkday.cli import main
from tests.storage.saving import private_file

LUMEN = """\
format = 1
name = "Lumen"

[[opportunity]]
id = "staff"
role = "Staff Engineer"
stage = "interview"

[[opportunity.step]]
at = 2026-11-20T10:00:00+01:00
stage = "applied"

[[opportunity.step]]
at = 2026-12-11T14:00+01:00
stage = "interview"

[[opportunity]]
id = "lead"
role = "Lead"
stage = "applied"

[[opportunity.step]]
at = 2026-12-12T00:00:00+09:00
stage = "applied"

[[opportunity]]
id = "pm"
role = "PM"
stage = "applied"

[[opportunity.step]]
at = 2026-12-14
stage = "applied"
"""


def test_a_step_with_a_time_is_an_hour_in_utc_and_one_at_midnight_is_all_day(
    tmp_path: Path, command_env: None, capsysbinary
) -> None:
    data = tmp_path / "data"
    (data / "companies").mkdir(parents=True, mode=0o700)
    data.chmod(0o700)
    private_file(data / "companies" / "lumen.toml", LUMEN)
    assert main(["export", "ics", "--data-dir", str(data)]) == 0
    out, err = capsysbinary.readouterr()
    assert err == b""
    events = {str(event["SUMMARY"]): event for event in icalendar.Calendar.from_ical(out).walk("VEVENT")}
    assert sorted(events) == ["Applied: Lead at Lumen", "Applied: PM at Lumen", "Interview: Staff Engineer at Lumen"]
    interview = events["Interview: Staff Engineer at Lumen"]
    assert interview.decoded("DTSTART") == datetime(2026, 12, 11, 13, 0, tzinfo=UTC)
    assert interview.decoded("DTEND") == datetime(2026, 12, 11, 14, 0, tzinfo=UTC)
    assert b"DTSTART:20261211T130000Z" in out
    # midnight where it was written: that day, all day, whatever the user's zone makes of it
    lead = events["Applied: Lead at Lumen"]
    assert (lead.decoded("DTSTART"), lead.decoded("DTEND")) == (date(2026, 12, 12), date(2026, 12, 13))
    pm = events["Applied: PM at Lumen"]
    assert (pm.decoded("DTSTART"), pm.decoded("DTEND")) == (date(2026, 12, 14), date(2026, 12, 15))
