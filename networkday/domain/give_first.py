"""Give before you ask: who has only been asked of, and what to offer them, from what is on record.

Every suggestion comes from a fact in the person's file (their motives, what you gave
them and what you asked of them, each with its day) or from a motive's fixed hint; none
is made up. networkday records what you asked of them, not what they asked of you, so
your last ask stands in for what you owe.
"""

from __future__ import annotations

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.summary import ContactSummary
from networkday.domain.text import shown_line
from networkday.domain.vocab import MOTIVES

#: How much of a quoted ask or give the hint keeps: the pane is one line.
QUOTED = 60


def only_asked(summary: ContactSummary) -> bool:
    """Asked of at least once and never given anything: flagged on Today, so the next call gives first."""
    entries = summary.entries
    return any(entry[4] for entry in entries) and not any(entry[3] for entry in entries)


def offer_hints(contact: Contact) -> list[str]:
    """What to offer before the call, most telling first, each one short plain words.

    1. only asked of so far: how many asks, and that nothing was given;
    2. their first motive's hint (why they may help says what they value);
    3. what you last asked of them, and what you last gave them, quoted with the day;
    4. the hints of their other motives.
    With nothing on record, one rule: ask what they are working on and offer help with it.
    """
    log = sorted(contact.log, key=lambda entry: entry.at)
    asks = [entry for entry in log if entry.asked.strip()]
    gives = [entry for entry in log if entry.gave.strip()]
    hints = []
    if asks and not gives:
        times = f"{len(asks)} ask{'s' if len(asks) != 1 else ''}"
        hints.append(f"only asked of so far ({times}, nothing given): offer something first")
    motives = [f"{motive}: {MOTIVES[motive]}" for motive in contact.motives if motive in MOTIVES]
    hints.extend(motives[:1])
    if asks:
        hints.append(f"you last asked {_quoted(asks[-1], asks[-1].asked)}")
    if gives:
        hints.append(f"you last gave {_quoted(gives[-1], gives[-1].gave)}")
    hints.extend(motives[1:])
    return hints or ["nothing on record yet: ask what they are working on; offer help with it"]


def _quoted(entry: LogEntry, text: str) -> str:
    line = shown_line(text.strip())
    cut = line if len(line) <= QUOTED else line[: QUOTED - 1] + "…"
    return f"“{cut}” ({entry.at:%d %b %Y})"
