"""`networkday check` cross-checks touches against made calls; `--fix` adds the missing side."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.services.actions import HalfLoggedError, log_touch
from networkday.storage import atomic
from networkday.storage.store import Store
from tests.conftest import NOW


def half_logged(store: Store, monkeypatch: pytest.MonkeyPatch) -> tuple[str, LogEntry]:
    """A log whose day write failed (disk full) after the contact was saved."""
    ada = store.add_contact(Contact(id="", name="Ada")).id
    real_replace = os.replace
    day_path = str(store.day_path(NOW.date()))

    def replace(source, target, *args, **kwargs):
        if str(target) == day_path:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(source, target, *args, **kwargs)

    entry = LogEntry(at=NOW, channel="phone", outcome="talked")
    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "replace", replace)
        with pytest.raises(HalfLoggedError):
            log_touch(store, ada, entry)
    return ada, entry


def test_a_touch_without_its_made_call_is_reported_and_fixed(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ada, entry = half_logged(store, monkeypatch)
    assert main(["check", "--data-dir", str(store.root)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"{store.contact_path(ada)}:4:1: touch {entry.id} (talked, {NOW.isoformat()}) has no made call in "
        f"{store.day_path(NOW.date())}; run: networkday check --fix"
    )
    assert main(["check", "--fix", "--data-dir", str(store.root)]) == 0
    out = capsys.readouterr().out
    assert f"made call to {ada} for touch {entry.id} added" in out
    (call,) = store.day(NOW.date()).calls
    assert (call.contact, call.outcome, call.at, call.touch) == (ada, "talked", NOW, entry.id)
    assert main(["check", "--data-dir", str(store.root)]) == 0


def test_a_made_call_without_its_touch_is_reported_and_its_touch_put_back(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    store.update_day(NOW.date(), lambda day: day.calls.append(Call(ada, "email", outcome="will", at=NOW, touch="t1")))
    assert main(["check", "--data-dir", str(store.root)]) == 1
    err = capsys.readouterr().err
    assert f"{store.day_path(NOW.date())}:" in err
    assert f"made call to {ada} (will) has no touch in the history of {store.contact_path(ada)}" in err
    assert main(["check", "--fix", "--data-dir", str(store.root)]) == 0
    (entry,) = store.contact(ada).log
    assert (entry.at, entry.channel, entry.outcome, entry.id) == (NOW, "email", "will", "t1")


def test_history_typed_by_hand_and_calls_of_a_deleted_contact_are_no_problem(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_contact(Contact(id="", name="Ada", log=[LogEntry(at=NOW, channel="phone", outcome="talked")]))
    store.update_day(NOW.date(), lambda day: day.calls.append(Call("gone", outcome="will", at=NOW)))
    assert main(["check", "--data-dir", str(store.root)]) == 0
    assert "no problems" in capsys.readouterr().out


def test_the_demo_data_agrees(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from networkday.storage.demo import demo_copy

    folder = demo_copy(NOW.date(), tmp_path / "demo")
    assert main(["check", "--data-dir", str(folder)]) == 0
    assert "no problems" in capsys.readouterr().out


def test_check_suggests_fix_only_for_a_file_fix_can_write(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A day file of a newer format, or a broken one, takes no made call from ``--fix``: not suggested."""
    _, entry = half_logged(store, monkeypatch)
    day_path = store.day_path(NOW.date())
    for text, hint in [
        (f"format = 99\ndate = {NOW.date()}\n", "from a newer networkday and read-only here"),
        (f"format = 1\ndate = {NOW.date()}\nbroken = [\n", "has a problem of its own"),
    ]:
        day_path.write_text(text)
        assert main(["check", "--data-dir", str(store.root)]) == 1
        err = capsys.readouterr().err
        (touch_line,) = [line for line in err.splitlines() if f"touch {entry.id}" in line]
        assert hint in touch_line
        assert "--fix" not in err
        assert main(["check", "--fix", "--data-dir", str(store.root)]) == 1
        assert day_path.read_text() == text
        capsys.readouterr()
