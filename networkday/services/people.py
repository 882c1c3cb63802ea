"""Adding a person to the network: one operation for `networkday add`, the contact form and Today's Add."""

from __future__ import annotations

from datetime import date

from networkday.domain import plan
from networkday.domain.contact import Contact
from networkday.domain.file_edit import apply_file_edit
from networkday.services.actions import edit_contact
from networkday.storage.store import Store


def add_person(store: Store, contact: Contact) -> Contact:
    """Saves a new contact under a fresh id from its name (``jane-doe``, ``jane-doe-2``)."""
    return store.add_contact(contact)


def add_and_plan(store: Store, day: date, name: str) -> Contact:
    """Adds a person known only by name and plans a call with them on ``day``.

    Today's Add names someone who is not in the network yet: rather than send the person
    to another screen to create them first, the contact is made as ``networkday add NAME``
    makes it, and the call is planned. Should the day fail to save, the contact stays:
    it is a fact typed by the person, and re-adding would make a second one.
    """
    contact = add_person(store, Contact(id="", name=name.strip()))
    store.update_day(day, lambda record: plan.add_person(record, contact.id))
    return contact


def save_hand_edit(store: Store, base: Contact, edited: Contact) -> Contact:
    """Saves ``networkday edit``: ``base`` is the file as the editor opened it, ``edited`` as it was saved.

    Merged under the lock into the file as it is now (``domain.file_edit``): a touch logged or
    a field changed meanwhile is kept; the same field changed both ways writes nothing.
    """
    return edit_contact(store, base, edited, merge=apply_file_edit, opened="the editor opened")
