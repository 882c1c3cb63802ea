"""A small fixed network for the Contacts tests and snapshots.

A referral chain leads to a hiring manager at the target company (Ada → Bob → Grace at
Navy Labs), Ada has asked more than she was given and is losing touch, Ada also has a
duplicate record that someone was referred by and a day file names, Linus has a follow-up
due today, Mary was never contacted, and Zoë's record holds markup and escape sequences.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.storage.store import Store
from tests.conftest import NOW

TODAY = NOW.date()
#: An OSC 52 clipboard write and a colour change: neither may reach the terminal.
ESCAPES = "\x1b]52;c;ZXZpbA==\x07\x1b[31m"
EVIL_NAME = f"Zoë [b]Markup[/b]{ESCAPES}"
EVIL_COMPANY = "[@click=app.quit]Evil"


def people() -> list[Contact]:
    """In the order they get their ids: the second Ada becomes ``ada-lovelace-2``."""
    return [
        Contact(
            id="",
            name="Ada Lovelace",
            company="Analytical Engines",
            title="Engineer",
            email=["ada@example.com"],
            phone=["+44 20 5550 1000"],
            links=["https://ada.example.com/", "javascript:alert(1)"],
            tags=["python", "alumni"],
            motives=["generosity", "referrer"],
            met="PyCon 2024",
            cadence_days=30,
            log=[
                LogEntry(at=NOW - timedelta(days=60), channel="coffee", outcome="will", gave="an article"),
                LogEntry(at=NOW - timedelta(days=50), channel="phone", outcome="talked", asked="an intro to Bob"),
                LogEntry(
                    at=NOW - timedelta(days=40), channel="email", outcome="will", asked="a CV review", note="kind"
                ),
            ],
        ),
        Contact(id="", name="Bob Byrne", company="Navy Labs", title="Engineer", referred_by="ada-lovelace"),
        Contact(
            id="",
            name="Grace Hopper",
            company="Navy Labs",
            title="Head of Engineering",
            hiring_manager=True,
            referred_by="bob-byrne",
            email=["grace@navy.example"],
            follow_up=TODAY - timedelta(days=3),
        ),
        Contact(
            id="",
            name="Linus Pauling",
            company="Chem Co",
            tags=["python"],
            follow_up=TODAY,
            log=[LogEntry(at=NOW - timedelta(days=12), channel="coffee", outcome="will", gave="a lead")],
        ),
        Contact(id="", name="Mary Jackson", company="Wind Tunnel", title="Engineer"),
        Contact(id="", name=EVIL_NAME, company=EVIL_COMPANY, notes=f"[red]not red[/red]{ESCAPES}"),
        Contact(
            id="",
            name="Ada Lovelace",
            company="Analytical Engines Ltd",
            email=["ada@home.example"],
            log=[LogEntry(at=NOW - timedelta(days=5), channel="video", outcome="talked", note="second record")],
        ),
        Contact(id="", name="Carl Sagan", company="Cosmos", referred_by="ada-lovelace-2"),
    ]


def build(store: Store) -> Store:
    store.add_contacts(people())
    store.config = dataclasses.replace(store.config, targets=("Navy Labs",), tag_cadence={"alumni": 60})
    store.update_day(TODAY, lambda day: day.calls.append(Call("ada-lovelace-2", channel="video", purpose="catch up")))
    return store


def ids(app) -> list[str]:
    """The ids in the network list, top to bottom."""
    from networkday.ui.widgets.contact_list import ContactList

    return [row.id for row in app.screen.query_one(ContactList).rows]


def line_texts(app) -> list[str]:
    """What the network list's visible lines say, header first."""
    from networkday.ui.widgets.contact_list import ContactList

    table = app.screen.query_one(ContactList)
    return [table.render_line(y).text for y in range(table.size.height)]
