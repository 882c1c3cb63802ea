"""The call brief of one person: one operation for the brief screen and `networkday brief`."""

from __future__ import annotations

from networkday.domain.brief import Brief, build_brief
from networkday.domain.referrals import build_referrals
from networkday.services.companies import target_config
from networkday.storage.store import Store


def call_brief(store: Store, contact_id: str) -> Brief:
    """The brief from the person's file as it is now, the network's summaries and their company's file.

    Raises StoreError (one located line) for an unknown id or a file that cannot be read.
    The referral index is built over the whole network, as the person's screen builds it:
    one pass over the summaries, which the index holds, reading no other contact file.
    """
    contact = store.contact(contact_id)
    referrals = build_referrals(store.contacts, target_config(store).is_target)
    company = store.companies().of_contact(contact.company) if contact.company.strip() else None
    return build_brief(contact, store.contacts, referrals, company)
