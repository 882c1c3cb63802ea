"""The funnel and attribution from what the store holds: shared by `review` and the review screen."""

from __future__ import annotations

import contextlib
from datetime import date

from networkday.clock import zone_of
from networkday.domain.companies import Companies
from networkday.domain.pipeline import LANDED, Attribution, Funnel, attribute, chain_behind, funnel
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


def funnel_of(store: Store, companies: Companies, first: date, last: date) -> Funnel:
    """The funnel from ``first`` to ``last``, both included, in the clock's zone."""
    return funnel(store.contacts, companies, first, last, zone_of(store.clock.now()))


def attribution_of(store: Store, companies: Companies) -> Attribution:
    """What led to every interview and offer of the whole search.

    Motives are in the contact files, not the summaries: only the people behind an
    opportunity that came to something are read, and one that cannot be read counts
    with no motives (``check`` names its file).
    """
    contacts = store.contacts
    people = {
        person
        for company in companies
        for opportunity in company.opportunities
        if any(opportunity.reached(stage) for stage in LANDED)
        for person in chain_behind(contacts, opportunity.via)
        if person in contacts
    }
    motives: dict[str, list[str]] = {}
    for person in sorted(people):
        with contextlib.suppress(StoreError):
            motives[person] = store.contact(person).motives
    return attribute(contacts, companies, motives)
