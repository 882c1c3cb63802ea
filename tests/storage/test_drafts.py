"""Drafts of typed text: kept atomically and privately, added up across instances, never lost to a damaged file."""

from __future__ import annotations

import stat
from datetime import timedelta

import pytest

from networkday.storage.drafts import Draft, drafts_path, drop_draft, keep_drafts, load_drafts
from networkday.storage.problems import StoreError
from networkday.storage.store import Store
from tests.conftest import NOW


def _log_draft(note: str, minutes: int = 0) -> Draft:
    kept = NOW + timedelta(minutes=minutes)
    return Draft("log", "ada-lovelace", {"note": note}, kept, "SIGTERM", NOW, {"name": "Ada Lovelace"})


def test_drafts_add_up_and_one_is_dropped_alone(store: Store) -> None:
    keep_drafts(store, [_log_draft("first")])
    keep_drafts(store, [_log_draft("second", 1)])  # another instance, later
    found = load_drafts(store)
    assert [d.fields["note"] for d in found] == ["first", "second"]
    assert found[0].extra == {"name": "Ada Lovelace"}
    assert stat.S_IMODE(drafts_path(store).stat().st_mode) == 0o600
    drop_draft(store, found[0])
    assert [d.fields["note"] for d in load_drafts(store)] == ["second"]
    drop_draft(store, found[1])
    assert not drafts_path(store).exists()


def test_a_form_draft_keeps_text_and_yes_no_fields(store: Store) -> None:
    draft = Draft("contact", "", {"name": "Grace Hopper", "hiring_manager": True}, NOW, "SIGHUP")
    keep_drafts(store, [draft])
    assert load_drafts(store) == [draft]


def test_a_damaged_drafts_file_is_located_and_never_overwritten(store: Store) -> None:
    path = drafts_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = b'[[draft]]\nkind = "log"\ncontact = "ada"\nkept = 2026-11-25T09:30:00+01:00\nat = "noon"\n'
    path.write_bytes(damaged)
    assert load_drafts(store) == []
    problem = store.problems[path]
    assert (problem.line, problem.column) == (5, 1)
    with pytest.raises(StoreError, match="not overwritten"):
        keep_drafts(store, [_log_draft("new")])
    assert path.read_bytes() == damaged
