"""A call's note kept as it is typed: one draft per person, replaced in place, other drafts left alone."""

from __future__ import annotations

from datetime import timedelta

from networkday.storage.drafts import Draft, call_draft, drop_call_draft, keep_drafts, load_drafts, put_call_draft
from networkday.storage.store import Store
from tests.conftest import NOW


def _call(contact: str, note: str, seconds: int = 0) -> Draft:
    return Draft("call", contact, {"note": note}, NOW + timedelta(seconds=seconds), "typing", NOW, {"name": contact})


def test_each_save_replaces_the_persons_note_and_leaves_the_rest(store: Store) -> None:
    log = Draft("log", "ada", {"note": "prompt text"}, NOW, "SIGHUP", NOW, {"touch": "ab12"})
    keep_drafts(store, [log])
    put_call_draft(store, _call("ada", "They build"))
    put_call_draft(store, _call("bo", "Bo's note"))
    put_call_draft(store, _call("ada", "They build compilers", 1))
    kinds = sorted((d.kind, d.contact, d.fields["note"]) for d in load_drafts(store))
    assert kinds == [
        ("call", "ada", "They build compilers"),
        ("call", "bo", "Bo's note"),
        ("log", "ada", "prompt text"),
    ]
    found = call_draft(store, "ada")
    assert found is not None
    assert (found.at, found.extra) == (NOW, {"name": "ada"})
    assert call_draft(store, "nobody") is None


def test_a_logged_call_drops_its_note_only(store: Store) -> None:
    put_call_draft(store, _call("ada", "one"))
    put_call_draft(store, _call("bo", "two"))
    drop_call_draft(store, "ada")
    assert call_draft(store, "ada") is None
    assert [d.contact for d in load_drafts(store)] == ["bo"]
