"""A small network for the help-others mode, shared by its Pilot tests and its snapshots."""

from __future__ import annotations

from datetime import timedelta

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Call
from networkday.storage.store import Store
from tests.conftest import NOW


def helping_world(store: Store) -> Store:
    """A searching friend, one who asked a favour, one introduced a fortnight ago, a hiring manager, a planned call."""
    store.add_contacts(
        [
            Contact(id="", name="Ada Lovelace", company="Analytical Engines", motives=["searching"]),
            Contact(
                id="",
                name="Alan Kay",
                company="Xerox",
                log=[LogEntry(at=NOW - timedelta(days=2), outcome="talked", they_asked="a look at his portfolio")],
            ),
            Contact(
                id="",
                name="Barbara Liskov",
                tags=["job-seeker"],
                log=[LogEntry(at=NOW - timedelta(days=14), gave="an introduction", introduced=["grace-hopper"])],
            ),
            Contact(id="", name="Grace Hopper", company="Navy Labs", hiring_manager=True),
            Contact(id="", name="Edsger Dijkstra", company="Eindhoven"),
        ]
    )
    store.update_day(NOW.date(), lambda day: day.calls.append(Call("edsger-dijkstra", purpose="catch up")))
    return store
