"""A sync's "likely the same person" flag, read and dismissed: the app's screens and any command share these.

The flag (``sync_duplicates.FLAG``) sits on both records of a person added on both
machines. Merging the two drops it (``merge.merge_into``); when they are two people, the
person dismisses it here, from both files, so neither screen nor ``check`` asks again.
"""

from __future__ import annotations

from collections.abc import Callable

from networkday.domain.contact import Contact
from networkday.domain.sync_duplicates import FLAG, flagged
from networkday.storage.store import Store


def likely_duplicate(store: Store, contact_id: str) -> str | None:
    """The id of the record this person is likely the same as, when it still exists."""
    other = flagged(store.contact(contact_id).extra)
    return other if other is not None and other != contact_id and other in store.contacts else None


def _unflag(naming: str | None) -> Callable[[Contact], None]:
    def change(contact: Contact) -> None:
        if naming is None or flagged(contact.extra) == naming:
            contact.extra.pop(FLAG, None)

    return change


def dismiss_duplicate(store: Store, contact_id: str) -> str | None:
    """Drops the flag from the person and from the record it names, if that names them back; that record's id."""
    other = flagged(store.contact(contact_id).extra)
    store.update_contact(contact_id, _unflag(None))
    if other is not None and other in store.contacts:
        store.update_contact(other, _unflag(contact_id))
    return other
