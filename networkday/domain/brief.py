"""A call brief: what is on record about one person, gathered for the minutes before a call.

Every part comes from a record (the person's file, the summaries of the people it names,
the company file of their company); nothing is guessed. Where a part is missing, the
brief says what to find out instead (``find_out``), so a gap is a question to ask, not
a blank the reader fills with an invented fact. The suggestions are in ``brief_rules``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from networkday.domain.companies import OPEN_STAGES, Company, Opportunity
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.referrals import Referrals
from networkday.domain.summary import ContactSummary
from networkday.domain.vocab import MOTIVES

#: How many touches the brief shows, newest first: enough to pick up where you left off.
TOUCHES_SHOWN = 3


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the brief names; ``known`` is False for an id that names no contact (deleted, mistyped)."""

    id: str
    name: str = ""
    title: str = ""
    company: str = ""
    hiring_manager: bool = False
    known: bool = True


@dataclass(frozen=True, slots=True)
class Motive:
    """A motive with its approach hint; ``hint`` is empty for a motive networkday has no hint for."""

    motive: str
    hint: str


@dataclass(frozen=True, slots=True)
class Exchange:
    """What was given or asked in one touch: ``kind`` is ``gave`` or ``asked``."""

    on: date
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class OpenRole:
    """An open opportunity at the person's company; ``theirs`` when they opened it (``via``)."""

    company_id: str
    company: str
    opportunity_id: str
    role: str
    stage: str
    theirs: bool


@dataclass(frozen=True, slots=True)
class Brief:
    """One person's call brief, as data: the screen and ``networkday brief`` word it alike."""

    contact: Contact
    referrer: Person | None
    leads_to: tuple[Person, ...]
    managers: tuple[Person, ...]
    motives: tuple[Motive, ...]
    exchanges: tuple[Exchange, ...]
    gave: int
    asked: int
    touches: tuple[LogEntry, ...]
    touch_count: int
    roles: tuple[OpenRole, ...]
    #: Whether a company file names their company: "no opportunity on record" means more then.
    company_file: bool

    @property
    def only_asked(self) -> bool:
        """Asked of at least once and never given anything: the call should give first."""
        return self.asked > 0 and self.gave == 0


def person(contacts: Mapping[str, ContactSummary], contact_id: str) -> Person:
    summary = contacts.get(contact_id)
    if summary is None:
        return Person(contact_id, known=False)
    return Person(contact_id, summary.name, summary.title, summary.company, summary.hiring_manager)


def build_brief(
    contact: Contact,
    contacts: Mapping[str, ContactSummary],
    referrals: Referrals,
    company: Company | None,
) -> Brief:
    """The brief of ``contact``; ``company`` is the company file their ``company`` names, if any.

    ``contacts`` are the network's summaries (for the names of the referrer and of the
    people they lead to), ``referrals`` the network's referral index.
    """
    touches = sorted(contact.touches, key=lambda entry: entry.at, reverse=True)
    exchanges = tuple(
        Exchange(entry.at.date(), kind, text.strip())
        for entry in touches
        for kind, text in (("gave", entry.gave), ("asked", entry.asked))
        if text.strip()
    )
    referrer = contact.referred_by
    managers = [m for m in referrals.hiring_managers_via(contact.id) if m != contact.id]
    return Brief(
        contact=contact,
        referrer=person(contacts, referrer) if referrer and referrer != contact.id else None,
        leads_to=tuple(person(contacts, child) for child in referrals.down(contact.id)),
        managers=tuple(person(contacts, manager) for manager in managers),
        motives=tuple(Motive(motive, MOTIVES.get(motive, "")) for motive in dict.fromkeys(contact.motives)),
        exchanges=exchanges,
        gave=sum(1 for entry in touches if entry.gave.strip()),
        asked=sum(1 for entry in touches if entry.asked.strip()),
        touches=tuple(touches[:TOUCHES_SHOWN]),
        touch_count=len(touches),
        roles=open_roles(contact.id, company),
        company_file=company is not None,
    )


def open_roles(contact_id: str, company: Company | None) -> tuple[OpenRole, ...]:
    """The open opportunities at their company: those they opened first, then the furthest along."""
    if company is None:
        return ()
    found = [item for item in company.opportunities if item.is_open]
    found.sort(key=lambda item: (contact_id not in item.via, -OPEN_STAGES.index(item.stage)))
    return tuple(_role(company, item, contact_id) for item in found)


def _role(company: Company, item: Opportunity, contact_id: str) -> OpenRole:
    return OpenRole(company.id, company.name, item.id, item.role, item.stage, contact_id in item.via)
