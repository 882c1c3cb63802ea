"""Contacts as CSV, one row each; with ``--history FILE``, every touch in a second CSV.

Lists (emails, phones, links, tags, motives) share one cell, one value per line, so no
value is ever split wrongly; ``phone_kinds`` has one line per line of ``phone`` (empty for a
number without a kind), so the two cells read side by side. A cell that a spreadsheet could run as a formula gets a
leading apostrophe, as OWASP recommends: every cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return. A LinkedIn name such as ``=HYPERLINK(…)`` stays text,
and so does a phone number such as ``+1-415-555-0101``, which a spreadsheet would
otherwise compute. The apostrophe is the one character added; the rest of the cell is
the data as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date

from networkday.domain.companies import Company, Opportunity
from networkday.domain.contact import FIELDS as CONTACT_FIELDS
from networkday.domain.contact import Contact
from networkday.domain.phone_kinds import kind_of

#: The id, every field of a contact (not its history or unknown keys), then when they were last touched.
FIELDS = ("id", *CONTACT_FIELDS)
CONTACT_COLUMNS = (*FIELDS, "last_touch")
HISTORY_COLUMNS = ("contact", "name", "at", "channel", "outcome", "gave", "asked", "note", "touch")
#: ``export csv --opportunities``: one row per opportunity, its last move at the end.
OPPORTUNITY_COLUMNS = (
    "id",
    "company",
    "company_id",
    "target",
    "role",
    "stage",
    "via",
    "opened",
    "link",
    "notes",
    "last_move",
    "last_note",
)
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def contacts_csv(contacts: list[Contact]) -> bytes:
    rows = []
    for contact in contacts:
        last = contact.last_touch
        rows.append((*(_cell(contact, name) for name in FIELDS), _text(last.at if last else None)))
    return _table(CONTACT_COLUMNS, rows)


def _cell(contact: Contact, name: str) -> str:
    """A contact's field as a cell; phone kinds line up with the phone cell, one line per number."""
    if name == "phone_kinds":
        return "\n".join(kind_of(phone, contact.phone_kinds) for phone in contact.phone) if contact.phone_kinds else ""
    return _text(getattr(contact, name))


def _text(value: object) -> str:
    """A field as a cell: lists one value per line, dates in ISO 8601, yes for true."""
    if isinstance(value, list):
        return "\n".join(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else ""
    return "" if value is None else str(value)


def history_csv(contacts: list[Contact]) -> bytes:
    rows = [
        (c.id, c.name, e.at.isoformat(), e.channel, e.outcome or "", e.gave, e.asked, e.note, e.id)
        for c in contacts
        for e in sorted(c.log, key=lambda entry: entry.at)
    ]
    return _table(HISTORY_COLUMNS, rows)


def opportunities_csv(opportunities: Sequence[tuple[Company, Opportunity]]) -> bytes:
    """Each opportunity with its company; ``via`` one contact id per line, as lists are in the contacts' CSV."""
    rows = []
    for company, item in opportunities:
        last = max(item.steps, key=lambda step: step.at) if item.steps else None
        rows.append(
            (
                f"{company.id}/{item.id}",
                company.name,
                company.id,
                _text(company.target),
                item.role,
                item.stage,
                _text(list(item.via)),
                _text(item.opened),
                item.link,
                item.notes,
                last.at.isoformat() if last else "",
                last.note if last else "",
            )
        )
    return _table(OPPORTUNITY_COLUMNS, rows)


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> bytes:
    """UTF-8 with CRLF rows (RFC 4180), as spreadsheets expect."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8")


def safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text and never computes (see the module's docstring)."""
    return f"'{text}" if _FORMULA.search(text) else text
