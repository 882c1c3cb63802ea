"""Checks for what people type into forms and commands."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from datetime import date

from networkday.domain.contact import Contact
from networkday.domain.dates import parse_when
from networkday.domain.edit import EDITABLE_FIELDS
from networkday.domain.summary import ContactSummary
from networkday.domain.vocab import MOTIVES

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\".]{2,}$")
_SAFE_LINK = re.compile(r"^(https://[^\s\x00-\x1f]+|mailto:[^\s\x00-\x1f]+)$", re.IGNORECASE)


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def safe_link(text: str) -> bool:
    """Only https and mailto links are ever opened or shown as hyperlinks."""
    return bool(_SAFE_LINK.match(text.strip()))


# -- the contact form ---------------------------------------------------------------------

#: Separators people type between list items. Phones hold spaces and tags may, so they
#: split on commas, semicolons and new lines only; addresses, links and motives on spaces too.
_LOOSE = re.compile(r"[,;\s]+")
_LINES = re.compile(r"[,;\n]+")
_SPLITTERS = {"email": _LOOSE, "links": _LOOSE, "motives": _LOOSE, "phone": _LINES, "tags": _LINES}
_TEXT_FIELDS = ("name", "given", "family", "company", "title", "referred_by", "met", "notes")
CADENCE_MAX = 3650


def form_values(contact: Contact) -> dict[str, str | bool]:
    """The text each form field starts with; ``contact_from_form`` reads it back unchanged."""
    values: dict[str, str | bool] = {}
    for name in EDITABLE_FIELDS:
        value = getattr(contact, name)
        if isinstance(value, bool):
            values[name] = value
        elif isinstance(value, list):
            values[name] = ", ".join(value)
        elif isinstance(value, date):
            values[name] = value.isoformat()
        else:
            values[name] = "" if value is None else str(value)
    return values


def contact_from_form(
    values: Mapping[str, str | bool], base: Contact, contacts: Mapping[str, ContactSummary], today: date
) -> tuple[Contact, dict[str, str]]:
    """The edited contact and the errors to show beside their fields (empty when it may be saved).

    ``base`` is the contact as the form opened (``Contact(id="", name="")`` for a new one);
    fields missing from ``values`` keep its value, and so do its history and unknown keys.
    ``follow_up`` accepts what ``dates.parse_when`` does (2026-12-01, tomorrow, +3, +2w).
    """
    errors: dict[str, str] = {}
    edited = copy.deepcopy(base)
    for name in EDITABLE_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if name == "hiring_manager":
            edited.hiring_manager = value if isinstance(value, bool) else value.strip().lower() in ("yes", "true", "1")
            continue
        text = str(value)
        if name in _SPLITTERS:
            items = [item.strip() for item in _SPLITTERS[name].split(text)]
            setattr(edited, name, list(dict.fromkeys(item for item in items if item)))
        elif name in _TEXT_FIELDS:
            before = getattr(base, name) or ""
            kept = before if text.strip() == before.strip() else text if name == "notes" else text.strip()
            setattr(edited, name, kept or (None if name == "referred_by" else ""))
        elif name == "cadence_days":
            edited.cadence_days, problem = _cadence(text)
            if problem:
                errors[name] = problem
        elif name == "follow_up":
            try:
                edited.follow_up = parse_when(text, today) if text.strip() else None
            except ValueError as error:
                errors[name] = str(error)
    for name, problem in contact_errors(edited, contacts).items():
        errors.setdefault(name, problem)
    return edited, errors


def _cadence(text: str) -> tuple[int | None, str | None]:
    if not text.strip():
        return None, None
    try:
        days = int(text.strip())
    except ValueError:
        return None, f"{text.strip()!r} is not a number of days"
    if not 1 <= days <= CADENCE_MAX:
        return None, f"keep in touch every 1 to {CADENCE_MAX} days"
    return days, None


def contact_errors(contact: Contact, contacts: Mapping[str, ContactSummary]) -> dict[str, str]:
    """Field -> message for everything that would stop the contact from being saved or read back."""
    errors: dict[str, str] = {}
    if not contact.name.strip():
        errors["name"] = "a name is required"
    bad = next((email for email in contact.email if not valid_email(email)), None)
    if bad is not None:
        errors["email"] = f"{bad!r} is not an email address"
    unknown = next((motive for motive in contact.motives if motive not in MOTIVES), None)
    if unknown is not None:
        errors["motives"] = f"unknown motive {unknown!r} (choose from {', '.join(MOTIVES)})"
    if contact.cadence_days is not None and not 1 <= contact.cadence_days <= CADENCE_MAX:
        errors["cadence_days"] = f"keep in touch every 1 to {CADENCE_MAX} days"
    problem = referral_problem(contact.id, contact.referred_by, contacts)
    if problem:
        errors["referred_by"] = problem
    return errors


def referral_problem(contact_id: str, referred_by: str | None, contacts: Mapping[str, ContactSummary]) -> str | None:
    """Why ``referred_by`` cannot be this contact's referrer: unknown, itself, or a loop."""
    if not referred_by:
        return None
    if contact_id and referred_by == contact_id:
        return "a person cannot have introduced you to themselves"
    referrer = contacts.get(referred_by)
    if referrer is None:
        return f"no contact with the id {referred_by!r}"
    seen = {referred_by}
    step = referrer
    while contact_id and step.referred_by and step.referred_by not in seen:
        if step.referred_by == contact_id:
            return f"{referrer.name} was introduced to you through this person: that would make a loop"
        seen.add(step.referred_by)
        next_step = contacts.get(step.referred_by)
        if next_step is None:
            break
        step = next_step
    return None
