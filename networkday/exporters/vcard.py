"""Contacts as vCard 4.0 (or 3.0 on request), written with vobject.

Every field survives a round trip through ``networkday import vcard``: the ones vCard
has (name and its parts, company, title, emails, phones and their kinds, links, tags,
notes, who referred them) as standard properties, the others (hiring manager, how you
met, when you connected, motives, cadence, follow-up) as ``X-NETWORKDAY-`` properties
that other programs keep and ignore. The history is not part of a vCard; `networkday export csv --history FILE`
carries it.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from typing import Any

from networkday.domain.contact import Contact
from networkday.domain.phone_kinds import kind_of, vcard_types
from networkday.domain.text import strip_controls

#: The namespace of the UIDs networkday writes: fixed, so every export of one person carries one UID.
NAMESPACE = uuid.UUID("5b0c6a52-2f0e-4c41-9d0a-7c1f0c9e3a11")


def uid_of(contact_id: str) -> str:
    """A stable UID per contact id (``uuid5`` in ``NAMESPACE``), so RELATED can point at the
    referrer and a re-import finds the person again.

    Made from the SHA-1 directly rather than through ``uuid.uuid5``: an import makes one
    for every person in the folder, and building UUID objects took three times as long
    (bench/uid_map.py).
    """
    digest = bytearray(hashlib.sha1(NAMESPACE.bytes + contact_id.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = digest.hex()
    return f"urn:uuid:{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def render(contacts: list[Contact], version: str = "4.0") -> bytes:
    """The contacts as one vCard file: 4.0 (RFC 6350), or 3.0 (RFC 2426) for phones and CardDAV
    clients that need it; 3.0 has no RELATED, so the referrer is an X- property there.
    """
    return "".join(card for _, card in cards(contacts, version)).encode("utf-8")


def cards(contacts: list[Contact], version: str = "4.0") -> Iterator[tuple[Contact, str]]:
    """Each contact with its card, as ``render`` joins them and a vdir holds one per file."""
    import vobject

    known = {contact.id for contact in contacts}
    modern = version == "4.0"
    for contact in contacts:
        card = vobject.vCard()
        card.add("version").value = version
        _add(card, "uid", uid_of(contact.id))
        _add(card, "fn", contact.name)
        # N holds parts the source gave; when they are unknown it stays empty (valid), never a guess.
        given, family = contact.name_parts or ("", "")
        _add(card, "n", vobject.vcard.Name(family=strip_controls(family), given=strip_controls(given)))
        if contact.company:
            _add(card, "org", [strip_controls(contact.company)])
        _add(card, "title", contact.title)
        for email in contact.email:
            _add(card, "email", email)
        for phone in contact.phone:
            types = vcard_types(kind_of(phone, contact.phone_kinds))
            _add(card, "tel", phone, **({"VALUE": ["text"]} if modern else {}), **({"TYPE": types} if types else {}))
        for link in contact.links:
            _add(card, "url", link)
        if contact.tags:
            _add(card, "categories", [strip_controls(tag) for tag in contact.tags])
        _add(card, "note", contact.notes)
        if contact.referred_by in known:
            if modern:
                _add(card, "related", uid_of(contact.referred_by), TYPE=["contact"])
            else:
                _add(card, "x-networkday-referred-by", uid_of(contact.referred_by))
        _add(card, "x-networkday-hiring-manager", "TRUE" if contact.hiring_manager else "")
        _add(card, "x-networkday-met", contact.met)
        _add(card, "x-networkday-connected", connected.isoformat() if (connected := contact.connected_on) else "")
        _add(card, "x-networkday-motives", ",".join(contact.motives))
        _add(card, "x-networkday-cadence-days", str(contact.cadence_days or ""))
        _add(card, "x-networkday-follow-up", contact.follow_up.isoformat() if contact.follow_up else "")
        yield contact, card.serialize()


def _add(card: Any, name: str, value: object, **params: list[str]) -> None:
    """Adds a property when it carries something; text loses control characters on the way out."""
    if not value:
        return
    line = card.add(name)
    line.value = strip_controls(value) if isinstance(value, str) else value
    line.params.update(params)
