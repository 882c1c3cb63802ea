"""Compact summaries of contacts and days: what lists, queues and figures need.

A summary is derived from its record and can always be rebuilt, so the index cache
that stores them is disposable. Times are plain POSIX seconds: bulk paths over years of
history stay on floats rather than parsed datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from sys import intern

from networkday.domain.conflict_settle import count as conflict_count
from networkday.domain.contact import Contact
from networkday.domain.day import Day
from networkday.domain.day_score import day_outcomes, outcome_counts

NOTES_KEPT = 400

#: One touch in a summary: (POSIX seconds, channel, outcome, gave something, asked something,
#: recorded what they gained).
TouchRow = tuple[float, str, str, bool, bool, bool]
#: A touch that matters to the help-others mode: (POSIX seconds, what they asked of you,
#: whom you introduced them to, what they landed), each text cut to ``HELP_TEXT_KEPT``.
HelpRow = tuple[float, str, tuple[str, ...], str]
HELP_TEXT_KEPT = 80
#: A ``ContactSummary`` as a plain tuple, its fields in order: what the index cache stores.
ContactRow = tuple[
    str,
    str,
    str,
    str,
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    bool,
    str | None,
    int | None,
    int | None,
    tuple[TouchRow, ...],
    str,
    int | None,
    tuple[str, ...],
    tuple[HelpRow, ...],
    int,
]
#: A ``DaySummary`` as a plain tuple, its fields in order.
DayRow = tuple[
    int, int, int, tuple[tuple[str, int], ...], tuple[tuple[str, float, float | None], ...], int | None, str, int
]


@dataclass(slots=True)
class ContactSummary:
    id: str
    name: str
    company: str = ""
    title: str = ""
    tags: tuple[str, ...] = ()
    email: tuple[str, ...] = ()
    phone: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    hiring_manager: bool = False
    referred_by: str | None = None
    follow_up: int | None = None  # date ordinal
    cadence_days: int | None = None
    #: Every touch, oldest first; never the date you connected, which is not a touch.
    entries: tuple[TouchRow, ...] = ()
    notes: str = ""
    connected: int | None = None  # date ordinal
    motives: tuple[str, ...] = ()
    #: The touches where they asked of you, you introduced them, or they landed; oldest first.
    helping: tuple[HelpRow, ...] = ()
    #: How many ``[[conflict]]`` entries a sync left in the file: Today counts them from here.
    conflicts: int = 0

    @classmethod
    def of(cls, contact: Contact) -> ContactSummary:
        """Repeated words (companies, titles, tags, channels, outcomes) are interned: the
        index cache then stores each once and loads a fifth faster at 30,000 contacts, and
        memory holds one copy of each."""
        return cls(
            id=contact.id,
            name=contact.name,
            company=intern(contact.company),
            title=intern(contact.title),
            tags=tuple(intern(tag) for tag in contact.tags),
            email=tuple(contact.email),
            phone=tuple(contact.phone),
            links=tuple(contact.links),
            hiring_manager=contact.hiring_manager,
            referred_by=contact.referred_by,
            follow_up=contact.follow_up.toordinal() if contact.follow_up else None,
            cadence_days=contact.cadence_days,
            entries=tuple(
                sorted(
                    (
                        e.at.timestamp(),
                        intern(e.channel),
                        intern(e.outcome or ""),
                        bool(e.gave.strip()),
                        bool(e.asked.strip()),
                        bool(e.gained.strip()),
                    )
                    for e in contact.touches
                )
            ),
            notes=contact.notes[:NOTES_KEPT],
            connected=connected.toordinal() if (connected := contact.connected_on) else None,
            motives=tuple(intern(motive) for motive in contact.motives),
            helping=help_rows(contact),
            conflicts=conflict_count(contact.extra),
        )

    @property
    def last(self) -> TouchRow | None:
        return self.entries[-1] if self.entries else None

    @property
    def last_ts(self) -> float | None:
        return self.entries[-1][0] if self.entries else None

    @property
    def gave(self) -> int:
        return sum(1 for entry in self.entries if entry[3])

    @property
    def asked(self) -> int:
        return sum(1 for entry in self.entries if entry[4])

    @property
    def follow_up_date(self) -> date | None:
        return date.fromordinal(self.follow_up) if self.follow_up else None

    def to_row(self) -> ContactRow:
        """The fields in order; every field is immutable, so no deep copy is needed."""
        return (
            self.id,
            self.name,
            self.company,
            self.title,
            self.tags,
            self.email,
            self.phone,
            self.links,
            self.hiring_manager,
            self.referred_by,
            self.follow_up,
            self.cadence_days,
            self.entries,
            self.notes,
            self.connected,
            self.motives,
            self.helping,
            self.conflicts,
        )

    @classmethod
    def from_row(cls, row: ContactRow) -> ContactSummary:
        """A row as ``to_row`` made it; marshal keeps tuples as tuples, so it goes in as it is.

        This runs 30,000 times at every start: converting each field again tripled the
        time to restore the index.
        """
        return cls(*row)


def help_rows(contact: Contact) -> tuple[HelpRow, ...]:
    """The touches the help-others mode reads, oldest first; most contacts have none."""
    return tuple(
        sorted(
            (
                entry.at.timestamp(),
                entry.they_asked.strip()[:HELP_TEXT_KEPT],
                tuple(entry.introduced),
                entry.landed.strip()[:HELP_TEXT_KEPT],
            )
            for entry in contact.touches
            if entry.they_asked.strip() or entry.introduced or entry.landed.strip()
        )
    )


@dataclass(slots=True)
class DaySummary:
    date: int  # ordinal
    #: People in the plan, and people with a made call: each once, however many calls.
    planned: int = 0
    made: int = 0
    #: (outcome, people whose day had it: ``day_score.day_outcomes``), in name order of the outcomes
    outcomes: tuple[tuple[str, int], ...] = ()
    sessions: tuple[tuple[str, float, float | None], ...] = ()
    rating: int | None = None
    first_line: str = ""
    #: How many ``[[conflict]]`` entries a sync left in the day's file (plan, sessions, journal).
    conflicts: int = 0

    @classmethod
    def of(cls, day: Day) -> DaySummary:
        """Counted in people (``day_score``): three touches to one person are one made, with their day's outcome."""
        people = day_outcomes(day)
        first = next((a.text.strip().splitlines()[0] for a in day.journal.answers if a.text.strip()), "")
        return cls(
            date=day.date.toordinal(),
            planned=len(people),
            made=sum(1 for outcome in people.values() if outcome is not None),
            outcomes=tuple(sorted(outcome_counts(people).items())),
            sessions=tuple((s.kind, s.start.timestamp(), s.end.timestamp() if s.end else None) for s in day.time),
            rating=day.journal.rating,
            first_line=first[:120],
            conflicts=conflict_count(day.extra),
        )

    def count(self, outcome: str) -> int:
        return dict(self.outcomes).get(outcome, 0)

    def to_row(self) -> DayRow:
        return (
            self.date,
            self.planned,
            self.made,
            self.outcomes,
            self.sessions,
            self.rating,
            self.first_line,
            self.conflicts,
        )

    @classmethod
    def from_row(cls, row: DayRow) -> DaySummary:
        """A row as ``to_row`` made it (see ``ContactSummary.from_row``)."""
        return cls(*row)
