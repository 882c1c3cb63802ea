"""The brief's suggestions: an opening, an offer, and what to find out, each a rule over the record.

Each suggestion quotes a fact on record (who introduced you, your last talk, how you met,
what you gave) or a fixed rule for one of the motives; none states a fact the record does
not hold. Where the record is silent, the rule says what to find out, or falls back on a
question anyone can ask ("what are you working on?").
"""

from __future__ import annotations

from datetime import date

from networkday.domain.brief import Brief, Person
from networkday.domain.wording import outcome_text, since

#: How much of a quoted note or give a suggestion keeps: the suggestion is one line or two.
QUOTED = 80

#: What to offer someone for each motive; ``{referrer}`` is the person who introduced you.
MOTIVE_OFFERS: dict[str, str] = {
    "generosity": "Thank them early, and offer to tell them what their help leads to.",
    "empathy": "Offer to pass on what has worked in your search to anyone they know who is looking.",
    "curiosity": "Bring one idea or question about their work, and offer to send a short write-up after.",
    "referrer": "Offer to tell {referrer} how the call went: they help for that person's sake.",
    "recognition": "Say which of their work or advice you value, and offer to say so where it counts.",
    "learning": "Offer something you know that they may not: a skill, a tool, an article, a contact.",
    "searching": "Offer a lead or a contact for their own search.",
}

FALLBACK_OPENING = "Say plainly how you came to call them, then ask what they are working on."
FALLBACK_OFFER = "Nothing on record says what they value: ask what they are working on, and offer help with that."
ONLY_ASKED = "You have only asked so far: give first. "


def quoted(text: str, limit: int = QUOTED) -> str:
    """``“text”`` on one line, cut with ``…`` past ``limit`` characters."""
    line = " ".join(text.split())
    return f"“{line if len(line) <= limit else line[: limit - 1] + '…'}”"


def name_of(who: Person) -> str:
    return who.name or who.id


def opening(brief: Brief, today: date) -> str:
    """Mention who introduced you, then pick up from your last talk (or how you met)."""
    parts = []
    referrer = brief.referrer
    if referrer is not None and referrer.known:
        parts.append(f"Mention {name_of(referrer)}, who introduced you.")
    last = brief.touches[0] if brief.touches else None
    contact = brief.contact
    if last is not None:
        when = f"{since(last.at.date(), today)} ({last.channel}, {outcome_text(last.outcome)})"
        if last.note.strip():
            parts.append(f"Pick up from your last talk, {when}: {quoted(last.note)}")
        else:
            parts.append(f"Pick up from your last talk, {when}.")
    elif contact.met.strip():
        parts.append(f"Remind them how you met: {quoted(contact.met)}")
    return " ".join(parts) or FALLBACK_OPENING


def offer(brief: Brief) -> str:
    """Their first motive's offer; else a follow-up on your last give; else a question to ask.

    A person only asked of so far gets the offer with "give first" before it.
    """
    known = [item.motive for item in brief.motives if item.motive in MOTIVE_OFFERS]
    gives = [item for item in brief.exchanges if item.kind == "gave"]
    if known:
        referrer = brief.referrer
        who = name_of(referrer) if referrer is not None and referrer.known else "the person who sent you"
        text = MOTIVE_OFFERS[known[0]].format(referrer=who)
    elif gives:
        text = f"Ask whether what you gave on {gives[0].on:%d %b %Y} helped, and offer more: {quoted(gives[0].text)}"
    else:
        text = FALLBACK_OFFER
    return ONLY_ASKED + text if brief.only_asked else text


def find_out(brief: Brief) -> list[str]:
    """What the record does not say and the call could tell you, most basic first."""
    contact = brief.contact
    found = []
    referrer = brief.referrer
    if referrer is not None and not referrer.known:
        found.append(f"who introduced you: {referrer.id!r} is not in your network (deleted or mistyped)")
    elif referrer is None and not contact.met.strip() and not brief.touches:
        found.append("how you know them: no referrer, no 'met' and no touch on record")
    if not brief.motives:
        found.append("why they might help: no motives noted")
    found.extend(
        f"what {quoted(item.motive)} means for them: networkday has no hint for it"
        for item in brief.motives
        if not item.hint
    )
    company = contact.company.strip()
    if not company:
        found.append("where they work now: no company on record")
    elif not brief.roles:
        where = "no open opportunity on record" if brief.company_file else "no company file for it"
        found.append(f"whether {' '.join(company.split())} is hiring: {where}")
    if not brief.leads_to and not brief.managers:
        found.append("whom else they would suggest you talk to: they have introduced you to nobody yet")
    return found
