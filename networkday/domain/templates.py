"""Filling a message template with what is known of one person: pure text, never evaluated.

A template is the user's own plain text with ``{placeholder}`` words in it (docs/TEMPLATES.md).
Filling is one pass of a regular expression over the template: a value is put in as text
and never looked at again, so a name that holds ``{company}`` stays those characters, and
nothing in a template or a record can reach an attribute, an index or a format spec (this
is not ``str.format``). An unknown placeholder (``{0}``, ``{name.__class__}``, a typo) is
left as written, so the writer sees it and fixes it; a known one whose value is missing
gets a plain fallback phrase, so the message still reads. Control characters are dropped
from the result: a template or a note with an escape sequence cannot reach a terminal or
a mail client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from networkday.domain.contact import Contact, LogEntry
from networkday.domain.text import one_line, strip_controls
from networkday.domain.vocab import MOTIVES, REACHED

#: Each placeholder with the phrase that stands in when the value is missing; docs/TEMPLATES.md lists them.
PLACEHOLDERS: dict[str, str] = {
    "name": "there",
    "first_name": "there",
    "company": "your company",
    "referrer": "a mutual contact",
    "last_talk": "recently",
    "last_talk_note": "",
    "motive_hint": "",
}

#: ``{{`` and ``}}`` are literal braces; ``{word}`` is a placeholder when the word is known.
_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SUBJECT = re.compile(r"\Asubject:[ \t]*", re.IGNORECASE)
#: A line for the writer, not the reader (the approach hint, a reminder): left out of the message.
NOTE_MARK = "#"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Filled:
    """A filled template: the subject line (may be empty), the message, and the writer's own notes."""

    subject: str
    body: str
    notes: tuple[str, ...]

    @property
    def text(self) -> str:
        """The message as a mail client or a script takes it: the subject line first when there is one."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with each known placeholder replaced by its value, else by its fallback phrase.

    Never fails: an unknown placeholder and a lone brace are left as written.
    """

    def put(match: re.Match[str]) -> str:
        token = match.group()
        if token in ("{{", "}}"):
            return token[0]
        word = match.group(1)
        if word not in PLACEHOLDERS:
            return token
        return one_line(values.get(word, "")) or PLACEHOLDERS[word]

    return strip_controls(_TOKEN.sub(put, template))


def fill_message(template: str, values: dict[str, str]) -> Filled:
    """The template filled, then split (``split_message``).

    A ``#`` note with a placeholder that has nothing to say (the approach hint of a person
    with no motives) is left out rather than shown half empty.
    """
    lines = template.replace("\r\n", "\n").split("\n")
    kept = [line for line in lines if not (line.startswith(NOTE_MARK) and _says_nothing(line, values))]
    return split_message(fill("\n".join(kept), values))


def _says_nothing(line: str, values: dict[str, str]) -> bool:
    """Whether a placeholder in ``line`` would be filled with nothing at all."""
    return any(
        match.group(1) in PLACEHOLDERS
        and not (one_line(values.get(match.group(1), "")) or PLACEHOLDERS[match.group(1)])
        for match in _TOKEN.finditer(line)
        if match.group(1)
    )


def split_message(text: str) -> Filled:
    """A first ``Subject:`` line, the ``#`` notes to the writer, and the message itself.

    Also what the app makes of a message edited in ``$EDITOR``: its subject line is read again.
    """
    lines = strip_controls(text.replace("\r\n", "\n")).split("\n")
    notes = tuple(line[len(NOTE_MARK) :].strip() for line in lines if line.startswith(NOTE_MARK))
    kept = [line for line in lines if not line.startswith(NOTE_MARK)]
    subject = ""
    if kept and _SUBJECT.match(kept[0]):
        subject = _SUBJECT.sub("", kept.pop(0)).strip()
    return Filled(subject, "\n".join(kept).strip("\n") + "\n", tuple(note for note in notes if note))


def summary_line(template: str) -> str:
    """What ``template list`` shows of a template: its subject, else its first line of message."""
    for line in template.splitlines():
        if line.startswith(NOTE_MARK) or not line.strip():
            continue
        return one_line(_SUBJECT.sub("", line))
    return ""


def last_talk(contact: Contact) -> LogEntry | None:
    """The last touch in which you reached the person (a reached outcome), if any."""
    talks = [entry for entry in contact.touches if entry.outcome in REACHED]
    return max(talks, key=lambda entry: entry.at) if talks else None


def day_in_words(day: date, today: date) -> str:
    """``today``, ``yesterday``, ``on Tuesday`` within the week, else ``on 3 December`` (and the year if another)."""
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return f"on {_WEEKDAYS[day.weekday()]}"
    year = f" {day.year}" if day.year != today.year else ""
    return f"on {day.day} {_MONTHS[day.month - 1]}{year}"


def first_name(contact: Contact) -> str:
    """The given name when the record has it, else the name's first word (a guess kept to greetings)."""
    given = one_line(contact.given)
    if given:
        return given
    words = one_line(contact.name).split()
    return words[0] if words else ""


def values_for(contact: Contact, referrer: str, today: date) -> dict[str, str]:
    """Every placeholder's value for ``contact``; ``referrer`` is the introducer's name ("" if none)."""
    talk = last_talk(contact)
    hint = next((MOTIVES[motive] for motive in contact.motives if motive in MOTIVES), "")
    return {
        "name": contact.name,
        "first_name": first_name(contact),
        "company": contact.company,
        "referrer": referrer,
        "last_talk": day_in_words(talk.at.date(), today) if talk else "",
        "last_talk_note": talk.note if talk else "",
        "motive_hint": hint,
    }


def mailto(address: str, message: Filled) -> str:
    """A ``mailto:`` link to ``address`` with the subject and body percent-encoded (RFC 6068).

    Every character that is not plain ASCII letters, digits or ``-._~`` is encoded, so the
    link is one line a terminal shows as a hyperlink and nothing in it is read as a header.
    """
    from urllib.parse import quote

    body = message.body.rstrip("\n").replace("\n", "\r\n")
    fields = [f"subject={quote(message.subject, safe='')}"] if message.subject else []
    fields.append(f"body={quote(body, safe='')}")
    return f"mailto:{quote(one_line(address), safe='@')}?{'&'.join(fields)}"
