"""The Companies screen's rows: every company with its people, hiring managers and best known path.

Built from the contacts' summaries (never their files) and the few company files, in one
pass over the summaries: at 30,000 contacts that is about 10,000 companies. A company
comes from a company file, a name in ``config.toml``'s ``targets``, or the ``company``
of contacts, grouped by ``company_key``, so "ACME Inc." and "Acme" are one row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from networkday.domain.companies import OPEN_STAGES, Companies, Company, Opportunity, company_key
from networkday.domain.referrals import chain_up
from networkday.domain.summary import ContactSummary

#: ``company_key`` once per distinct text: 30,000 contacts share a few thousand spellings.
T = TypeVar("T")
_key_of = lru_cache(maxsize=1 << 16)(company_key)
#: Starts the key of a company without a file: never a company id, which has no ``=``.
_LOOSE = "="


@dataclass(frozen=True, slots=True)
class CompanyRow:
    """One company as the list shows it.

    ``key`` is the company file's id, or ``=`` and the match key for a company that has
    no file yet (one named by contacts or by ``config.toml``).

    ``path`` is the best known way to a hiring manager, root first (the person you met
    yourself) and the manager last; empty when no hiring manager there is known.
    """

    key: str
    name: str
    company: Company | None
    target: bool
    people: tuple[str, ...]
    managers: tuple[str, ...]
    path: tuple[str, ...]
    last_ts: float | None

    @property
    def priority(self) -> int | None:
        return self.company.priority if self.company else None

    def open_by_stage(self) -> list[tuple[str, int]]:
        """Open opportunities counted by stage, in stage order: ``[("interview", 1)]``."""
        if self.company is None:
            return []
        stages = [item.stage for item in self.company.opportunities if item.is_open]
        return [(stage, stages.count(stage)) for stage in OPEN_STAGES if stage in stages]


def best_path(contacts: Mapping[str, ContactSummary], managers: tuple[str, ...]) -> tuple[str, ...]:
    """The shortest referral path to any of ``managers``; ties go to the most recently touched start."""
    best: tuple[str, ...] = ()
    best_key: tuple[int, float] | None = None
    for manager in managers:
        path = (*reversed(chain_up(contacts, manager).ids), manager)
        root = contacts[path[0]]
        key = (len(path), -(root.last_ts or 0.0))
        if best_key is None or key < best_key:
            best, best_key = path, key
    return best


def distances(contacts: Mapping[str, ContactSummary], people: tuple[str, ...]) -> dict[str, int]:
    """Steps from each person at a company to the nearest hiring manager along a referral chain.

    A hiring manager is 0, the person who introduced you to one is 1, and so on; people
    on no chain to a manager are left out.
    """
    found: dict[str, int] = {}
    for manager in (person for person in people if contacts[person].hiring_manager):
        for steps, person in enumerate((manager, *chain_up(contacts, manager).ids)):
            if steps < found.get(person, steps + 1):
                found[person] = steps
    return found


@dataclass(slots=True)
class _Group:
    """A company's people as the one pass over the summaries gathers them."""

    name: str
    owner: Company | None
    people: list[str] = field(default_factory=list)
    managers: list[str] = field(default_factory=list)
    last: float | None = None


#: Marks a company text not met yet in ``_groups``'s pass (None there means "no company").
_UNSEEN = _Group("", None)


def _groups(contacts: Mapping[str, ContactSummary], companies: Companies) -> dict[str, _Group]:
    """Every company by row key: the people of each, its hiring managers and its last touch."""
    files: dict[str, Company] = {}
    for company in companies:  # by id: the first file to claim a name wins it, as in ``Companies``
        for key in company.keys:
            files.setdefault(key, company)
    groups: dict[str, _Group] = {company.id: _Group(company.name, company) for company in companies}
    by_text: dict[str, _Group | None] = {}  # each distinct spelling is normalised once
    for summary in contacts.values():
        text = summary.company
        group = by_text.get(text, _UNSEEN)
        if group is _UNSEEN:
            key = _key_of(text)
            owner = files.get(key) if key else None
            row_key = owner.id if owner else _LOOSE + key
            group = by_text[text] = None if not key else groups.setdefault(row_key, _Group(text.strip(), owner))
        if group is None:
            continue
        group.people.append(summary.id)
        if summary.hiring_manager:
            group.managers.append(summary.id)
        if summary.entries:
            at = summary.entries[-1][0]
            if group.last is None or at > group.last:
                group.last = at
    for name in companies.config_names:
        key = _key_of(name)
        if key and key not in files:
            groups.setdefault(_LOOSE + key, _Group(name.strip(), None))
    return groups


def company_rows(
    contacts: Mapping[str, ContactSummary], companies: Companies, only: str | None = None
) -> list[CompanyRow]:
    """Every company, targets first (by priority, 1 first), then by last touch, most recent first.

    ``only`` keeps the one row with that key (a company screen's), and skips the work of
    the others' paths.
    """
    config_targets = companies.config_targets
    rows = [
        _row(contacts, key, group, config_targets)
        for key, group in _groups(contacts, companies).items()
        if only is None or key == only
    ]
    rows.sort(key=lambda row: (not row.target, row.priority or 4, -(row.last_ts or 0.0), row.name.casefold()))
    return rows


def _row(contacts: Mapping[str, ContactSummary], key: str, group: _Group, config_targets: frozenset[str]) -> CompanyRow:
    """A target by its file's flag or by ``config.toml``, whichever spelling it names it by."""
    company = group.owner
    target = company.target or not config_targets.isdisjoint(company.keys) if company else key[1:] in config_targets
    managers = tuple(group.managers)
    return CompanyRow(
        key=key,
        name=group.name,
        company=company,
        target=target,
        people=tuple(group.people),
        managers=managers,
        path=best_path(contacts, managers) if managers else (),
        last_ts=group.last,
    )


def open_served(companies: Iterable[Company]) -> dict[str, tuple[Company, Opportunity]]:
    """Each company's match keys, with the company and the open opportunity a call there serves.

    When several are open, the one furthest along; the first file by id keeps a shared name.
    """
    found: dict[str, tuple[Company, Opportunity]] = {}
    for company in sorted(companies, key=lambda c: c.id):
        items = [item for item in company.opportunities if item.is_open]
        if not items:
            continue
        best = max(items, key=lambda item: OPEN_STAGES.index(item.stage))
        for key in company.keys:
            found.setdefault(key, (company, best))
    return found


def serves(contacts: Mapping[str, ContactSummary], ids: Iterable[str], by_key: Mapping[str, T]) -> dict[str, T]:
    """What each of ``ids`` (Today's rows) serves at their company, for those where one is open."""
    found: dict[str, T] = {}
    for contact_id in ids:
        summary = contacts.get(contact_id)
        hint = by_key.get(_key_of(summary.company)) if summary is not None and summary.company else None
        if hint:
            found[contact_id] = hint
    return found
