"""This machine's state files (the last sync, the reminders given) damaged in ways ``json`` does not call a syntax
error: said in one line naming the file, read as nothing, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.storage.last_sync import LastSyncRecord
from networkday.storage.machine_local import Reminded
from tests.conftest import NOW

DAMAGE = [
    pytest.param("[" * 100_000, "nested too deeply", id="nested"),
    pytest.param('{"reminded": ' + "[" * 100_000, "nested too deeply", id="nested-inside"),
    pytest.param("1" * 5000, "a number too long", id="long-number"),
    pytest.param('{"at": ' + "9" * 5000 + "}", "a number too long", id="long-number-inside"),
]


@pytest.mark.parametrize(("text", "why"), DAMAGE)
def test_the_last_sync_record_is_said_damaged(tmp_path: Path, text: str, why: str) -> None:
    record = LastSyncRecord(tmp_path / "data", {"XDG_STATE_HOME": str(tmp_path / "state")})
    record.path.parent.mkdir(parents=True)
    record.path.write_text(text, "utf-8")
    assert record.read() == (None, f"{record.path}: not JSON this reads ({why}); the next sync writes it again")


@pytest.mark.parametrize(("text", "why"), DAMAGE)
def test_the_reminders_given_are_said_damaged_and_begun_again(tmp_path: Path, text: str, why: str) -> None:
    reminded = Reminded(tmp_path / "data", {"XDG_STATE_HOME": str(tmp_path / "state")})
    reminded.path.parent.mkdir(parents=True)
    reminded.path.write_text(text, "utf-8")
    assert reminded.keys() == frozenset()
    assert reminded.warning == f"{reminded.path}: not JSON this reads ({why}); begun again"
    assert reminded.claim(["call-a"], NOW) == ["call-a"]
    assert reminded.keys() == {"call-a"}
