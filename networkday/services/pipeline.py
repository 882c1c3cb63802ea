"""The funnel and attribution from what the store holds: shared by `review` and the review screen."""

from __future__ import annotations

import contextlib
from datetime import date

from networkday.clock import zone_of
from networkday.domain.companies import Companies
from networkday.domain.pipeline import Attribution, Funnel, attribute, chain_behind, funnel, landed_by, opened_by
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


def funnel_of(store: Store, companies: Companies, first: date, last: date) -> Funnel:
    """The funnel from ``first`` to ``last``, both included, in the clock's zone, up to the clock's now."""
    now = store.clock.now()
    return funnel(store.contacts, companies, first, last, zone_of(now), now=now)


def attribution_of(store: Store, companies: Companies, last: date) -> Attribution:
    """What led to the interviews and offers of the search as it stood at the end of ``last``,
    or today when ``last`` is still to come (the review's period under way).

    Motives are in the contact files, not the summaries: only the people behind an
    opportunity that came to something by then are read, and one that cannot be read
    counts with no motives (``check`` names its file).
    """
    contacts = store.contacts
    zone = zone_of(store.clock.now())
    by = attribution_day(store, last)
    people = {
        person
        for _, opportunity in opened_by(companies, by, zone)
        if landed_by(opportunity, by, zone)
        for person in chain_behind(contacts, opportunity.via)
        if person in contacts
    }
    motives: dict[str, list[str]] = {}
    for person in sorted(people):
        with contextlib.suppress(StoreError):
            motives[person] = store.contact(person).motives
    return attribute(contacts, companies, motives, by, zone)


def attribution_day(store: Store, last: date) -> date:
    """The day a review's attribution stands at: the period's last, or today while it runs."""
    return min(last, store.clock.today())
