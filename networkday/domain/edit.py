"""Saving a form over a file that may have changed since the form opened: a three-way merge.

The form remembers the contact as it was when it opened (``base``). At save time the
file is read again (``current``): a field only the form changed takes the form's value,
a field only the file changed keeps the file's, and a field both changed to different
values is a conflict that the person must settle; nothing is silently overwritten.
"""

from __future__ import annotations

import copy

from networkday.domain.contact import FIELDS, Contact

#: What the contact form edits: every field; the history and unknown keys are never touched by it.
EDITABLE_FIELDS = FIELDS


def changed_fields(before: Contact, after: Contact) -> list[str]:
    return [name for name in EDITABLE_FIELDS if getattr(before, name) != getattr(after, name)]


def apply_edit(current: Contact, base: Contact, edited: Contact) -> list[str]:
    """Puts the form's changes (``base`` -> ``edited``) into ``current``; returns the clashing fields.

    Fields in the returned list are left as ``current`` has them. Both sides making the
    same change is no conflict.
    """
    conflicts = []
    for name in changed_fields(base, edited):
        mine, theirs = getattr(edited, name), getattr(current, name)
        if theirs == getattr(base, name) or theirs == mine:
            setattr(current, name, copy.copy(mine))
        else:
            conflicts.append(name)
    return conflicts
