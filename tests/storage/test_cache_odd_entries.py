"""A cache that does not hold what this code wrote is thrown away: never a crash, and the
store is what a start with no cache gives.

A cache file parsed fine but held odd entries (a key such as ``../Bad Id`` or ``12345``,
a day named ``zz.toml``, rows of the wrong shape) crashed every command and the app at
every start. Each cache file is now sealed (``index.seal``), so whatever else is found in
one is rebuilt from the data files.
"""

from __future__ import annotations

import asyncio
import marshal
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from networkday.clock import FixedClock
from networkday.services.queue import keep_today_preview
from networkday.storage import index
from networkday.storage.preview import load_preview
from networkday.storage.store import Store
from tests.folder_world import NOW, demo_folder, every_byte, pin_clock, run, start_app

CLOCK = FixedClock(datetime.fromisoformat(NOW))
TODAY = CLOCK.today()


def _state(store: Store) -> tuple:
    """All a start yields: each summary, each problem and warning."""
    return (
        sorted(summary.to_row() for summary in store.contacts.values()),
        sorted(summary.to_row() for summary in store.days.values()),
        sorted(map(str, store.problems.values())),
        store.warnings,
    )


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo folder with its cache and Today's preview on disk, as a clean exit leaves them."""
    pin_clock(monkeypatch)
    root = demo_folder(tmp_path / "data")
    store = Store.open(root, CLOCK)
    keep_today_preview(store, TODAY)
    assert load_preview(Store.open(root, CLOCK, scan=False, contacts=False), TODAY) is not None
    return root


@pytest.fixture
def expected(folder: Path) -> tuple:
    return _state(Store.open(folder, CLOCK))


def _cache(root: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (root / ".networkday").glob("*.marshal")}


def _days_file(root: Path) -> Path:
    return root / ".networkday" / "index.marshal"


def _shard_of(root: Path, name: str) -> Path:
    return root / ".networkday" / f"index-{index.shard_of(name):02d}.marshal"


def _odd(root: Path, how: str, kept: dict[str, bytes]) -> None:
    """Rewrites the healthy cache (``kept``) as another program would: marshalled, with one odd entry."""
    days = _days_file(root)
    table: Any = index.unseal(kept[days.name])
    some_day = next(iter(table["days"].values()))
    shard = _shard_of(root, "aisha-bello")
    contacts: Any = index.unseal(kept[shard.name])
    entry = contacts["aisha-bello"]
    if how == "a day named zz.toml":
        table["days"]["zz.toml"] = some_day
    elif how == "a day entry of the wrong shape":
        table["days"]["2026-11-25.toml"] = ("not", "an", "entry")
    elif how == "a contact key ../Bad Id":
        contacts["../Bad Id"] = entry
    elif how == "a contact key 12345":
        contacts[12345] = entry
    elif how == "a row of the wrong types":
        contacts["aisha-bello"] = (entry[0], entry[1], (5, None, *entry[2][2:]), None, None)
    elif how == "a row too short":
        contacts["aisha-bello"] = (entry[0], entry[1], ("aisha-bello",), None, None)
    days.write_bytes(marshal.dumps(table))
    shard.write_bytes(marshal.dumps(contacts))


ODD = [
    "a day named zz.toml",
    "a day entry of the wrong shape",
    "a contact key ../Bad Id",
    "a contact key 12345",
    "a row of the wrong types",
    "a row too short",
]


@pytest.mark.parametrize("how", ODD)
def test_a_cache_with_odd_entries_is_rebuilt_and_every_command_works(
    folder: Path, expected: tuple, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    kept = _cache(folder)
    _odd(folder, how, kept)
    before = every_byte(folder)
    assert _state(Store.open(folder, CLOCK)) == expected  # rebuilt from the files
    for command in (["today"], ["check"], ["review"], ["export", "ics"], ["timer", "status"], ["journal"]):
        _odd(folder, how, kept)
        code, out, err = run(folder, capsys, *command)
        assert (code, err) == (0, ""), command
        assert out
    assert every_byte(folder) == before


@pytest.mark.parametrize("how", ODD)
async def test_the_app_starts_on_a_cache_with_odd_entries(folder: Path, how: str) -> None:
    _odd(folder, how, _cache(folder))
    before = every_byte(folder)
    messages = await start_app(folder)
    assert not any("could not be read" in message for message in messages)
    assert every_byte(folder) == before


def test_a_sealed_file_whose_body_changed_is_thrown_away(folder: Path, expected: tuple) -> None:
    shard = _shard_of(folder, "aisha-bello")
    data = bytearray(shard.read_bytes())
    data[-3] ^= 0x01
    shard.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="not a sealed networkday cache file"):
        index.unseal(shard.read_bytes())
    assert _state(Store.open(folder, CLOCK)) == expected


marshallable = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.binary(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4).map(tuple)
        | st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12) | st.integers(), inner, max_size=4)
        | st.frozensets(st.integers(), max_size=3)
    ),
    max_leaves=24,
)
#: Shaped like what the cache holds, so the odd parts sit where real entries do.
entry_like = st.tuples(st.integers(), st.integers(), marshallable, marshallable, marshallable)
cache_like = st.fixed_dictionaries(
    {"key": st.just(index._KEY) | marshallable, "days": st.dictionaries(st.text(max_size=16), entry_like, max_size=4)}
)
contents = (
    st.binary(max_size=200).map(lambda data: ("bytes", data))
    | marshallable.map(lambda value: ("marshal", marshal.dumps(value)))
    | cache_like.map(lambda value: ("marshal", marshal.dumps(value)))
    | st.dictionaries(st.text(max_size=12) | st.integers(), entry_like, max_size=4).map(
        lambda value: ("marshal", marshal.dumps(value))
    )
    | st.binary(max_size=60).map(lambda data: ("sealed, wrong CRC", index._SEAL + b"\0\0\0\0" + data))
)
targets = st.sampled_from(["index.marshal", "index-00.marshal", "index-17.marshal", "today.marshal"])


def _write(root: Path, target: str, data: bytes) -> None:
    (root / ".networkday" / target).write_bytes(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=targets, content=contents)
def test_any_bytes_in_a_cache_file_start_as_no_cache_would(
    folder: Path, expected: tuple, capsys: pytest.CaptureFixture[str], target: str, content: tuple[str, bytes]
) -> None:
    kept = _cache(folder)
    try:
        _write(folder, target, content[1])
        assert load_preview(Store.open(folder, CLOCK, scan=False, contacts=False), TODAY) is None
        _write(folder, target, content[1])
        assert _state(Store.open(folder, CLOCK)) == expected
        _write(folder, target, content[1])
        code, _, err = run(folder, capsys, "today")
        assert (code, err) == (0, "")
    finally:
        for name, data in kept.items():
            _write(folder, name, data)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=targets, content=contents)
def test_any_bytes_in_a_cache_file_never_stop_the_app(folder: Path, target: str, content: tuple[str, bytes]) -> None:
    kept = _cache(folder)
    before = every_byte(folder)
    try:
        _write(folder, target, content[1])
        messages = asyncio.run(start_app(folder))
        assert not any("could not be read" in message for message in messages)
    finally:
        for name, data in kept.items():
            _write(folder, name, data)
    assert every_byte(folder) == before


@pytest.mark.parametrize("target", ["index.marshal", "index-05.marshal", "today.marshal"])
async def test_a_cache_file_that_is_a_folder_is_passed_over(
    folder: Path, expected: tuple, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    path = folder / ".networkday" / target
    path.unlink()
    path.mkdir(mode=0o700)
    before = every_byte(folder)
    assert _state(Store.open(folder, CLOCK)) == expected
    for command in (["today"], ["timer", "status"], ["log", "aisha-bello", "talked"]):
        code, _, err = run(folder, capsys, *command)
        assert (code, err) == (0, ""), command
    assert path.is_dir()
    messages = await start_app(folder)
    assert not any("could not be read" in message for message in messages)
    assert every_byte(folder)["config.toml"] == before["config.toml"]
