"""A person in the network and the history of every touch with them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from networkday.domain.errors import RecordError
from networkday.domain.fields import TableReader, put
from networkday.domain.phone_kinds import read_kinds, still_listed
from networkday.domain.vocab import CHANNELS, FORMAT_VERSION, MOTIVES, OUTCOMES

#: The note of the history entry that LinkedIn imports wrote for the connection date before ``connected``.
LEGACY_CONNECTED_NOTE = "Connected on LinkedIn"

#: A contact's own fields in the order of docs/FORMAT.md: all but its id, history and unknown keys.
FIELDS: tuple[str, ...] = (
    "name",
    "given",
    "family",
    "company",
    "title",
    "email",
    "phone",
    "phone_kinds",
    "links",
    "tags",
    "hiring_manager",
    "referred_by",
    "met",
    "connected",
    "motives",
    "cadence_days",
    "follow_up",
    "notes",
)


@dataclass
class LogEntry:
    """One touch: when, through which channel, how it went, and what was given and asked.

    ``id`` names the touch for good (the prompt amends it, a made call points at it), so
    two touches logged in the same second stay apart. It is left out of ``==``: two
    entries are the same touch recorded twice when everything else is equal. An entry
    written by hand or before ids existed has none until networkday needs to name it.
    """

    at: datetime
    channel: str = "other"
    outcome: str | None = None
    gave: str = ""
    asked: str = ""
    note: str = ""
    #: What the other person gained from the talk: the test that they were glad you called.
    gained: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    id: str = field(default="", compare=False)
    #: What they asked of you (``asked`` is what you asked of them): the help-others mode's queue.
    they_asked: str = ""
    #: Whom you introduced them to in this touch: contact ids, or names of people not in the network.
    introduced: list[str] = field(default_factory=list)
    #: What they told you they landed (a job, a role): their search ended here.
    landed: str = ""

    @property
    def connection_only(self) -> bool:
        """The entry an import before ``connected`` existed wrote for LinkedIn's "Connected On" date.

        It says when you connected, not that you talked: it is kept in the history as
        written, but it is not a touch (see ``Contact.touches``). Nothing else matches it:
        networkday's own touches have an id, and a hand-written one would need this very
        note, channel and nothing more.
        """
        return (
            not self.id
            and self.outcome is None
            and self.note == LEGACY_CONNECTED_NOTE
            and self.channel == "message"
            and not (
                self.gave
                or self.asked
                or self.gained
                or self.extra
                or self.they_asked
                or self.introduced
                or self.landed
            )
        )

    @classmethod
    def from_reader(cls, r: TableReader) -> LogEntry:
        at = r.opt_instant("at")
        if at is None:
            raise RecordError("'at' is required", (*r.path, "at"))
        entry = cls(
            at=at,
            channel=r.choice("channel", CHANNELS) or "other",
            outcome=r.choice("outcome", OUTCOMES),
            gave=r.text("gave"),
            asked=r.text("asked"),
            note=r.text("note"),
            gained=r.text("gained"),
            id=r.text("id"),
            they_asked=r.text("they_asked"),
            introduced=r.text_list("introduced"),
            landed=r.text("landed"),
        )
        entry.extra = r.rest()
        return entry

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {"at": self.at}
        put(table, "id", self.id)
        table["channel"] = self.channel
        put(table, "outcome", self.outcome)
        put(table, "gave", self.gave)
        put(table, "asked", self.asked)
        put(table, "note", self.note)
        put(table, "gained", self.gained)
        put(table, "they_asked", self.they_asked)
        put(table, "introduced", self.introduced)
        put(table, "landed", self.landed)
        table.update(self.extra)
        return table


@dataclass(kw_only=True)
class Details:
    """What can be known about a person, in a contact file and in a row an import reads.

    One declaration for both, so a field added here reaches imports and contacts alike.
    The fields are keyword-only: each subclass puts its own identity first.
    """

    #: The name's parts as the source gave them (vCard N, LinkedIn's and Google's columns),
    #: never guessed: a split on spaces gets Chinese and Vietnamese names wrong.
    given: str = ""
    family: str = ""
    company: str = ""
    title: str = ""
    email: list[str] = field(default_factory=list)
    phone: list[str] = field(default_factory=list)
    #: Work, home, cell, fax… by number (``domain.phone_kinds``): a table, so no edit misaligns it.
    phone_kinds: dict[str, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    hiring_manager: bool = False
    met: str = ""
    #: When you connected (LinkedIn's "Connected On"): not a touch, so never the last one.
    connected: date | None = None
    motives: list[str] = field(default_factory=list)
    cadence_days: int | None = None
    follow_up: date | None = None
    notes: str = ""
    log: list[LogEntry] = field(default_factory=list)


@dataclass
class Contact(Details):
    """One person; ``id`` is the file stem and never stored inside the file."""

    id: str
    name: str
    referred_by: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, contact_id: str, table: dict[str, Any]) -> Contact:
        r = TableReader(table)
        r.opt_int("format")
        motives = r.text_list("motives")
        for index, motive in enumerate(motives):
            if motive not in MOTIVES:
                raise RecordError(
                    f"unknown motive {motive!r} (expected one of {', '.join(MOTIVES)})", ("motives", index)
                )
        contact = cls(
            id=contact_id,
            name=r.text("name", required=True).strip(),
            given=r.text("given"),
            family=r.text("family"),
            company=r.text("company"),
            title=r.text("title"),
            email=r.text_list("email"),
            phone=(phones := r.text_list("phone")),
            phone_kinds=_phone_kinds(r, phones),
            links=r.text_list("links"),
            tags=r.text_list("tags"),
            hiring_manager=r.flag("hiring_manager"),
            referred_by=r.opt_text("referred_by") or None,
            met=r.text("met"),
            connected=r.opt_date("connected"),
            motives=motives,
            cadence_days=r.opt_int("cadence_days", minimum=1, maximum=3650),
            follow_up=r.opt_date("follow_up"),
            notes=r.text("notes"),
            log=[LogEntry.from_reader(item) for item in r.tables("log")],
        )
        contact.extra = r.rest()
        return contact

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {"format": FORMAT_VERSION, "name": self.name}
        put(table, "given", self.given)
        put(table, "family", self.family)
        put(table, "company", self.company)
        put(table, "title", self.title)
        put(table, "email", self.email)
        put(table, "phone", self.phone)
        if kinds := still_listed(self.phone_kinds, self.phone):
            table["phone_kinds"] = kinds
        put(table, "links", self.links)
        put(table, "tags", self.tags)
        put(table, "hiring_manager", self.hiring_manager)
        put(table, "referred_by", self.referred_by)
        put(table, "met", self.met)
        put(table, "connected", self.connected)
        put(table, "motives", self.motives)
        put(table, "cadence_days", self.cadence_days)
        put(table, "follow_up", self.follow_up)
        put(table, "notes", self.notes)
        table.update({key: value for key, value in self.extra.items() if key != "log"})
        if self.log:
            table["log"] = [entry.to_dict() for entry in self.log]
        return table

    @property
    def name_parts(self) -> tuple[str, str] | None:
        """``(given, family)`` when they are known and still fit the name, else None.

        Parts left behind by a later edit of the name (one no longer in it) are not
        trusted: a vCard then carries the full name alone rather than a wrong split.
        """
        given, family = self.given.strip(), self.family.strip()
        if not (given or family):
            return None
        name = self.name.casefold()
        if given.casefold() not in name or family.casefold() not in name:
            return None
        return given, family

    def take_parts(self, other: Details, name: str) -> None:
        """Takes ``other``'s name parts when this contact has none and ``name`` (theirs) is this one's."""
        if not (self.given or self.family) and name.casefold() == self.name.casefold():
            self.given, self.family = other.given, other.family

    @property
    def touches(self) -> list[LogEntry]:
        """The history without the connection dates older imports wrote into it: what was really said."""
        return [entry for entry in self.log if not entry.connection_only]

    @property
    def connected_on(self) -> date | None:
        """The ``connected`` date, else the one an older import wrote as a history entry."""
        if self.connected is not None:
            return self.connected
        return min((entry.at.date() for entry in self.log if entry.connection_only), default=None)

    @property
    def last_touch(self) -> LogEntry | None:
        touches = self.touches
        return max(touches, key=lambda entry: entry.at) if touches else None

    def history(self) -> list[LogEntry]:
        """Newest first, as the timeline shows it."""
        return sorted(self.log, key=lambda entry: entry.at, reverse=True)


def _phone_kinds(r: TableReader, phones: list[str]) -> dict[str, str]:
    """``[phone_kinds]``, each key checked against ``phones`` (``phone_kinds.read_kinds``)."""
    kinds = r.table("phone_kinds")
    return read_kinds(kinds.data, phones, kinds.path) if kinds else {}
