"""Every record reads back as it was written: Unicode, multi-line notes, time zones, unknown keys."""

from __future__ import annotations

import tempfile
import tomllib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from networkday.clock import FixedClock
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Answer, Call, Day, Journal, TimeSession
from networkday.domain.vocab import CHANNELS, MOTIVES, OUTCOMES, TIMER_KINDS
from networkday.storage.codec import dumps
from networkday.storage.store import Store

ZONES = [
    UTC,
    ZoneInfo("Europe/Berlin"),
    ZoneInfo("America/New_York"),
    ZoneInfo("Asia/Kolkata"),
    ZoneInfo("Asia/Kathmandu"),
    ZoneInfo("Pacific/Chatham"),
    ZoneInfo("Australia/Lord_Howe"),
    pendulum.timezone("America/Sao_Paulo"),
]

characters = st.characters(exclude_categories=("Cs",))
text = st.text(characters, max_size=40)
tricky = st.sampled_from(
    ['"', "'", '"""', "'''", "\\", "\\n", "\t", "  ", "\n", "\n\n", "\r\n", "\r", "#", "= ", "[x]"]
)
#: Multi-line text built from lines with blank lines, quotes, backslashes, trailing spaces and tabs.
notes = st.lists(st.one_of(text, tricky, st.just("")), max_size=8).map("\n".join) | st.lists(
    st.one_of(text, tricky), max_size=6
).map("".join)
name = st.text(characters, min_size=1, max_size=30).map(str.strip).filter(bool)
# No imaginary times (a wall-clock time a DST change skips): no clock or file produces them,
# and their offset is a guess, so a session of zero length could end "before" it starts.
instants = st.datetimes(
    min_value=datetime(1900, 1, 2),  # the range networkday accepts (domain.dates)
    max_value=datetime(2200, 1, 1),
    timezones=st.sampled_from(ZONES),
    allow_imaginary=False,
)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
slug = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,20}\Z")

toml_scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    text,
    notes,
    days,
    instants,
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.times(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)


def extras(known: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Keys a newer version or the user added: any name, any TOML value, tables and arrays of tables too."""
    tables = st.dictionaries(text, toml_values, max_size=2)
    value = toml_values | st.lists(tables, min_size=1, max_size=2)
    return st.dictionaries(text.filter(lambda key: key not in known), value, max_size=3)


log_entries = st.builds(
    LogEntry,
    at=instants,
    channel=st.sampled_from(CHANNELS),
    outcome=st.none() | st.sampled_from(OUTCOMES),
    gave=notes,
    asked=text,
    note=notes,
    extra=extras({"at", "channel", "outcome", "gave", "asked", "note"}),
)

CONTACT_KEYS = set(Contact.__dataclass_fields__) | {"format"}
contacts = st.builds(
    Contact,
    id=st.just(""),
    name=name,
    company=text,
    title=text,
    email=st.lists(text, max_size=3),
    phone=st.lists(text, max_size=2),
    links=st.lists(text, max_size=2),
    tags=st.lists(text, max_size=3),
    hiring_manager=st.booleans(),
    referred_by=st.none() | slug,
    met=notes,
    motives=st.lists(st.sampled_from(list(MOTIVES)), max_size=3),
    cadence_days=st.none() | st.integers(1, 3650),
    follow_up=st.none() | days,
    notes=notes,
    log=st.lists(log_entries, max_size=4),
    extra=extras(CONTACT_KEYS),
)

calls = st.builds(
    Call,
    contact=name,
    channel=st.sampled_from(CHANNELS),
    purpose=notes,
    outcome=st.none() | st.sampled_from(OUTCOMES),
    at=st.none() | instants,
    time=st.just("") | st.from_regex(r"\A([01]\d|2[0-3]):[0-5]\d\Z"),
    extra=extras({"contact", "channel", "purpose", "outcome", "at", "touch", "time"}),
)


@st.composite
def sessions(draw: st.DrawFn) -> TimeSession:
    start = draw(instants)
    length = draw(st.none() | st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=30)))
    # Added in UTC: wall-clock arithmetic across a DST change can land before the start.
    end = None if length is None else (start.astimezone(UTC) + length).astimezone(draw(st.sampled_from(ZONES)))
    return TimeSession(draw(st.sampled_from(TIMER_KINDS)), start, end, draw(extras({"kind", "start", "end"})))


answers = st.builds(Answer, prompt=text, text=notes, extra=extras({"prompt", "text"}))
journals = st.builds(
    Journal,
    rating=st.none() | st.integers(1, 5),
    answers=st.lists(answers, max_size=3),
    extra=extras({"rating", "answer"}),
)


@st.composite
def day_records(draw: st.DrawFn) -> Day:
    return Day(
        date=draw(days),
        calls=draw(st.lists(calls, max_size=3)),
        time=draw(st.lists(sessions(), max_size=3)),
        journal=draw(journals),
        dismissed=draw(st.lists(slug, max_size=2)),
        extra=draw(extras({"format", "date", "dismissed", "call", "time", "journal"})),
    )


def canonical(value: Any) -> Any:
    """Instants compared as UTC plus the offset they were written with.

    An offset in seconds (an old zone's local mean time) cannot be written in TOML and
    is written as UTC; aware datetimes in a fold never compare equal across zones.
    """
    if isinstance(value, datetime) and value.tzinfo is not None:
        offset = value.utcoffset() or timedelta(0)
        return (
            "instant",
            value.astimezone(UTC).replace(tzinfo=None),
            offset if not offset % timedelta(minutes=1) else 0,
        )
    if isinstance(value, time | date | datetime):
        return value
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [canonical(item) for item in value]
    return value


def _offset_zero_if_utc(value: Any) -> Any:
    if isinstance(value, tuple) and value and value[0] == "instant" and value[2] == timedelta(0):
        return (*value[:2], 0)
    if isinstance(value, dict):
        return {key: _offset_zero_if_utc(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_offset_zero_if_utc(item) for item in value]
    return value


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _offset_zero_if_utc(canonical(a)) == _offset_zero_if_utc(canonical(b))


def _read_back(table: dict[str, Any]) -> dict[str, Any]:
    return tomllib.loads(dumps(table).decode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(contacts)
def test_contacts_survive_the_codec(contact: Contact) -> None:
    contact.id = "someone"
    back = Contact.from_dict("someone", _read_back(contact.to_dict()))
    assert same(back.to_dict(), contact.to_dict())
    assert back.notes == contact.notes
    assert [entry.note for entry in back.log] == [entry.note for entry in contact.log]


@settings(max_examples=200, deadline=None)
@given(day_records())
def test_days_survive_the_codec(day: Day) -> None:
    back = Day.from_dict(_read_back(day.to_dict()), day.date)
    assert same(back.to_dict(), day.to_dict())


NOW = datetime(2026, 11, 25, 9, 30, tzinfo=pendulum.timezone("Europe/Berlin"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contacts, log_entries)
def test_contacts_survive_the_store_and_an_update(contact: Contact, entry: LogEntry) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder), FixedClock(NOW))
        saved = store.add_contact(contact)
        assert same(store.contact(saved.id).to_dict(), contact.to_dict())
        store.update_contact(saved.id, lambda c: c.log.append(entry))
        back = store.contact(saved.id)
        assert same(back.extra, contact.extra)
        assert same([e.to_dict() for e in back.log], [e.to_dict() for e in [*contact.log, entry]])
        assert Store.open(Path(folder), FixedClock(NOW)).contacts[saved.id].name == contact.name


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day_records(), st.integers(1, 5))
def test_days_survive_the_store_and_an_update(day: Day, rating: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder), FixedClock(NOW))
        store.update_day(day.date, lambda record: record.__dict__.update(day.__dict__))
        assert same(store.day(day.date).to_dict(), day.to_dict())
        store.update_day(day.date, lambda record: setattr(record.journal, "rating", rating))
        back = store.day(day.date)
        assert same(back.extra, day.extra)
        assert same(back.journal.extra, day.journal.extra)
        assert same([c.to_dict() for c in back.calls], [c.to_dict() for c in day.calls])
        assert back.journal.rating == rating


HAND_WRITTEN = """\
format = 1
name = "Jane Doe"
pronouns = "she/her"   # a key of the user's own
notes = \"\"\"
Met at the meetup.

She said: "call me" \\\\ maybe\t
\"\"\"

[linkedin]
url = "https://example.com/in/jane"
imported = 2026-01-02

[[log]]
at = 2026-11-20T10:00:00+01:00
channel = "coffee"
outcome = "will"
mood = "great"

[log.meta]
source = "phone"

[[attachments]]
file = "cv.pdf"
"""


def test_unknown_keys_and_tables_in_a_hand_written_file_survive_a_rewrite(store: Store) -> None:
    path = store.contacts_dir / "jane-doe.toml"
    path.write_text(HAND_WRITTEN)
    before = tomllib.loads(HAND_WRITTEN)
    entry = LogEntry(at=store.clock.now(), channel="email", outcome="talked")
    store.update_contact("jane-doe", lambda c: c.log.append(entry))
    after = tomllib.loads(path.read_text())
    assert after["pronouns"] == "she/her"
    assert after["linkedin"] == before["linkedin"]
    assert after["attachments"] == before["attachments"]
    assert after["notes"] == before["notes"]
    assert after["log"][0] == before["log"][0]
    assert after["log"][1]["outcome"] == "talked"
