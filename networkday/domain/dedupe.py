"""Recognising people an import brings in, and merging what it knows into them.

A person is recognised by, in order: a shared email address (any case), a shared
LinkedIn profile, or the same normalised name *and* company. Two people with one name
but different LinkedIn profiles stay apart, whatever their companies. Merging fills
only empty fields and adds to lists, so it never overwrites what the user wrote, and
running the same import twice changes nothing the second time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from urllib.parse import unquote, urlsplit

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.import_limits import MAX_VALUES, WORDS, capped_union
from networkday.domain.incoming import Record
from networkday.domain.phone_kinds import fill_kinds, same_in
from networkday.domain.phones import phone_key
from networkday.domain.text import fold, normalise_company
from networkday.domain.vocab import MOTIVES

_NOT_WORD = re.compile(r"[\W_]+")
_PROFILE_PATH = re.compile(r"^/(in|pub)/[^/]+")


def email_key(email: str) -> str:
    return email.strip().casefold()


def name_key(name: str) -> str:
    """Case-, accent- and punctuation-blind, but keeping letters of every script.

    Keeping only ASCII letters would give every name in Chinese or Hebrew the same
    empty key; here ``李娜`` stays ``李娜``.
    """
    return " ".join(_NOT_WORD.sub(" ", fold(name)).split())


def company_key(company: str) -> str:
    """Placeholders such as "Self-employed" count as no company."""
    return normalise_company(company)


def profile_key(link: str) -> str | None:
    """The LinkedIn profile a link points at, or None for any other link.

    ``https://www.linkedin.com/in/Jane-Doe/``, ``http://uk.linkedin.com/in/jane-doe?trk=x``
    and ``linkedin.com/in/jane-doe`` are one profile. Other links (a company's home page)
    are shared by many people and never identify one.
    """
    text = link.strip()
    try:
        parts = urlsplit(text if "//" in text else f"//{text}")
        host = (parts.hostname or "").casefold()
    except ValueError:
        return None
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return None
    match = _PROFILE_PATH.match(unquote(parts.path).casefold())
    return f"linkedin.com{match.group(0)}" if match else None


def profiles(links: Iterable[str]) -> set[str]:
    return {key for key in map(profile_key, links) if key}


@dataclass(slots=True)
class Person:
    """What the index knows about one person, existing or about to be added.

    Slots and tuples, not sets: an import of a million new people holds a million of
    these, and most people have one name and at most one profile.
    """

    company: str
    profiles: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


class PeopleIndex:
    """Everyone an import can match against, keyed the three ways a person is recognised.

    Keys are contact ids for people already in the data folder and any other string
    (the importer uses ``new:N``) for people the import is about to add, so that a file
    listing someone twice adds them once.
    """

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self._by_email: dict[str, str] = {}
        self._by_profile: dict[str, str] = {}
        self._by_pair: dict[tuple[str, str], list[str]] = {}
        #: The same, for the people in each who had no LinkedIn profile when added.
        self._pair_unlinked: dict[tuple[str, str], list[str]] = {}
        self._by_name: dict[str, list[str]] = {}
        #: Name key -> the people with it who have no LinkedIn profile.
        self._unlinked: dict[str, set[str]] = {}

    def add(self, key: str, name: str, company: str, emails: Iterable[str], links: Iterable[str]) -> None:
        """Registers a person, or teaches the index more ways to recognise one."""
        person = self.people.get(key)
        known_before = person is not None
        if person is None:
            person = self.people[key] = Person(company)
        for email in emails:
            self._by_email.setdefault(email_key(email), key)
        for profile in profiles(links):
            if profile not in person.profiles:
                person.profiles += (profile,)
            self._by_profile.setdefault(profile, key)
        names = name_key(name)
        if names:
            if names not in person.names:
                person.names += (names,)
                self._by_name.setdefault(names, []).append(key)
            pair = (names, company_key(company))
            keys = self._by_pair.setdefault(pair, [])
            if not known_before or key not in keys:  # a crowded pair is searched only for someone seen before
                keys.append(key)
                if not person.profiles:
                    self._pair_unlinked.setdefault(pair, []).append(key)
        for known in person.names:
            if not person.profiles:
                self._unlinked.setdefault(known, set()).add(key)
            elif known in self._unlinked:
                self._unlinked[known].discard(key)

    def match(self, record: Record) -> str | None:
        """The key of who ``record`` is: by email, else by profile, else by name and company; or None."""
        for email in record.email:
            key = self._by_email.get(email_key(email))
            if key is not None:
                return key
        incoming = profiles(record.links)
        for profile in sorted(incoming):
            key = self._by_profile.get(profile)
            if key is not None:
                return key
        pair = (name_key(record.name), company_key(record.company))
        if not incoming:
            keys = self._by_pair.get(pair)
            return keys[0] if keys else None
        return self._first_unlinked(pair)

    def _first_unlinked(self, pair: tuple[str, str]) -> str | None:
        """The first person with this name and company who has no LinkedIn profile, or None.

        Someone with a profile is told apart from a record with another one (a shared
        profile matched before this is asked). A profile, once known, stays, so those who
        gained one are dropped from the front for good: a crowded name costs no more
        than a rare one.
        """
        keys = self._pair_unlinked.get(pair)
        if not keys:
            return None
        linked = 0
        while linked < len(keys) and self.people[keys[linked]].profiles:
            linked += 1
        del keys[:linked]
        return keys[0] if keys else None

    def find(self, reference: str) -> str | None:
        """Whom a reference names: an email address (bare or ``mailto:``), or a name only one person has."""
        text = reference.strip()
        if text[:7].casefold() == "mailto:":
            text = text[7:]
        if "@" in text:
            return self._by_email.get(email_key(text))
        keys = self._by_name.get(name_key(text), [])
        return keys[0] if len(keys) == 1 else None

    def likely(self, key: str) -> list[str]:
        """Others with this person's name who might be them: not told apart by their profiles.

        Someone with a profile is told apart from everyone with another one, so only the
        namesakes without a profile are candidates; this keeps a network full of common
        names linear rather than quadratic.
        """
        person = self.people[key]
        found: set[str] = set()
        for names in person.names:
            found |= self._unlinked.get(names, set()) if person.profiles else set(self._by_name.get(names, ()))
        found.discard(key)
        return sorted(found)


def same_touch(a: LogEntry, b: LogEntry) -> bool:
    """One touch recorded twice: same day, channel, outcome and words.

    The day is compared rather than the instant, so an import run again from another
    time zone still recognises the connection date it wrote the first time.
    """
    return (
        a.at.date() == b.at.date()
        and a.channel == b.channel
        and a.outcome == b.outcome
        and a.note == b.note
        and a.gave == b.gave
        and a.asked == b.asked
    )


def merge_record(contact: Contact, record: Record, left_out: list[str] | None = None, region: str = "") -> bool:
    """Adds what ``record`` knows to ``contact`` without overwriting anything; True if it changed.

    A list already at its limit (``import_limits.MAX_VALUES``) takes no more values; each
    such list adds a sentence to ``left_out``. Phones are one when ``phone_key`` says so in
    ``region`` (``[import] region``).
    """
    before = contact.to_dict()
    contact.take_parts(record, record.name)
    for name in ("company", "title", "notes", "met"):
        if not getattr(contact, name) and getattr(record, name):
            setattr(contact, name, getattr(record, name))
    if contact.cadence_days is None:
        contact.cadence_days = record.cadence_days
    if contact.follow_up is None:
        contact.follow_up = record.follow_up
    if contact.connected is None:
        contact.connected = record.connected
    contact.hiring_manager = contact.hiring_manager or record.hiring_manager
    keys: dict[str, Callable[[str], str]] = {**_LIST_KEYS, "phone": partial(phone_key, region=region)}
    for name, key in keys.items():
        most = MAX_VALUES[name]
        merged, dropped = capped_union(getattr(contact, name), getattr(record, name), key, most)
        setattr(contact, name, merged)
        if dropped and left_out is not None:
            left_out.append(f"{contact.name} already has {most} {WORDS[name]}; {dropped:,} more left out")
    contact.phone_kinds, _ = fill_kinds(contact.phone, contact.phone_kinds, record.phone_kinds, same_in(region))
    contact.motives, _ = capped_union(contact.motives, record.motives, str, len(MOTIVES))
    for entry in record.log:
        if not any(same_touch(entry, kept) for kept in contact.log):
            bisect.insort(contact.log, entry, key=lambda item: item.at)
    return contact.to_dict() != before


def _link_key(link: str) -> str:
    return profile_key(link) or link.strip()


#: How two values of each list are told to be one, for merging (phones: ``phone_key`` in the region).
_LIST_KEYS: dict[str, Callable[[str], str]] = {
    "email": email_key,
    "links": _link_key,
    "tags": str.casefold,
}
