"""Companies and opportunities: the writes the Companies screen and the company commands share.

Each operation applies its change to the company as it is on disk now (``Store.update_company``),
so a hand edit or another instance's change made meanwhile is kept. A refusal (an unknown
contact, a stage it is at already) is a StoreError with a one-line reason and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from networkday.clock import zone_of
from networkday.domain.companies import (
    STAGES,
    Companies,
    Company,
    Opportunity,
    Step,
    company_key,
    dangling_via,
    shared_names,
)
from networkday.domain.company_rows import CompanyRow, company_rows, open_served, serves
from networkday.domain.errors import RecordError
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary
from networkday.domain.text import one_line
from networkday.storage.problems import DataProblem, StoreError
from networkday.storage.store import Store


@dataclass(frozen=True, slots=True)
class Placed:
    """An opportunity with its company: what lists, exports and moves hand around."""

    company: Company
    opportunity: Opportunity

    @property
    def ref(self) -> str:
        """``company-id/opportunity-id``: how commands name it."""
        return f"{self.company.id}/{self.opportunity.id}"


def target_config(store: Store) -> Config:
    """The settings with every company file marked ``target`` added to ``targets``.

    What ranks the queue and finds paths to hiring managers: ``Companies.is_target``'s
    answer, from a read of the target files only (``Store.company_targets``), so building
    the day's queue parses no company file that is not a target.
    """
    names = store.company_targets()
    config = store.config
    return replace(config, targets=(*config.targets, *names)) if names else config


def add_company(store: Store, name: str, *, target: bool = False, aliases: Sequence[str] = ()) -> Company:
    """A new company file; a name or alias another company already answers to is refused
    (by the store, under its lock: see ``CompanyFiles.add``)."""
    name = one_line(name)
    if not company_key(name):
        raise StoreError(f"{name!r} cannot name a company (it is empty or a placeholder such as Self-employed)")
    by_key = {company_key(alias): alias for alias in reversed([one_line(alias) for alias in aliases])}
    by_key.pop(company_key(name), None)
    kept = tuple(alias for key, alias in reversed(by_key.items()) if key)  # the first spelling of each
    return store.add_company(Company(id="", name=name, target=target, aliases=kept))


def set_target(store: Store, company_id: str, target: bool) -> Company:
    """Marks a company as a target or not; when it already is so, nothing is written.

    A company that config.toml's ``targets`` names stays a target whatever its file says,
    so unmarking it is refused, naming the file and the key, and nothing is written:
    saying "not a target" while every list still ranks it as one would mislead.
    """
    config = store.folder.config_path

    def change(company: Company) -> Company:
        named = None if target else Companies([company], store.config.targets).config_name(company)
        if named is not None:
            raise StoreError(
                f"{company.id} stays a target: targets in {config} names it ({named!r}); remove it from there"
            )
        return replace(company, target=target)

    return store.update_company(company_id, change)


def add_opportunity(
    store: Store,
    company_id: str,
    role: str,
    *,
    via: Sequence[str] = (),
    stage: str = "lead",
    link: str = "",
    notes: str = "",
) -> Placed:
    """A new opportunity at a company, opened today, with its first step dated now.

    ``via`` must name contacts that exist: a typo would silently turn a referral into a
    cold application. Its id comes from the role (``staff-engineer``, ``-2`` when taken).
    """
    role = one_line(role)
    if not role:
        raise StoreError("ROLE must not be empty")
    if stage not in STAGES:
        raise StoreError(f"unknown stage {stage!r} (expected one of {', '.join(STAGES)})")
    contacts = store.contacts
    for contact_id in via:
        if contact_id not in contacts:
            raise StoreError(_unknown_via(store, contact_id))
    now = store.clock.now().replace(microsecond=0)
    added: list[Opportunity] = []

    def change(company: Company) -> Company:
        opportunity = Opportunity(
            id=company.new_opportunity_id(role),
            role=role,
            stage=stage,
            via=tuple(dict.fromkeys(via)),
            opened=now.date(),
            link=link.strip(),
            notes=notes,
            steps=(Step(at=now, stage=stage),),
        )
        added[:] = [opportunity]
        return company.with_opportunity(opportunity)

    company = store.update_company(company_id, change)
    return Placed(company, added[0])


def _unknown_via(store: Store, contact_id: str) -> str:
    """Why ``via`` names no contact: its file cannot be read (the file and its problem,
    so it can be fixed), or there is none."""
    problem = store.problems.get(store.contacts_dir / f"{contact_id}.toml")
    if problem is not None:
        return f"--via {contact_id!r}: the contact's file cannot be read: {problem}"
    return f"--via {contact_id!r}: no such contact"


def move_opportunity(
    store: Store, ref: str, stage: str, note: str = "", on: date | None = None, *, expected: str | None = None
) -> Placed:
    """Moves ``company-id/opportunity-id`` to ``stage``; the same stage is refused, and so is a
    move from ``expected`` when the file, read under the lock, holds another stage by then.

    The move is dated now, or ``on`` a day's midnight when that is another day: an
    interview set for next week is a step dated then, and ``export ics`` shows it. The
    steps stay in date order, and a move dated before a step made already is history
    that leaves the stage as it is (``Opportunity.moved``).
    """
    company_id, opportunity_id = split_ref(ref)
    now = at = store.clock.now().replace(microsecond=0)
    if on is not None and on != now.date():
        at = datetime.combine(on, time(), zone_of(now))
    moved: list[Opportunity] = []

    def change(company: Company) -> Company:
        opportunity = company.opportunity(opportunity_id)
        if opportunity is None:
            raise StoreError(f"no opportunity {opportunity_id!r} at {company.id!r}")
        if expected is not None and opportunity.stage != expected:
            raise StoreError(f"{opportunity.role} is {opportunity.stage} now, not {expected}: not moved")
        try:
            moved[:] = [opportunity.moved(stage, at, note, now=now)]
        except RecordError as error:
            raise StoreError(error.message) from None
        return company.with_opportunity(moved[0])

    company = store.update_company(company_id, change)
    return Placed(company, moved[0])


def split_ref(ref: str) -> tuple[str, str]:
    """``acme/staff-engineer`` as its two ids; anything else is refused with the form expected."""
    company_id, slash, opportunity_id = ref.partition("/")
    if not slash or not company_id or not opportunity_id or "/" in opportunity_id:
        raise StoreError(f"{ref!r} is not COMPANY_ID/OPPORTUNITY_ID (such as acme/staff-engineer)")
    return company_id, opportunity_id


def opportunities(companies: Iterable[Company], *, open_only: bool = False) -> list[Placed]:
    """Every opportunity with its company, by company id then in file order."""
    return [
        Placed(company, opportunity)
        for company in companies
        for opportunity in company.opportunities
        if opportunity.is_open or not open_only
    ]


def ordered(companies: Companies) -> list[Company]:
    """Targets first (by priority, 1 first, then none), then the rest, each by name."""
    return sorted(
        companies,
        key=lambda c: (not companies.is_target(c.name), c.priority or 4, c.name.casefold(), c.id),
    )


def company_warnings(store: Store, companies: Companies) -> list[DataProblem]:
    """What ``check`` warns of in company files that read well: a ``via`` naming no contact
    (unless some contact file cannot be read: which ids they hold is not known), a name or
    alias two companies share. Neither stops a load."""
    contacts, folder = store.contacts, store.contacts_dir
    unsure = any(folder in (path, path.parent) for path in store.problems)
    found = [] if unsure else [(c, where, message) for c in companies for where, message in dangling_via(c, contacts)]
    found += shared_names(companies)
    files = store.company_files
    return [files.problem_at(company.id, where, f"warning: {message}") for company, where, message in found]


def company_list(store: Store, only: str | None = None) -> list[CompanyRow]:
    """The Companies screen's rows from the summaries and the company files (see ``company_rows``)."""
    return company_rows(store.contacts, store.companies(), only)


def opportunity_hints(
    store: Store, contacts: Mapping[str, ContactSummary], ids: Iterable[str]
) -> dict[str, tuple[str, str]]:
    """For Today's rows: the role and stage of the open opportunity each call serves (``served``)."""
    return {
        contact_id: (p.opportunity.role, p.opportunity.stage) for contact_id, p in served(store, contacts, ids).items()
    }


def served(store: Store, contacts: Mapping[str, ContactSummary], ids: Iterable[str]) -> dict[str, Placed]:
    """The open opportunity each of ``ids`` serves at their company, from the company files that have one.

    Reads only files that mention an opportunity, and each of them again only once it changed.
    """
    by_key = open_served(store.company_openings())
    return {contact_id: Placed(*pair) for contact_id, pair in serves(contacts, ids, by_key).items()} if by_key else {}
