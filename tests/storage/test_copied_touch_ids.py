"""A touch id copied onto another entry (a pasted block): check names it, --fix and merge keep touches apart."""

from __future__ import annotations

from datetime import timedelta

import pytest

from networkday.cli import main
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.touch import TouchDetails, amend_touch
from networkday.services.actions import log_touch, merge_contacts
from networkday.storage.store import Store
from tests.conftest import NOW

LATER = NOW + timedelta(hours=1)


def paste(store: Store, contact_id: str, touch_id: str, outcome: str, at=LATER, note: str = "pasted copy") -> None:
    """Appends a ``[[log]]`` block by hand, as an editor would, with the given id."""
    with store.contact_path(contact_id).open("a", encoding="utf-8") as file:
        file.write(
            f'\n[[log]]\nat = {at.isoformat()}\nid = "{touch_id}"\nchannel = "phone"\n'
            f'outcome = "{outcome}"\nnote = "{note}"\n'
        )


def logged(store: Store, name: str, note: str = "first") -> tuple[str, str]:
    contact_id = store.add_contact(Contact(id="", name=name)).id
    entry = LogEntry(at=NOW, channel="phone", outcome="talked", note=note)
    log_touch(store, contact_id, entry)
    return contact_id, entry.id


def calls_by_touch(store: Store) -> list[tuple[str, str, str]]:
    return sorted((c.contact, c.touch, c.outcome or "") for c in store.day(NOW.date()).calls)


def test_check_names_an_id_used_twice_in_one_history_at_the_later_entry_and_fix_renames_it(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    ravi, touch_id = logged(store, "Ravi Shah")
    paste(store, ravi, touch_id, "wont")
    lines = store.contact_path(ravi).read_text().splitlines()
    line = [number for number, text in enumerate(lines, 1) if text == "[[log]]"][1]
    assert main(["check", "--data-dir", str(store.root)]) == 1
    (problem, _summary) = capsys.readouterr().err.splitlines()
    assert problem.startswith(f"{store.contact_path(ravi)}:{line}:1: touch id {touch_id} is used again here (wont,")
    assert problem.endswith("run: networkday check --fix (it gives this entry a new id)")

    assert main(["check", "--fix", "--data-dir", str(store.root)]) == 0
    first, copy = store.contact(ravi).log
    assert (first.id, first.outcome, copy.outcome, copy.note) == (touch_id, "talked", "wont", "pasted copy")
    assert copy.id not in ("", touch_id)
    out = capsys.readouterr().out
    assert f"had the id {touch_id} of another touch; its id is now {copy.id}" in out
    # the made call of the first touch is untouched; the copy got its own
    assert calls_by_touch(store) == sorted([(ravi, touch_id, "talked"), (ravi, copy.id, "wont")])
    assert main(["check", "--data-dir", str(store.root)]) == 0


def test_a_copy_that_cannot_be_told_apart_is_left_to_the_person_and_no_call_is_rewritten(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Same time, channel and outcome as the original: which one the call is for is not known."""
    ravi, touch_id = logged(store, "Ravi Shah")
    paste(store, ravi, touch_id, "talked", at=NOW)
    contact_before = store.contact_path(ravi).read_bytes()
    day_before = store.day_path(NOW.date()).read_bytes()
    assert main(["check", "--fix", "--data-dir", str(store.root)]) == 1
    assert "check --fix cannot tell which of them its made call is for" in capsys.readouterr().err
    assert store.contact_path(ravi).read_bytes() == contact_before
    assert store.day_path(NOW.date()).read_bytes() == day_before


def test_fix_never_marks_one_copy_s_call_with_the_other_s_outcome(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two entries share an id and neither has a call (the day file was lost): each ends with its own."""
    ravi = store.add_contact(Contact(id="", name="Ravi Shah")).id
    paste(store, ravi, "abcd0123", "talked", at=NOW, note="first")
    paste(store, ravi, "abcd0123", "wont")
    assert main(["check", "--fix", "--data-dir", str(store.root)]) == 0
    first, copy = store.contact(ravi).log
    assert first.id == "abcd0123" != copy.id
    assert calls_by_touch(store) == sorted([(ravi, "abcd0123", "talked"), (ravi, copy.id, "wont")])


def test_the_prompt_amends_its_own_touch_when_a_copy_carries_its_id() -> None:
    mine = LogEntry(at=NOW, channel="phone", outcome="talked", id="t")
    copy = LogEntry(at=LATER, channel="phone", outcome="wont", id="t")
    contact = Contact(id="ravi", name="Ravi", log=[copy, mine])
    assert amend_touch(contact, "t", TouchDetails(), TouchDetails(note="typed"), like=mine) == []
    assert (mine.note, copy.note) == ("typed", "")
    # without knowing which touch it opened on, nothing is amended
    assert amend_touch(contact, "t", TouchDetails(), TouchDetails(gave="x")) == ["touch"]
    assert (mine.gave, copy.gave) == ("", "")


def test_merge_keeps_touches_that_only_share_an_id_and_each_call_names_its_own(store: Store) -> None:
    """The tester's case: zoe's pasted touch has ravi's id; ravi's own copy too."""
    ravi, touch_id = logged(store, "Ravi Shah")
    zoe = store.add_contact(Contact(id="", name="Zoe Lefevre")).id
    paste(store, ravi, touch_id, "wont")
    paste(store, zoe, touch_id, "talked")
    assert main(["check", "--fix", "--data-dir", str(store.root)]) == 0
    renamed_copy = store.contact(ravi).log[1].id

    merged = merge_contacts(store, ravi, zoe)
    assert [(e.at, e.outcome, e.note) for e in merged.log] == [
        (NOW, "talked", "first"),
        (LATER, "wont", "pasted copy"),
        (LATER, "talked", "pasted copy"),
    ]
    zoes = merged.log[2].id
    assert len({e.id for e in merged.log}) == 3
    assert calls_by_touch(store) == sorted(
        [(ravi, touch_id, "talked"), (ravi, renamed_copy, "wont"), (ravi, zoes, "talked")]
    )
    assert main(["check", "--data-dir", str(store.root)]) == 0


def test_a_merge_run_again_after_a_crash_renames_to_the_same_id(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ravi, touch_id = logged(store, "Ravi Shah")
    zoe = store.add_contact(Contact(id="", name="Zoe Lefevre")).id
    paste(store, zoe, touch_id, "talked")
    assert main(["check", "--fix", "--data-dir", str(store.root)]) == 0

    def crash(*args: object) -> None:
        raise OSError("power cut")

    with monkeypatch.context() as patch:
        patch.setattr(store, "delete_contact", crash)
        with pytest.raises(OSError, match="power cut"):
            merge_contacts(store, ravi, zoe)
    merged = merge_contacts(store, ravi, zoe)
    assert [(e.at, e.outcome) for e in merged.log] == [(NOW, "talked"), (LATER, "talked")]
    assert merged.log[1].id != touch_id
    assert calls_by_touch(store) == sorted([(ravi, touch_id, "talked"), (ravi, merged.log[1].id, "talked")])


def test_one_touch_in_both_records_is_still_joined(store: Store) -> None:
    """The same touch (same time, channel, outcome and id) seen in both records is one entry."""
    ravi, touch_id = logged(store, "Ravi Shah")
    zoe = store.add_contact(Contact(id="", name="Zoe Lefevre")).id
    paste(store, zoe, touch_id, "talked", at=NOW, note="more words")
    merged = merge_contacts(store, ravi, zoe)
    (entry,) = merged.log
    assert (entry.id, entry.note) == (touch_id, "first\nmore words")
