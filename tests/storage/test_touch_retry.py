"""Logging a touch again after the day file failed to save adds it once, and marks the call."""

from __future__ import annotations

import errno
import os

import pytest

from networkday.domain.contact import Contact, LogEntry
from networkday.services.actions import log_touch
from networkday.storage import atomic
from networkday.storage.problems import WriteError
from networkday.storage.store import Store
from tests.conftest import NOW


def test_a_retry_after_a_failed_day_write_logs_the_touch_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ada = store.add_contact(Contact(id="", name="Ada")).id
    day_path = store.day_path(NOW.date())
    real_replace = os.replace

    def full_disk_for_days(source, target, *args, **kwargs):
        if str(target) == str(day_path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(source, target, *args, **kwargs)

    entry = LogEntry(at=NOW, channel="phone", outcome="will")
    monkeypatch.setattr(atomic.os, "replace", full_disk_for_days)
    with pytest.raises(WriteError, match="No space left"):
        log_touch(store, ada, entry)
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert not day_path.exists()
    log_touch(store, ada, entry)
    assert store.contact(ada).log == [entry]
    assert [(call.contact, call.outcome) for call in store.day(NOW.date()).calls] == [(ada, "will")]
