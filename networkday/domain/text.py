"""Text rules shared by search, dedupe and display: normalising and sanitising."""

from __future__ import annotations

import itertools
import re
import unicodedata
import zlib
from collections.abc import Iterator

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Bidi controls (embeddings, overrides, isolates, marks): they can make text read as other text.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
#: Unicode's default-ignorable code points but the bidi controls: drawn as nothing, so they
#: hide in names and pass a look. Tag characters (U+E0000-E007F) can spell whole hidden words.
HIDDEN_ALONE = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200c\u2060-\u2065\u206a-\u206f"
    "\u3164\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e00ff\U000e01f0-\U000e0fff"
)
#: The zero-width joiner and the variation selectors: invisible too, but they join and style
#: emoji (a family, a red heart), so command output keeps them where the screen drops them.
_EMOJI_PARTS = "\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef"
#: What the screen drops: it counts them as no cell, and terminals do not all agree.
_ZERO_WIDTH = re.compile(f"[{HIDDEN_ALONE}{_EMOJI_PARTS}]")
#: What a terminal may run, reorder or hide, but tab, newline and a CR ending a line (CSV, iCalendar).
_UNSAFE_OUTPUT = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI_CONTROLS}{HIDDEN_ALONE}]")
#: As above, with tab, newline and every CR: a file name or a value shown on one line.
_UNSAFE_NAME = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}{HIDDEN_ALONE}]")
_NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
#: Latin letters NFKD leaves whole, spelled as people type them without their marks:
#: "Łódź" is "lodz", "Søren" "soren", "Æsir" "aesir". Lowercase only, since ``casefold``
#: runs first (and makes "ß" and "ẞ" "ss" itself).
_WHOLE_LETTERS = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
_WHOLE = re.compile(f"[{''.join(_WHOLE_LETTERS)}]")
#: The Unicode names of the other Latin letters NFKD leaves whole, for ``slugify``: ƒ, ɓ (WITH HOOK).
_LATIN_NAME = re.compile(r"\ALATIN (?:SMALL|CAPITAL) (?:LETTER|LIGATURE) (?:DOTLESS )?([A-Z]{1,2})(?: WITH .+)?\Z")
_COMPANY_SUFFIX = re.compile(r"\b(inc|llc|ltd|gmbh|corp|corporation|co|plc|sa|ag|bv)\b\.?", re.IGNORECASE)

#: Companies an export fills in when there is none; never treated as a target.
PLACEHOLDER_COMPANIES = frozenset({"self-employed", "self employed", "stealth startup", "stealth", "freelance", "n/a"})


def strip_controls(text: str) -> str:
    """Drops every control character but newline and tab, so escapes never reach the terminal."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    return " ".join(strip_controls(text).split())


def escape_char(char: str) -> str:
    """``\\x1b``, ``\\n``, ``\\u202e``: a character shown as its escape, as Python writes it."""
    code = ord(char)
    if code > 0xFFFF:
        return f"\\U{code:08x}"
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escape_output(text: str) -> str:
    """Text for a terminal: controls, bidi controls and invisible characters shown as escapes,
    so none acts or hides; the joiner and variation selectors of emoji stay.

    Tab and newline stay (they lay out the output), and so does a CR before a newline.
    """
    return _UNSAFE_OUTPUT.sub(lambda match: escape_char(match.group()), text)


def escape_name(text: str) -> str:
    """A file name or value on one line: every control escaped, newline and tab included."""
    return _UNSAFE_NAME.sub(lambda match: escape_char(match.group()), text)


def shown(text: str) -> str:
    """User text for the screen: controls and invisible characters dropped, bidi controls escaped.

    A bidi override shown as ``\\u202e`` cannot turn the rest of a name around, and a name
    with a zero-width space is drawn as wide as it is counted.
    """
    return _BIDI.sub(lambda match: escape_char(match.group()), _ZERO_WIDTH.sub("", strip_controls(text)))


def shown_line(text: str) -> str:
    """As ``shown``, folded onto one line."""
    return " ".join(shown(text).split())


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching ("Zoë" finds "zoe", "Łódź" "lodz")."""
    decomposed = spell_whole_letters(unicodedata.normalize("NFKD", text.casefold()))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def spell_whole_letters(folded: str) -> str:
    """Casefolded text with "ł", "ø", "æ" and the other ``_WHOLE_LETTERS`` in ASCII.

    A regex, not ``str.translate``: text without them (nearly all) costs one scan in C,
    where ``translate`` looks up every character (20 times slower on a long note).
    """
    return _WHOLE.sub(lambda match: _WHOLE_LETTERS[match.group()], folded)


def slugify(name: str) -> str:
    """A lowercase ASCII slug for a new contact's id: as readable as the name allows, and stable.

    Accents fold away (``Zoë`` is ``zoe``), and a Latin letter with no decomposition takes
    the letters Unicode names it by (``ø`` is ``o``, ``æ`` is ``ae``). A name with no Latin
    letter or digit left (Chinese, Cyrillic, Hebrew, emoji) becomes ``contact-`` and the
    CRC-32 of the name in hex: the same name always gives the same id, and different ones
    rarely collide (the store numbers a taken id ``-2``, ``-3`` either way).
    """
    latin = "".join(ch if ch.isascii() else _latin_letters(ch) for ch in fold(name))
    slug = _SLUG_JUNK.sub("-", latin).strip("-")[:60].strip("-")
    if slug:
        return slug
    spelled = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    return f"contact-{zlib.crc32(spelled.encode('utf-8')):08x}" if spelled else "contact"


def numbered_ids(name: str) -> Iterator[str]:
    """A new contact's id from its name, then numbered (``jane-doe``, ``jane-doe-2``, ...): the first free one wins."""
    base = slugify(name)[:70].strip("-") or "contact"
    yield base
    for number in itertools.count(2):
        yield f"{base}-{number}"


def _latin_letters(char: str) -> str:
    """``o`` for LATIN SMALL LETTER O WITH STROKE (ø); a space for anything not named so."""
    match = _LATIN_NAME.match(unicodedata.name(char, ""))
    return match.group(1).lower() if match else " "


def normalise_company(company: str) -> str:
    folded = fold(company).strip()
    if folded in PLACEHOLDER_COMPANIES:
        return ""
    return " ".join(_COMPANY_SUFFIX.sub(" ", folded).replace(",", " ").split())
