"""How much of one person an import accepts: a field's length and how many values a list holds.

A row or card beyond these is damaged or hostile, not a person: a Google row with
200,000 email columns once became a 4.9 MB contact that took 20 s to open. What is cut
is reported with the line it came from; what is kept reads the same on every run, so an
import run twice still changes nothing the second time. The limits are generous for
real people and documented in the README's import section.
"""

from __future__ import annotations

from collections.abc import Callable

from networkday.domain.contact import Details

#: Longest name an import accepts; a longer one is a broken row, and the row is skipped.
MAX_NAME = 200
#: Single-line fields longer than this are cut to it (the longest real company names and titles fit).
MAX_LINE_FIELD = 300
#: A note longer than this keeps its beginning (about ten printed pages).
MAX_NOTES = 20_000
#: Values per list field of one person; the first ones in the file are kept.
MAX_VALUES = {"email": 20, "phone": 20, "links": 20, "tags": 50, "related": 20}
#: One value longer than this is not what it claims (RFC 5321 caps an address at 254).
MAX_VALUE = {"email": 254, "phone": 64, "links": 2000, "tags": 100, "related": 300}
#: How the summary names each field.
WORDS = {
    "company": "company",
    "title": "title",
    "met": "'met'",
    "email": "email addresses",
    "phone": "phone numbers",
    "links": "links",
    "tags": "tags",
    "related": "related people",
}


def fit(record: Details) -> list[str]:
    """Cuts ``record``'s fields to the limits in place; one message for each field cut."""
    said: list[str] = []
    for name in ("company", "title", "met"):
        text = getattr(record, name)
        if len(text) > MAX_LINE_FIELD:
            setattr(record, name, text[:MAX_LINE_FIELD].rstrip())
            said.append(f"the {WORDS[name]} is {len(text):,} characters long; kept the first {MAX_LINE_FIELD}")
    notes = record.notes
    if len(notes) > MAX_NOTES:
        record.notes = notes[:MAX_NOTES].rstrip()
        said.append(f"the note is {len(notes):,} characters long; kept the first {MAX_NOTES:,}")
    for name, most in MAX_VALUES.items():
        values = getattr(record, name, None)
        if values is None:
            continue
        longest = MAX_VALUE[name]
        fitting = [value for value in values if len(value) <= longest]
        if len(fitting) < len(values):
            count = len(values) - len(fitting)
            said.append(f"{count:,} of the {WORDS[name]} longer than {longest:,} characters; left out")
        if len(fitting) > most:
            said.append(f"{len(fitting):,} {WORDS[name]}; kept the first {most}")
            fitting = fitting[:most]
        if len(fitting) < len(values):
            setattr(record, name, fitting)
    return said


def capped_union(kept: list[str], incoming: list[str], key: Callable[[str], str], most: int) -> tuple[list[str], int]:
    """``kept`` as it is, then each incoming value not already there under ``key``, up to ``most`` in all.

    Returns the list and how many new values did not fit. A list the user made longer
    than ``most`` keeps every value; it only takes no more.
    """
    seen = {key(value) for value in kept}
    result = list(kept)
    left_out = 0
    for value in incoming:
        marker = key(value)
        if marker in seen:
            continue
        seen.add(marker)
        if len(result) >= most:
            left_out += 1
        else:
            result.append(value)
    return result, left_out
