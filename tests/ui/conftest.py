"""A small network for UI tests: stable names, a follow-up due, a planned call."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.storage.store import Store
from tests.conftest import NOW

TODAY = NOW.date()


@pytest.fixture
def small_store(store: Store) -> Store:
    """Five people: one planned, one with a follow-up due, one given to before, two new."""
    store.add_contact(Contact(id="", name="Ada Lovelace", company="Analytical", title="Engineer"))
    store.add_contact(
        Contact(
            id="",
            name="Grace Hopper",
            company="Navy Labs",
            title="Hiring manager",
            hiring_manager=True,
            follow_up=TODAY - timedelta(days=2),
        )
    )
    store.add_contact(
        Contact(
            id="",
            name="Linus Pauling",
            company="Chem Co",
            log=[LogEntry(at=NOW - timedelta(days=12), channel="coffee", outcome="will", gave="article")],
        )
    )
    store.add_contact(Contact(id="", name="Zoë [b]Markup[/b]", company="[@click=app.quit]Evil"))
    store.add_contact(Contact(id="", name="Mary Jackson", company="Wind Tunnel"))
    store.update_day(TODAY, lambda day: day.calls.append(Call("ada-lovelace", channel="video", purpose="intro")))
    return store


def day_after(days: int) -> date:
    return TODAY + timedelta(days=days)
