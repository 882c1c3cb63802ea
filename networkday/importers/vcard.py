"""vCard 2.1, 3.0 and 4.0 files as iPhone, Gmail, Outlook and the RFC write them.

vobject does the lexical work: unfolding, quoted-printable with soft line breaks and
charsets, parameters in every form (``TYPE=work,voice``, ``type=CELL;type=pref``, bare
2.1 ``WORK;VOICE``) and ``itemN.`` groups. This module adds what vobject gets wrong
on real files, each checked against ``shared/fixtures/vcard``:

- It splits the file into cards itself, reading a piece at a time, so one broken card
  (no ``END:VCARD``, a line it cannot parse, an unknown charset, a card over 1 MB)
  skips that card instead of the whole file, and a file of any size is read in the
  same memory.
- Lines ending in ``\\r\\r\\n`` (the iPhone export) count as one line break; vobject's
  folding would otherwise see blank lines inside a folded photo and fail.
- Photos, logos, sounds and keys are dropped before parsing: they are never imported,
  and vobject re-joins every folded line of them (quadratic on a large photo).
- Values are unescaped here, not by vobject's text behaviour, which keeps only the part
  before an unescaped comma (Gmail writes ``FN:Mr. John Richter, James Doe Sr.``).
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from networkday.domain.incoming import Record, Skipped
from networkday.domain.phone_kinds import kind_from_label, kind_from_words
from networkday.importers.common import CHUNK, ImportFormatError, ParsedSource, open_text

WHAT = "a vCard file (.vcf)"
#: Properties holding binary data: never imported.
BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
#: A card this large once binaries are dropped is damaged or hostile, not a person.
MAX_CARD = 1_000_000
#: RELATED types that can name who introduced you; family and romance never do.
REFERRAL_TYPES = frozenset({"contact", "acquaintance", "friend", "met", "co-worker", "colleague", "agent"})
#: Our own fields that vCard has no property for, written by ``networkday export vcard``.
OWN = "X-NETWORKDAY-"
_LINE_BREAK = re.compile(r"\r*\n|\r")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_CHARSET = re.compile(r";\s*CHARSET=([A-Za-z0-9_.-]+)", re.IGNORECASE)
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


@dataclass
class Card:
    line: int
    lines: list[str] = field(default_factory=list)
    size: int = 0
    #: Grown past MAX_CARD: its lines are no longer kept, and it is skipped at its end.
    too_big: bool = False

    def add(self, line: str) -> None:
        self.size += len(line)
        if self.size > MAX_CARD:
            self.too_big = True
            self.lines.clear()
        elif not self.too_big:
            self.lines.append(line)


def parse(path: Path) -> ParsedSource:
    """The file, read as far as its first card; raises ImportFormatError when it is not a vCard file."""
    return ParsedSource("vcard", path, _records)


def _records(source: ParsedSource) -> Iterator[Record | None]:
    """A ParsedSource's reader: None once the first card begins, then a record for every card kept."""
    with open_text(source, WHAT) as stream:
        for item in split_cards(source.path, lines(stream)):
            if item is None:
                yield None
            elif isinstance(item, Skipped):
                source.skip(item)
            else:
                record = _read_card(source, item)
                if record is not None:
                    yield record


def lines(stream: TextIO) -> Iterator[str | None]:
    """The file's lines, read a piece at a time; None stands for a line longer than a card may be.

    Any of ``\\n``, ``\\r\\n``, ``\\r`` and ``\\r\\r\\n`` ends a line, so a piece that ends
    in ``\\r`` waits for the next one to say which.
    """
    tail = ""
    too_long = False
    while chunk := stream.read(CHUNK):
        text = tail + chunk
        body = text.rstrip("\r")
        last = max(body.rfind("\n"), body.rfind("\r"))
        complete, tail = (text[: last + 1], text[last + 1 :]) if last >= 0 else ("", text)
        for piece in _LINE_BREAK.split(complete)[:-1]:
            yield None if too_long else piece
            too_long = False
        if len(tail) > MAX_CARD:
            too_long = True
            tail = "\r" if tail.endswith("\r") else ""
    if too_long:
        yield None
    elif tail:
        yield from _LINE_BREAK.split(tail.removesuffix("\r"))


def split_cards(path: Path, lines: Iterable[str | None]) -> Iterator[Card | Skipped | None]:
    """The cards of a file, without binary properties; damage skips only the card it is in.

    Yields None when the first card begins: the file is then known to be a vCard file.
    """
    card: Card | None = None
    dropping = False
    outside = False
    begun = False
    for number, line in enumerate(lines, 1):
        word = line.strip().upper() if line is not None else "?"
        if card is None:
            if word == "BEGIN:VCARD":
                card, outside = Card(number), False
                if not begun:
                    begun = True
                    yield None
            elif word and not begun:
                raise ImportFormatError(f"{path}: not {WHAT}: line {number} should be BEGIN:VCARD")
            elif word and not outside:
                yield Skipped(number, "text outside a card")
                outside = True
            continue
        if word in ("END:VCARD", "BEGIN:VCARD"):
            yield _check_size(card) if word == "END:VCARD" else Skipped(card.line, "the card has no END:VCARD")
            card, dropping = (Card(number) if word == "BEGIN:VCARD" else None), False
            continue
        if line is None:
            card.too_big = True
            continue
        if line[:1] in (" ", "\t") and dropping:
            continue
        dropping = _property_name(line) in BINARY
        if not dropping:
            card.add(line)
    if not begun:
        raise ImportFormatError(f"{path}: not {WHAT}: it has no BEGIN:VCARD")
    if card is not None:
        yield Skipped(card.line, "the card has no END:VCARD (is the file cut short?)")


def _property_name(line: str) -> str:
    head = re.split(r"[:;]", line, maxsplit=1)[0]
    return head.rsplit(".", 1)[-1].strip().upper()


def _check_size(card: Card) -> Card | Skipped:
    if card.too_big:
        return Skipped(card.line, f"the card is larger than {MAX_CARD // 1_000_000} MB without its photo")
    return card


def _read_card(source: ParsedSource, card: Card) -> Record | None:
    from vobject.base import VObjectError, getLogicalLines, textLineToContentLine

    text = _decode(card)
    if text is None:
        source.skip(Skipped(card.line, "holds bytes that are not UTF-8 text and names no charset"))
        return None
    try:
        lines = [textLineToContentLine(logical, n) for logical, n in getLogicalLines(io.StringIO(text), True)]
    except (VObjectError, LookupError, ValueError) as error:
        reason = " ".join(str(error).split())
        source.skip(Skipped(card.line, f"cannot be read: {reason[:120]}"))
        return None
    reader = _CardReader(card.line, lines)
    for warning in reader.warnings:
        source.warn(warning.line, warning.reason)
    return source.keep(reader.record)


def _decode(card: Card) -> str | None:
    """The card's text; 8-bit bytes are read in the charset the card names (or Windows-1252 in 2.1)."""
    text = "\n".join(card.lines)
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    raw = text.encode("utf-8", "surrogateescape")
    charset = _CHARSET.search(text)
    legacy = re.search(r"^VERSION:\s*2\.1", text, re.MULTILINE | re.IGNORECASE)
    if charset is None and legacy is None:
        return None
    try:
        return raw.decode(charset.group(1) if charset else "cp1252")
    except (LookupError, UnicodeDecodeError):
        return None


class _CardReader:
    """Turns a card's content lines into a Record."""

    def __init__(self, line: int, lines: list) -> None:
        self.line = line
        self.warnings: list[Skipped] = []
        self.version = next((str(item.value).strip() for item in lines if item.name == "VERSION"), "3.0")
        self.labels = {item.group: str(item.value) for item in lines if item.name == "X-ABLABEL" and item.group}
        #: Values by property, in file order; preferred emails and phones are moved first.
        self.found: dict[str, list] = defaultdict(list)
        self.fields: dict[str, Any] = {}
        #: Each number's kind from its TYPE values, else its Apple label (``item2.X-ABLabel``).
        self.kinds: dict[str, str] = {}
        for item in lines:
            self.read(item)

    def read(self, item: Any) -> None:
        name, raw, found = item.name, item.value, self.found
        social = name == "X-SOCIALPROFILE" and "://" in str(raw)  # Apple's; "x-apple:handle" is no link
        if name in ("FN", "TITLE", "ROLE", "NOTE", "UID", "URL") or social:
            found[name].append(self.text(raw))
        elif name == "N":
            parts = self.parts(raw)
            found[name].append(" ".join(part for part in _name_order(parts) if part))
            family, given = [*parts, "", ""][:2]
            if "given" not in self.fields and (given.strip() or family.strip()):
                self.fields.update(given=given, family=family)
        elif name == "ORG":
            found[name].append(self.parts(raw)[0])
        elif name == "EMAIL":
            found[name].append((not _preferred(item), self.text(raw)))
        elif name == "TEL":
            number = _phone(self.text(raw))
            found[name].append((not _preferred(item), number))
            label = self.labels.get(item.group, "") if item.group else ""
            kind = kind_from_words(_types(item)) or kind_from_label(label)
            self.kinds.setdefault(number, kind)
        elif name == "CATEGORIES":
            found[name].extend(self.text(part) for part in _split(raw, ","))
        elif name == "RELATED" and (_types(item) & REFERRAL_TYPES or not _types(item)):
            found[name].append(self.text(raw))
        elif name == f"{OWN}REFERRED-BY" or self.names_referrer(item):
            found["RELATED"].append(self.text(raw))
        elif name.startswith(OWN):
            self.own(name.removeprefix(OWN), self.text(raw))

    def names_referrer(self, item: Any) -> bool:
        """Apple's related name labelled as a referral (a 3.0 export of ours writes X-NETWORKDAY-REFERRED-BY)."""
        return item.name == "X-ABRELATEDNAMES" and "refer" in _label(self.labels.get(item.group, "")).casefold()

    @property
    def record(self) -> Record:
        found = self.found

        def first(*names: str) -> str:
            return next((text for name in names for text in found[name] if text.strip()), "")

        return Record(
            line=self.line,
            name=first("FN", "N"),
            company=first("ORG"),
            title=first("TITLE", "ROLE"),
            email=[value for _, value in sorted(found["EMAIL"], key=lambda pair: pair[0])],
            phone=[value for _, value in sorted(found["TEL"], key=lambda pair: pair[0])],
            phone_kinds=self.kinds,
            links=found["URL"] + found["X-SOCIALPROFILE"],
            tags=found["CATEGORIES"],
            notes="\n\n".join(text for text in found["NOTE"] if text.strip()),
            related=found["RELATED"],
            uid=first("UID"),
            **self.fields,
        )

    def text(self, raw: object) -> str:
        """A text value unescaped: ``\\n`` is a newline, ``\\,`` a comma, and a stray ``\\:`` a colon.

        vCard 2.1 has no backslash escapes but ``\\;``, so its backslashes stay as written.
        """
        value = str(raw)
        if self.version.startswith("2"):
            return value.replace("\\;", ";")
        return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)

    def parts(self, raw: object) -> list[str]:
        """The components of a structured value (N, ORG), each unescaped."""
        return [self.text(part) for part in _split(str(raw), ";")]

    def own(self, key: str, value: str) -> None:
        """networkday's own fields, from an export; a value that does not fit is reported and left out."""
        fields = self.fields
        try:
            if key == "HIRING-MANAGER":
                fields["hiring_manager"] = value.strip().upper() == "TRUE"
            elif key == "MET":
                fields["met"] = value
            elif key == "CONNECTED":
                fields["connected"] = date.fromisoformat(value.strip())
            elif key == "MOTIVES":
                fields["motives"] = [part.strip() for part in value.split(",")]
            elif key == "CADENCE-DAYS":
                fields["cadence_days"] = int(value)
            elif key == "FOLLOW-UP":
                fields["follow_up"] = date.fromisoformat(value.strip())
        except ValueError:
            self.warnings.append(Skipped(self.line, f"{OWN}{key} {value!r} is not valid; left out"))


def _split(value: str, separator: str) -> list[str]:
    """Splits on separators that are not backslash-escaped, keeping the escapes for ``text``."""
    parts: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in value:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            current.append(ch)
            escaped = True
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _name_order(parts: list[str]) -> list[str]:
    """N is family;given;additional;prefix;suffix; a name reads prefix given additional family suffix."""
    family, given, additional, prefix, suffix = (parts + [""] * 5)[:5]
    return [prefix, given, additional, family, suffix]


def _types(item: object) -> set[str]:
    """TYPE in every form: ``TYPE=a,b``, ``TYPE=a;TYPE=b``, ``TYPE="a,b"`` and bare 2.1 ``A;B``."""
    params = getattr(item, "params", {})
    values = [part for value in params.get("TYPE", []) for part in value.split(",")]
    values += getattr(item, "singletonparams", [])
    return {value.strip().casefold() for value in values if value.strip()}


def _preferred(item: object) -> bool:
    return "pref" in _types(item) or "PREF" in getattr(item, "params", {})


def _phone(value: str) -> str:
    """A 4.0 ``tel:`` URI as the number people dial: ``tel:+1-418-656-9254;ext=102``."""
    if value[:4].casefold() != "tel:":
        return value
    number, _, rest = value[4:].partition(";")
    extension = next((part[4:] for part in rest.split(";") if part.casefold().startswith("ext=")), "")
    return f"{number} ext. {extension}" if extension else number


def _label(text: str) -> str:
    """Apple wraps its built-in labels: ``_$!<HomePage>!$_``."""
    match = _APPLE_LABEL.match(text.strip())
    return match.group(1) if match else text
