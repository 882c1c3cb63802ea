"""A person a sync kept as two records (added on both machines): the line on their screen, and N to dismiss it.

The line names the other record; ``m`` on either screen opens the merge preview with the
pair (``ContactActions.merge_contact``), and N says they are two people, which drops the
flag from both files (``services.duplicates``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.text import Text

from networkday.domain.contact import Contact
from networkday.domain.summary import ContactSummary
from networkday.domain.sync_duplicates import flagged
from networkday.services.duplicates import dismiss_duplicate
from networkday.ui.plain import plain_line

if TYPE_CHECKING:  # the screens that act on a contact import this module's line through contact_story
    from networkday.ui.contact_actions import ContactActions


def likely_same(contact: Contact, contacts: Mapping[str, ContactSummary]) -> Text | None:
    """The warning and its two keys, or None when the person is not flagged."""
    other = flagged(contact.extra)
    if other is None:
        return None
    summary = contacts.get(other) if other != contact.id else None
    if summary is None:  # gone since, or a hand-edited flag naming them: no pair for m to merge
        who = "themselves" if other == contact.id else f"{other} (no such contact now)"
        out = plain_line(f"! Flagged by a sync as likely the same person as {who}", "bold")
        out.append("\n")
        out.append_text(plain_line("There is no other record to merge: N clears the flag.", "dim"))
        return out
    out = plain_line(f"! Likely the same person as {summary.name} ({other}) (added on both machines)", "bold")
    out.append("\n")
    out.append_text(plain_line("m merges the two records; N says they are two people.", "dim"))
    return out


def not_the_same(screen: ContactActions, contact_id: str) -> None:
    """Dismisses the flag on both records, after which neither screen nor ``check`` asks again."""
    other: list[str | None] = []
    if not screen.guard(lambda: other.append(dismiss_duplicate(screen.store, contact_id)), "Not dismissed"):
        return
    if other[0] is None:
        screen.notify("Nobody is flagged as the same person as them.", severity="warning")
        return
    screen.notify(f"Kept as two people: {other[0]} and {contact_id}.", markup=False, timeout=4)
    screen.contacts_changed(contact_id)
