"""The brief in words, section by section, and as the JSON of ``networkday brief --json``.

One wording for the screen and the command: each section is a heading and lines of plain
text in which the user's words stand as typed. The caller makes them safe for where they
go (``escape_output`` for a terminal, ``plain`` for the screen), so neither can differ
from the other in what it says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from networkday.domain.brief import Brief, Person
from networkday.domain.brief_rules import find_out, name_of, offer, opening
from networkday.domain.wording import outcome_text, since

#: How much of the person's notes the brief shows; the person's screen has them all.
NOTES_SHOWN = 400
#: How many gives and asks the brief lists, newest first.
EXCHANGES_SHOWN = 4


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    lines: tuple[str, ...]


def folded(text: str, limit: int) -> str:
    """On one line, cut with ``…`` past ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def described(who: Person) -> str:
    """``Priya Raman (Director, Lumen Analytics, hiring manager)``; an unknown id says so."""
    if not who.known:
        return f"{who.id} (not in your network)"
    about = ", ".join(part for part in (who.title, who.company, "hiring manager" if who.hiring_manager else "") if part)
    return f"{name_of(who)} ({about})" if about else name_of(who)


def sections(brief: Brief, today: date) -> list[Section]:
    """Who, referrals, motives, give and ask, last touches, opportunity, then the suggestions."""
    gaps = find_out(brief)
    return [
        Section("Who", _who(brief)),
        Section("Referrals", _referrals(brief)),
        Section("Why they may help", _motives(brief)),
        Section("Give and ask", _exchanges(brief)),
        Section("Last touches", _touches(brief, today)),
        Section("Open opportunity", _roles(brief)),
        Section("Suggested opening", (opening(brief, today),)),
        Section("Suggested offer", (offer(brief),)),
        *([Section("Find out", tuple(gaps))] if gaps else []),
    ]


def _who(brief: Brief) -> tuple[str, ...]:
    contact = brief.contact
    work = " at ".join(part for part in (contact.title.strip(), contact.company.strip()) if part)
    lines = [f"{work or 'no title or company on record'}{' · hiring manager' if contact.hiring_manager else ''}"]
    lines.append(f"met: {contact.met.strip()}" if contact.met.strip() else "met: not on record")
    if contact.connected_on is not None:
        lines.append(f"connected: {contact.connected_on:%d %b %Y}")
    if contact.notes.strip():
        lines.append(f"notes: {folded(contact.notes, NOTES_SHOWN)}")
    return tuple(lines)


def _referrals(brief: Brief) -> tuple[str, ...]:
    referrer = brief.referrer
    lines = [f"introduced by: {described(referrer)}" if referrer else "introduced by: nobody, you met them yourself"]
    leads = "; ".join(described(who) for who in brief.leads_to)
    lines.append(f"can lead to: {leads or 'nobody yet'}")
    if brief.managers:
        lines.append(f"on the way to: {'; '.join(described(who) for who in brief.managers)}")
    return tuple(lines)


def _motives(brief: Brief) -> tuple[str, ...]:
    if not brief.motives:
        return ("no motives noted",)
    return tuple(f"{item.motive}: {item.hint or 'no hint known for this motive'}" for item in brief.motives)


def _exchanges(brief: Brief) -> tuple[str, ...]:
    lines = [f"gave {brief.gave} · asked {brief.asked}"]
    if brief.only_asked:
        lines.append("! only asked so far, never given: give before you ask again")
    if not brief.exchanges:
        lines.append("nothing given or asked yet")
    lines.extend(
        f"{item.on:%d %b %Y}  {item.kind}: {folded(item.text, NOTES_SHOWN)}"
        for item in brief.exchanges[:EXCHANGES_SHOWN]
    )
    return tuple(lines)


def _touches(brief: Brief, today: date) -> tuple[str, ...]:
    if not brief.touches:
        return ("no touch on record: this is your first talk",)
    lines = []
    for entry in brief.touches:
        day = entry.at.date()
        lines.append(f"{day:%d %b %Y} ({since(day, today)}) · {entry.channel} · {outcome_text(entry.outcome)}")
        if entry.note.strip():
            lines.append(f"  {folded(entry.note, NOTES_SHOWN)}")
    if brief.touch_count > len(brief.touches):
        lines.append(f"({len(brief.touches)} of {brief.touch_count} touches; the person's screen has them all)")
    return tuple(lines)


def _roles(brief: Brief) -> tuple[str, ...]:
    if not brief.roles:
        return ("none on record",)
    return tuple(
        f"{role.role} at {role.company} · {role.stage}{' · they opened it' if role.theirs else ''}"
        for role in brief.roles
    )


def _person_json(who: Person) -> dict[str, Any]:
    return {
        "id": who.id,
        "known": who.known,
        "name": who.name,
        "title": who.title,
        "company": who.company,
        "hiring_manager": who.hiring_manager,
    }


def brief_json(brief: Brief, today: date) -> dict[str, Any]:
    """The whole brief for scripts: the user's words whole (not cut), raw values (``wont``);
    ``print_json`` puts the format's ``version`` first, as for every command."""
    contact = brief.contact
    return {
        "id": contact.id,
        "name": contact.name,
        "title": contact.title,
        "company": contact.company,
        "hiring_manager": contact.hiring_manager,
        "met": contact.met,
        "connected": contact.connected_on.isoformat() if contact.connected_on else None,
        "notes": contact.notes,
        "referrer": _person_json(brief.referrer) if brief.referrer else None,
        "leads_to": [_person_json(who) for who in brief.leads_to],
        "hiring_managers_via": [_person_json(who) for who in brief.managers],
        "motives": [{"motive": item.motive, "hint": item.hint} for item in brief.motives],
        "gave": brief.gave,
        "asked": brief.asked,
        "only_asked": brief.only_asked,
        "exchanges": [{"on": item.on.isoformat(), "kind": item.kind, "text": item.text} for item in brief.exchanges],
        "touches": [
            {
                "at": entry.at.isoformat(),
                "channel": entry.channel,
                "outcome": entry.outcome,
                "gave": entry.gave,
                "asked": entry.asked,
                "note": entry.note,
            }
            for entry in brief.touches
        ],
        "touch_count": brief.touch_count,
        "opportunities": [
            {
                "id": f"{role.company_id}/{role.opportunity_id}",
                "company": role.company,
                "role": role.role,
                "stage": role.stage,
                "theirs": role.theirs,
            }
            for role in brief.roles
        ],
        "opening": opening(brief, today),
        "offer": offer(brief),
        "find_out": find_out(brief),
    }
