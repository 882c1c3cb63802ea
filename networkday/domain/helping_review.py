"""The review's helping figures: the introductions you made and the people you helped land, in a period.

An introduction is a touch with ``introduced``: its person met each one named, on its day.
Someone *landed* when a touch of theirs says what they landed (``landed``); you *helped*
them land when, at that touch or before it, you gave them something (a touch with
``gave``) or introduced them to someone. A landing with no help of yours on record is
theirs alone and is not counted. The gives are the review's own ``gave`` total. All of
it comes from the summaries: contacts without such touches are passed over at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from networkday.domain.summary import ContactSummary
from networkday.domain.text import shown_line


@dataclass(frozen=True)
class Introduction:
    day: date
    contact_id: str
    name: str
    #: Whom they were introduced to, as the touch says (contact ids, or names of people not in the network).
    to: tuple[str, ...]
    #: The same people by name, for the screen.
    names: tuple[str, ...]


@dataclass(frozen=True)
class Landing:
    day: date
    contact_id: str
    name: str
    what: str


@dataclass(frozen=True)
class HelpingFigures:
    introductions: tuple[Introduction, ...] = ()
    landed: tuple[Landing, ...] = ()

    @property
    def introduced(self) -> int:
        """Introductions made: one per person named, so introducing Sam to two people is two."""
        return sum(len(intro.to) for intro in self.introductions)

    def line(self, gives: int) -> str:
        """``Helping: gave 4 · 2 introductions made · helped 1 land: Sam Lee (Staff engineer)``."""
        parts = [f"gave {gives}", f"{self.introduced} introduction{'s' if self.introduced != 1 else ''} made"]
        if self.landed:
            people = ", ".join(f"{shown_line(one.name)} ({shown_line(one.what)})" for one in self.landed)
            parts.append(f"helped {len(self.landed)} land: {people}")
        else:
            parts.append("helped nobody land yet")
        return "Helping: " + " · ".join(parts)

    def to_json(self, gives: int) -> dict[str, Any]:
        return {
            "gives": gives,
            "introductions": [
                {"date": i.day.isoformat(), "contact": i.contact_id, "to": list(i.to)} for i in self.introductions
            ],
            "helped_land": [
                {"date": one.day.isoformat(), "contact": one.contact_id, "landed": one.what} for one in self.landed
            ],
        }


def helping_figures(contacts: Mapping[str, ContactSummary], start: float, end: float, tz: tzinfo) -> HelpingFigures:
    """The introductions and the landings you helped in [start, end), by day and then name."""
    introductions: list[Introduction] = []
    landed: list[Landing] = []
    for summary in contacts.values():
        marks = summary.helping
        if not marks:
            continue
        for ts, _, to, what in marks:
            if not start <= ts < end:
                continue
            day = datetime.fromtimestamp(ts, tz).date()
            if to:
                names = tuple(contacts[one].name if one in contacts else one for one in to)
                introductions.append(Introduction(day, summary.id, summary.name, to, names))
            if what and _helped_before(summary, ts):
                landed.append(Landing(day, summary.id, summary.name, what))
    introductions.sort(key=lambda i: (i.day, i.name.casefold(), i.contact_id))
    landed.sort(key=lambda one: (one.day, one.name.casefold(), one.contact_id))
    return HelpingFigures(tuple(introductions), tuple(landed))


def _helped_before(summary: ContactSummary, ts: float) -> bool:
    """A give to them or an introduction of them at ``ts`` or before."""
    gave = any(entry[3] and entry[0] <= ts for entry in summary.entries)
    return gave or any(mark[2] and mark[0] <= ts for mark in summary.helping)
