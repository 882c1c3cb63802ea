"""tests/journal_world.py's week with companies: a referral that led to an interview, and a cold application.

On top of that world (Berlin, Wednesday 2026-11-25 at 21:00):

- Sam Reyes, whom Jane Doe introduced, had a coffee with you on Monday at 12:00 and will
  help; his motive is learning.
- Acme (a target): "Staff engineer", opened today through Sam, moved to interview today.
- Beta Corp: "Designer", a cold application opened today.

The week's funnel: reached 4 (Jane, Bob, Dan, Sam), will help 2 (Jane, Sam), introductions 1
(Sam), opened 2, interviews 1, offers 0. Over the whole search 1 of 2 opportunities came
through people.
"""

from __future__ import annotations

from pathlib import Path

from networkday.domain.contact import Contact, LogEntry
from networkday.services.companies import add_company, add_opportunity, move_opportunity
from networkday.storage.store import Store
from tests.journal_world import MON, at, world_store


def build_pipeline(store: Store) -> None:
    """Adds the people and companies through the store and the services, as the app would."""
    store.add_contact(
        Contact(
            id="",
            name="Sam Reyes",
            referred_by="jane-doe",
            motives=["learning"],
            log=[LogEntry(at(MON, 12), "coffee", "will")],
        )
    )
    add_company(store, "Acme", target=True)
    add_opportunity(store, "acme", "Staff engineer", via=["sam-reyes"])
    move_opportunity(store, "acme/staff-engineer", "interview", note="First round")
    add_company(store, "Beta Corp")
    add_opportunity(store, "beta-corp", "Designer", stage="applied")


def pipeline_store(root: Path) -> Store:
    store = world_store(root)
    build_pipeline(store)
    return store
