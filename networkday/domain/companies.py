"""Target companies and the opportunities at them: the records of ``companies/<id>.toml``.

A contact belongs to a company when its ``company`` text matches the company's name or
one of its aliases (``company_key``): there are no ids to keep in step by hand. The
records are frozen; a change makes a new record, so a company read once can be shared by
every view without one of them changing it under another.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from networkday.domain.errors import KeyPath, RecordError
from networkday.domain.fields import TableReader, put
from networkday.domain.text import normalise_company, slugify
from networkday.domain.vocab import FORMAT_VERSION

STAGES: tuple[str, ...] = ("lead", "applied", "interview", "offer", "accepted", "declined", "closed")
#: Stages an opportunity is still moving through; the others are where it ended.
OPEN_STAGES: tuple[str, ...] = ("lead", "applied", "interview", "offer")
#: An opportunity's own fields in the order of docs/FORMAT.md.
OPPORTUNITY_FIELDS: tuple[str, ...] = ("id", "role", "stage", "via", "opened", "link", "notes")
_OPPORTUNITY_ID = re.compile(r"\A[a-z0-9][a-z0-9-]{0,79}\Z")


def company_key(text: str) -> str:
    """The match key of a company's name: case, accents, ``Inc``/``GmbH`` and placeholders
    such as ``Self-employed`` (which give ``""``, matching nothing) fold away."""
    return normalise_company(text)


@dataclass(frozen=True, slots=True)
class Step:
    """One dated move of an opportunity: ``[[opportunity.step]]``."""

    at: datetime
    stage: str
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def from_reader(cls, r: TableReader, zone: tzinfo) -> Step:
        return cls(
            at=_instant(r, "at", zone),
            stage=r.choice("stage", STAGES, required=True) or "",
            note=r.text("note"),
            extra=r.rest(),
        )

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {"at": self.at, "stage": self.stage}
        put(table, "note", self.note)
        table.update(self.extra)
        return table


def _instant(r: TableReader, key: str, zone: tzinfo) -> datetime:
    """An offset datetime, or a bare date read as that day's midnight in ``zone``."""
    value = r.data.get(key)
    if isinstance(value, date) and not isinstance(value, datetime):
        day = r.required_date(key)
        return datetime.combine(day, time(), zone)
    at = r.opt_instant(key)
    if at is None:
        raise RecordError(f"{key!r} is required", (*r.path, key))
    return at


@dataclass(frozen=True, slots=True)
class Opportunity:
    """A role at a company, and how it came: ``via`` names the contacts who opened it
    (the referral, the inside contact); empty means a cold application."""

    id: str
    role: str
    stage: str
    via: tuple[str, ...] = ()
    opened: date | None = None
    link: str = ""
    notes: str = ""
    steps: tuple[Step, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES

    @property
    def cold(self) -> bool:
        return not self.via

    def reached(self, stage: str) -> bool:
        """Whether it ever stood at ``stage``: now or in any step of its history."""
        return self.stage == stage or any(step.stage == stage for step in self.steps)

    def moved(self, stage: str, at: datetime, note: str = "", *, now: datetime | None = None) -> Opportunity:
        """The opportunity with the move dated in its steps; the same stage is refused.

        Steps stay in date order, so a move dated before a later step (``--on yesterday``
        after a step today) goes in its place, after the steps of the same instant. The
        stage is that of the latest-dated step, with one exception: a step dated after
        ``now`` (an offer set for next week) is a plan, and a move made by then (declined
        today) is not held back by it. Without ``now``, every later step holds it back.
        """
        if stage not in STAGES:
            raise RecordError(f"unknown stage {stage!r} (expected one of {', '.join(STAGES)})", ("stage",))
        if stage == self.stage:
            raise RecordError(f"{self.id} is already at {stage}", ("stage",))
        place = sum(1 for step in self.steps if step.at <= at)
        later = [step for step in self.steps[place:] if now is None or step.at <= now]
        steps = (*self.steps[:place], Step(at=at, stage=stage, note=note), *self.steps[place:])
        return replace(self, stage=later[-1].stage if later else stage, steps=steps)

    @classmethod
    def from_reader(cls, r: TableReader, zone: tzinfo) -> Opportunity:
        opportunity_id = r.text("id", required=True)
        if not _OPPORTUNITY_ID.match(opportunity_id):
            raise RecordError(
                f"opportunity id {opportunity_id!r} must be lowercase letters, digits and dashes", (*r.path, "id")
            )
        return cls(
            id=opportunity_id,
            role=r.text("role", required=True),
            stage=r.choice("stage", STAGES, required=True) or "",
            via=tuple(r.text_list("via")),
            opened=r.opt_date("opened"),
            link=r.text("link"),
            notes=r.text("notes"),
            steps=tuple(Step.from_reader(item, zone) for item in r.tables("step")),
            extra=r.rest(),
        )

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {"id": self.id, "role": self.role, "stage": self.stage}
        put(table, "via", list(self.via))
        put(table, "opened", self.opened)
        put(table, "link", self.link)
        put(table, "notes", self.notes)
        table.update({key: value for key, value in self.extra.items() if key != "step"})
        if self.steps:
            table["step"] = [step.to_dict() for step in self.steps]
        return table


@dataclass(frozen=True, slots=True)
class Company:
    """One company; ``id`` is the file stem and never stored inside the file."""

    id: str
    name: str
    target: bool = False
    aliases: tuple[str, ...] = ()
    website: str = ""
    notes: str = ""
    priority: int | None = None
    opportunities: tuple[Opportunity, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def keys(self) -> frozenset[str]:
        """The match keys of its name and aliases (an empty one matches nothing)."""
        return frozenset(key for key in map(company_key, (self.name, *self.aliases)) if key)

    def opportunity(self, opportunity_id: str) -> Opportunity | None:
        return next((item for item in self.opportunities if item.id == opportunity_id), None)

    def with_opportunity(self, opportunity: Opportunity) -> Company:
        """The company with ``opportunity`` put in place of the one with its id, or added last."""
        items = list(self.opportunities)
        for index, item in enumerate(items):
            if item.id == opportunity.id:
                items[index] = opportunity
                return replace(self, opportunities=tuple(items))
        return replace(self, opportunities=(*items, opportunity))

    def new_opportunity_id(self, role: str) -> str:
        """A readable id from the role (``staff-engineer``), numbered ``-2`` when taken."""
        base = slugify(role)[:60].strip("-")
        base = "opportunity" if base.startswith("contact-") or not base else base
        taken = {item.id for item in self.opportunities}
        number = 1
        while (candidate := base if number == 1 else f"{base}-{number}") in taken:
            number += 1
        return candidate

    @classmethod
    def from_dict(cls, company_id: str, table: dict[str, Any], zone: tzinfo = UTC) -> Company:
        """Reads a company file's table; ``zone`` dates a step written as a bare date."""
        r = TableReader(table)
        r.opt_int("format")
        opportunities = tuple(Opportunity.from_reader(item, zone) for item in r.tables("opportunity"))
        seen: set[str] = set()
        for index, opportunity in enumerate(opportunities):
            if opportunity.id in seen:
                raise RecordError(f"opportunity id {opportunity.id!r} is used twice", ("opportunity", index, "id"))
            seen.add(opportunity.id)
        return cls(
            id=company_id,
            name=r.text("name", required=True).strip(),
            target=r.flag("target"),
            aliases=tuple(r.text_list("aliases")),
            website=r.text("website"),
            notes=r.text("notes"),
            priority=r.opt_int("priority", minimum=1, maximum=3),
            opportunities=opportunities,
            extra=r.rest(),
        )

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {"format": FORMAT_VERSION, "name": self.name}
        put(table, "target", self.target)
        put(table, "aliases", list(self.aliases))
        put(table, "website", self.website)
        put(table, "notes", self.notes)
        put(table, "priority", self.priority)
        table.update({key: value for key, value in self.extra.items() if key != "opportunity"})
        if self.opportunities:
            table["opportunity"] = [item.to_dict() for item in self.opportunities]
        return table


class Companies:
    """The set of known companies, built once per load: lookups by id and by a contact's company text.

    ``targets`` are ``config.toml``'s names: those companies are targets even without a file,
    and one naming any name or alias of a file makes the whole company a target, so its
    people are ranked alike whichever spelling their ``company`` uses. When two files claim
    the same name or alias, the first by id wins the match.
    """

    def __init__(self, companies: Iterable[Company] = (), targets: Iterable[str] = ()) -> None:
        self.by_id: dict[str, Company] = {company.id: company for company in sorted(companies, key=lambda c: c.id)}
        self._by_key: dict[str, Company] = {}
        for company in self.by_id.values():
            for key in company.keys:
                self._by_key.setdefault(key, company)
        #: ``config.toml``'s target names as written, for offering to create their files.
        self.config_names: tuple[str, ...] = tuple(targets)
        self.config_targets: frozenset[str] = frozenset(key for key in map(company_key, self.config_names) if key)
        self._target_keys = self.config_targets | {
            key
            for company in self.by_id.values()
            if company.target or company.keys & self.config_targets
            for key in company.keys
        }

    def __iter__(self) -> Iterator[Company]:
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def get(self, company_id: str) -> Company | None:
        return self.by_id.get(company_id)

    def of_contact(self, company_text: str) -> Company | None:
        """The company a contact's ``company`` names, by name or alias; None when no file has it."""
        key = company_key(company_text)
        return self._by_key.get(key) if key else None

    def claimed(self, company: Company) -> tuple[str, Company] | None:
        """The first of ``company``'s name and aliases that a company here already answers
        to, with that company: a second file for it would split its people. None: all free."""
        for text in (company.name, *company.aliases):
            other = self.of_contact(text)
            if other is not None:
                return text, other
        return None

    def is_target(self, company_text: str) -> bool:
        """A target by a company file's ``target`` flag or by ``config.toml``'s ``targets``."""
        key = company_key(company_text)
        return bool(key) and key in self._target_keys

    def config_name(self, company: Company) -> str | None:
        """The first of ``config.toml``'s targets naming ``company`` (by name or alias): it
        stays a target through that name whatever its file says. None when none does."""
        keys = company.keys
        return next((name for name in self.config_names if company_key(name) in keys), None)

    def without_file(self) -> list[str]:
        """``config.toml``'s targets that no company file names: the app offers to create them."""
        return [name for name in self.config_names if company_key(name) and company_key(name) not in self._by_key]


def dangling_via(company: Company, contacts: Container[str]) -> list[tuple[KeyPath, str]]:
    """Each ``via`` that names no contact, where it is and what to say: a warning, since the
    contact may be in a file that cannot be read now, or not yet synced."""
    return [
        ((("opportunity", index, "via", position)), f"via {contact_id!r} names no contact")
        for index, opportunity in enumerate(company.opportunities)
        for position, contact_id in enumerate(opportunity.via)
        if contact_id not in contacts
    ]


def shared_names(companies: Iterable[Company]) -> list[tuple[Company, KeyPath, str]]:
    """A name or alias that an earlier company (by id) already answers to: contacts match the earlier one."""
    owners: dict[str, Company] = {}
    found: list[tuple[Company, KeyPath, str]] = []
    for company in sorted(companies, key=lambda c: c.id):
        for where, text in ((("name",), company.name), *((("aliases", i), a) for i, a in enumerate(company.aliases))):
            key = company_key(text)
            owner = owners.setdefault(key, company) if key else company
            if owner is not company:
                found.append((company, where, f"{text!r} is also {owner.id!r}'s; contacts match {owner.id!r}"))
    return found
