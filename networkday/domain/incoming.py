"""What an import brings in: one person per record, and the rows it had to leave out.

Parsers of LinkedIn, vCard and Google files all produce these, so matching, merging and
the summary never depend on where a person came from. Every text is cleaned here, once:
control characters (terminal escapes) never enter the data folder, and single-line
fields stay on one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from networkday.domain.contact import Details
from networkday.domain.import_limits import MAX_NAME
from networkday.domain.phone_kinds import MAX_KIND, kinds_for
from networkday.domain.phones import phone_key
from networkday.domain.text import one_line, strip_controls
from networkday.domain.vocab import MOTIVES

#: UTF-8 that was read as Windows-1252 and saved again ("JosÃ©" for "José"): a spreadsheet's doing.
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac")


def clean_line(text: str) -> str:
    """One line of text without control characters or bytes that were not text."""
    return one_line(_drop_surrogates(text))


def clean_block(text: str) -> str:
    """Multi-line text (notes): CRLF and CR become LF, other controls go, edges are trimmed."""
    unified = _drop_surrogates(text).replace("\r\n", "\n").replace("\r", "\n")
    return strip_controls(unified).strip()


def _drop_surrogates(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def unique(values: list[str], key: Callable[[str], str] = str.casefold) -> list[str]:
    """Cleaned, non-empty values in their first order, without repeats under ``key``."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        text = clean_line(value)
        marker = key(text)
        if text and marker not in seen:
            seen.add(marker)
            kept.append(text)
    return kept


@dataclass
class Skipped:
    """A row (CSV) or card (vCard) left out, with the line it starts on and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


#: Located messages listed one by one in a summary; beyond these they are only counted.
MAX_LISTED = 1000


@dataclass
class Listing:
    """Located messages of one kind: the first ``MAX_LISTED`` kept, every one counted.

    A file of a million broken rows then costs a thousand messages, not a million.
    """

    items: list[Skipped] = field(default_factory=list)
    count: int = 0

    def add(self, item: Skipped) -> None:
        self.count += 1
        if len(self.items) < MAX_LISTED:
            self.items.append(item)

    @property
    def more(self) -> int:
        """Messages counted but not listed."""
        return self.count - len(self.items)


@dataclass
class Record(Details):
    """One incoming person: the details a Contact holds plus where in the file it came from.

    ``related`` holds references a vCard makes to other people (a UID, an email or a
    name); the importer turns one that names a known contact into ``referred_by``.
    """

    line: int
    name: str
    related: list[str] = field(default_factory=list)
    uid: str = ""

    def __post_init__(self) -> None:
        self.name = clean_line(self.name)
        self.given = clean_line(self.given)
        self.family = clean_line(self.family)
        self.company = clean_line(self.company)
        self.title = clean_line(self.title)
        self.email = unique([value.removeprefix("mailto:") for value in self.email])
        self.phone = unique(self.phone, key=phone_key)
        kinds = {clean_line(number): clean_line(kind)[:MAX_KIND] for number, kind in self.phone_kinds.items()}
        self.phone_kinds = kinds_for(self.phone, kinds)
        self.links = unique(self.links, key=str)
        self.tags = unique(self.tags)
        self.notes = clean_block(self.notes)
        self.met = clean_line(self.met)
        self.motives = [motive for motive in unique(self.motives) if motive in MOTIVES]
        if not self.name and self.email:
            self.name = self.email[0]

    def problem(self) -> str | None:
        """Why this record cannot become a contact, or None when it can."""
        if not self.name:
            return "no name and no email address"
        if len(self.name) > MAX_NAME:
            return f"the name is longer than {MAX_NAME} characters"
        if self.cadence_days is not None and not 1 <= self.cadence_days <= 3650:
            return "cadence_days must be between 1 and 3650"
        return None

    def misencoded(self) -> str | None:
        """The first field that looks like mis-encoded text; it is kept as written, but worth a look."""
        return next((text for text in (self.name, self.company, self.title) if _MOJIBAKE.search(text)), None)
