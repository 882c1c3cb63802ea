"""A half-applied log says what was saved; a retry or a twin in the same second counts once on both sides."""

from __future__ import annotations

from datetime import timedelta

import pytest

from networkday.cli import main
from networkday.domain.contact import Contact, LogEntry
from networkday.services.actions import HalfLoggedError, log_touch
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.storage.saving import full_disk_for


def test_a_failed_day_write_says_the_touch_is_saved_and_a_retry_logs_it_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    day_path = store.day_path(NOW.date())
    with monkeypatch.context() as patch:
        full_disk_for(patch, day_path)
        with pytest.raises(HalfLoggedError) as failed:
            log_touch(store, ada, LogEntry(at=NOW, channel="phone", outcome="will"))
    message = str(failed.value)
    assert f"the touch is saved in {store.contact_path(ada)}" in message
    assert f"the made call is not saved in its day file: {day_path}" in message
    assert "No space left" in message
    assert "networkday check --fix" in message
    assert not day_path.exists()
    log_touch(store, ada, LogEntry(at=NOW, channel="phone", outcome="will"))
    (touch,) = store.contact(ada).log
    (call,) = store.day(NOW.date()).calls
    assert (call.contact, call.outcome, call.touch) == (ada, "will", touch.id)


def test_two_identical_logs_in_one_second_agree_history_and_day(store: Store) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    for _ in range(2):
        log_touch(store, ada, LogEntry(at=NOW, channel="phone", outcome="talked", note="same"))
    (touch,) = store.contact(ada).log
    assert [(c.contact, c.touch) for c in store.day(NOW.date()).calls] == [(ada, touch.id)]


def test_two_different_logs_in_one_second_are_two_touches_and_two_calls(store: Store) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    first, second = (LogEntry(at=NOW, channel="phone", outcome="talked", note=n) for n in ("one", "two"))
    log_touch(store, ada, first)
    log_touch(store, ada, second)
    log = store.contact(ada).log
    assert [e.note for e in log] == ["one", "two"]
    assert first.id != second.id
    assert sorted(c.touch for c in store.day(NOW.date()).calls) == sorted([first.id, second.id])


def test_a_retry_of_a_touch_logged_before_ids_marks_its_old_call_again(store: Store) -> None:
    """A history entry and made call written by an older networkday (no id): the retry adopts both."""
    ada = store.add_contact(Contact(id="", name="Ada")).id
    store.contact_path(ada).write_text(
        f'name = "Ada"\n\n[[log]]\nat = {NOW.isoformat()}\nchannel = "phone"\noutcome = "will"\n'
    )
    store.day_path(NOW.date()).parent.mkdir(parents=True, exist_ok=True)
    store.day_path(NOW.date()).write_text(
        f'date = {NOW.date()}\n\n[[call]]\ncontact = "{ada}"\nchannel = "phone"\n'
        f'outcome = "will"\nat = {NOW.isoformat()}\n'
    )
    log_touch(store, ada, LogEntry(at=NOW, channel="phone", outcome="will"))
    (touch,) = store.contact(ada).log
    (call,) = store.day(NOW.date()).calls
    assert touch.id
    assert call.touch == touch.id


@pytest.mark.parametrize(
    "content",
    [b"date = 2026-11-25\n[[call]\n", b"format = 2\ndate = 2026-11-25\n"],
    ids=["damaged", "newer"],
)
def test_a_day_file_that_cannot_be_written_stops_the_log_before_anything_is_saved(
    store: Store, content: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    before = store.contact_path(ada).read_bytes()
    store.day_path(NOW.date()).parent.mkdir(parents=True, exist_ok=True)
    store.day_path(NOW.date()).write_bytes(content)
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    assert main(["log", ada, "talked", "--data-dir", str(store.root)]) == 1
    error = capsys.readouterr().err
    assert str(store.day_path(NOW.date())) in error
    assert "the touch is not saved anywhere" in error
    assert error.count("\n") == 1
    assert store.contact_path(ada).read_bytes() == before
    assert store.day_path(NOW.date()).read_bytes() == content


def test_the_command_says_what_was_saved_when_only_the_day_write_fails(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    with monkeypatch.context() as patch:
        full_disk_for(patch, store.day_path(NOW.date()))
        assert main(["log", ada, "talked", "--note", "hi", "--data-dir", str(store.root)]) == 1
    error = capsys.readouterr().err
    assert "the touch is saved in" in error
    assert "not saved in its day file" in error
    assert main(["log", ada, "talked", "--note", "hi", "--data-dir", str(store.root)]) == 0
    assert capsys.readouterr().out == f"{ada}: talked by phone was logged already, not added again\n"
    assert len(store.contact(ada).log) == 1
    assert len(store.day(NOW.date()).calls) == 1


def test_a_merge_keeps_each_touch_with_its_id_so_the_calls_still_match(store: Store) -> None:
    """Both records of one person were called in the same second: two touches, two calls, after the merge too."""
    from networkday.services.actions import merge_contacts
    from networkday.services.touch_audit import audit_touches

    keep, gone = (store.add_contact(Contact(id="", name="Jane Doe")).id for _ in range(2))
    for contact_id in (keep, gone):
        log_touch(store, contact_id, LogEntry(at=NOW, channel="phone", outcome="talked"))
    merged = merge_contacts(store, keep, gone)
    calls = store.day(NOW.date()).calls
    assert sorted(e.id for e in merged.log) == sorted(c.touch for c in calls)
    assert [c.contact for c in calls] == [keep, keep]
    assert audit_touches(store) == []


def test_a_retry_a_minute_later_completes_the_half_logged_touch(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The day write failed at 9:30; the same log at 9:31 marks that touch's call, adds no second touch."""
    ada = store.add_contact(Contact(id="", name="Ada")).id
    command = ["log", ada, "talked", "--note", "retry", "--data-dir", str(store.root)]
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    with monkeypatch.context() as patch:
        full_disk_for(patch, store.day_path(NOW.date()))
        assert main(command) == 1
    capsys.readouterr()
    monkeypatch.setenv("NETWORKDAY_NOW", (NOW + timedelta(minutes=1)).isoformat())
    assert main(command) == 0
    assert capsys.readouterr().out == f"{ada}: talked by phone was logged already at 09:30, its call is now marked\n"
    (touch,) = store.contact(ada).log
    (call,) = store.day(NOW.date()).calls
    assert (touch.at, call.at, call.touch, call.outcome) == (NOW, NOW, touch.id, "talked")
    assert main(["check", "--fix", "--data-dir", str(store.root)]) == 0
    assert len(store.day(NOW.date()).calls) == 1


def test_a_second_touch_later_is_added_when_its_words_differ_or_the_first_has_its_call(store: Store) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    later = NOW + timedelta(minutes=5)
    log_touch(store, ada, LogEntry(at=NOW, channel="phone", outcome="talked", note="hi"))
    log_touch(store, ada, LogEntry(at=later, channel="phone", outcome="talked", note="hi"))
    log_touch(store, ada, LogEntry(at=later, channel="phone", outcome="talked", note="again"))
    log = store.contact(ada).log
    assert [(e.at, e.note) for e in log] == [(NOW, "hi"), (later, "hi"), (later, "again")]
    assert sorted(c.touch for c in store.day(NOW.date()).calls) == sorted(e.id for e in log)


def test_a_retry_with_other_words_after_a_failed_day_write_is_another_touch(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    with monkeypatch.context() as patch:
        full_disk_for(patch, store.day_path(NOW.date()))
        with pytest.raises(HalfLoggedError):
            log_touch(store, ada, LogEntry(at=NOW, channel="phone", outcome="talked", note="one"))
    second = LogEntry(at=NOW + timedelta(minutes=1), channel="phone", outcome="talked", note="two")
    log_touch(store, ada, second)
    assert [e.note for e in store.contact(ada).log] == ["one", "two"]
    assert [c.touch for c in store.day(NOW.date()).calls] == [second.id]
