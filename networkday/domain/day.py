"""One day of the plan: the calls, the timer sessions and the reflection."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from networkday.domain.errors import RecordError
from networkday.domain.fields import TableReader, put
from networkday.domain.vocab import CHANNELS, FORMAT_VERSION, OUTCOMES, TIMER_KINDS

#: A call's agreed time: 00:00 to 23:59.
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass
class Call:
    """A planned call; ``outcome``, ``at`` and ``touch`` (the id of its history entry) are set once it is made.

    ``time`` is the wall-clock time agreed for a scheduled call (``"10:00"``), or empty.
    """

    contact: str
    channel: str = "phone"
    purpose: str = ""
    outcome: str | None = None
    at: dt.datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    touch: str = ""
    time: str = ""

    @property
    def made(self) -> bool:
        return self.outcome is not None

    @classmethod
    def from_reader(cls, r: TableReader) -> Call:
        call = cls(
            contact=r.text("contact", required=True),
            channel=r.choice("channel", CHANNELS) or "phone",
            purpose=r.text("purpose"),
            outcome=r.choice("outcome", OUTCOMES),
            at=r.opt_instant("at"),
            touch=r.text("touch"),
            time=r.text("time"),
        )
        if call.time and not _CLOCK.match(call.time):
            raise RecordError(f"'time' must be a time of day such as \"10:00\", not {call.time!r}", (*r.path, "time"))
        call.extra = r.rest()
        return call

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {"contact": self.contact, "channel": self.channel}
        put(table, "purpose", self.purpose)
        put(table, "outcome", self.outcome)
        put(table, "at", self.at)
        put(table, "touch", self.touch)
        put(table, "time", self.time)
        table.update(self.extra)
        return table


@dataclass
class TimeSession:
    """A stretch of networking or other work; a running one has no ``end``."""

    kind: str
    start: dt.datetime
    end: dt.datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def running(self) -> bool:
        return self.end is None

    @classmethod
    def from_reader(cls, r: TableReader) -> TimeSession:
        start = r.opt_instant("start")
        if start is None:
            raise RecordError("'start' is required", (*r.path, "start"))
        session = cls(kind=r.choice("kind", TIMER_KINDS, required=True) or "", start=start, end=r.opt_instant("end"))
        if session.end is not None and session.end < session.start:
            raise RecordError("'end' is before 'start'", (*r.path, "end"))
        session.extra = r.rest()
        return session

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {"kind": self.kind, "start": self.start}
        put(table, "end", self.end)
        table.update(self.extra)
        return table


@dataclass
class Answer:
    prompt: str
    text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Journal:
    """The day's reflection: a rating from 1 to 5 and one answer per prompt."""

    rating: int | None = None
    answers: list[Answer] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def answer(self, prompt: str) -> str:
        return next((a.text for a in self.answers if a.prompt == prompt), "")

    def set_answer(self, prompt: str, text: str) -> None:
        for item in self.answers:
            if item.prompt == prompt:
                item.text = text
                return
        self.answers.append(Answer(prompt, text))

    @property
    def empty(self) -> bool:
        return self.rating is None and not any(a.text.strip() for a in self.answers) and not self.extra

    @classmethod
    def from_reader(cls, r: TableReader) -> Journal:
        answers = []
        for item in r.tables("answer"):
            answer = Answer(prompt=item.text("prompt"), text=item.text("text"))
            answer.extra = item.rest()
            answers.append(answer)
        journal = cls(rating=r.opt_int("rating", minimum=1, maximum=5), answers=answers)
        journal.extra = r.rest()
        return journal

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {}
        put(table, "rating", self.rating)
        table.update(self.extra)
        if self.answers:
            table["answer"] = [{"prompt": a.prompt, "text": a.text, **a.extra} for a in self.answers]
        return table


@dataclass
class Day:
    """A day file; ``dismissed`` holds contacts taken off that day's queue by hand.

    The field ``date`` hides the class of that name in this body, so the types are spelt ``dt.date``.
    """

    date: dt.date
    calls: list[Call] = field(default_factory=list)
    time: list[TimeSession] = field(default_factory=list)
    journal: Journal = field(default_factory=Journal)
    dismissed: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, table: dict[str, Any], expected: dt.date | None = None) -> Day:
        r = TableReader(table)
        r.opt_int("format")
        day_date = r.required_date("date")
        if expected is not None and day_date != expected:
            raise RecordError(f"'date' is {day_date} but the file is named for {expected}", ("date",))
        journal_reader = r.table("journal")
        day = cls(
            date=day_date,
            calls=[Call.from_reader(item) for item in r.tables("call")],
            time=[TimeSession.from_reader(item) for item in r.tables("time")],
            journal=Journal.from_reader(journal_reader) if journal_reader else Journal(),
            dismissed=r.text_list("dismissed"),
        )
        day.extra = r.rest()
        return day

    def to_dict(self) -> dict[str, Any]:
        table: dict[str, Any] = {"format": FORMAT_VERSION, "date": self.date}
        put(table, "dismissed", self.dismissed)
        table.update(self.extra)
        if self.calls:
            table["call"] = [call.to_dict() for call in self.calls]
        if self.time:
            table["time"] = [session.to_dict() for session in self.time]
        journal = self.journal.to_dict()
        if journal:
            table["journal"] = journal
        return table

    def call_for(self, contact_id: str) -> Call | None:
        return next((call for call in self.calls if call.contact == contact_id), None)

    @property
    def running_session(self) -> TimeSession | None:
        return next((session for session in self.time if session.running), None)
