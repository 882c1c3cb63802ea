"""What kind of phone each number is (work, home, cell, fax, pager…), kept beside the numbers.

A contact file holds the kinds in a ``[phone_kinds]`` table keyed by the number, not in a
second list aligned by position: a hand edit that adds, removes or reorders one number can
then never give another number its kind. A key names its number by the number's digits,
so ``"+1 905-555-1234"`` still names ``(905) 555-1234`` after a reformatting. A kind is a
few words, place first and then medium (``work fax``), as vCard's TYPE values and Google's
labels say; words that no standard names (``assistant``) are kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from networkday.domain.errors import KeyPath, RecordError
from networkday.domain.phones import phone_key
from networkday.domain.text import one_line

#: vCard's TEL types (RFC 6350 6.4.1 and RFC 2426 3.3.1) that say something about the number,
#: places first; ``voice`` is every phone's default, and ``pref`` is an order, not a kind.
PLACES: tuple[str, ...] = ("home", "work")
MEDIA: tuple[str, ...] = ("cell", "fax", "pager", "text", "video", "textphone", "main", "car", "isdn", "bbs", "modem")
#: Words that mean nothing beside the number (``internet`` comes with Outlook's EMAIL lines).
_SILENT = frozenset({"voice", "pref", "internet"})
#: Other spellings clients use for the same kind.
_SYNONYMS = {
    "mobile": "cell",
    "iphone": "cell",
    "cellular": "cell",
    "msg": "text",
    "office": "work",
    "business": "work",
}
#: Apple's built-in labels are wrapped: ``_$!<Other>!$_``.
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
#: A word a vCard TYPE parameter can carry as written (an iana-token or x-name).
_TOKEN = re.compile(r"^[a-z0-9-]+$")
#: Longest kind kept from an import: a label, not a note.
MAX_KIND = 40


def kind_from_words(words: Iterable[str]) -> str:
    """The kind that TYPE values or a label's words name: lower case, places first, no repeats."""
    seen: list[str] = []
    for raw in words:
        word = _SYNONYMS.get(raw.strip().casefold(), raw.strip().casefold())
        if word and word not in _SILENT and not word.startswith("x-") and word not in seen:
            seen.append(word)
    seen.sort(key=_order)
    return one_line(" ".join(seen))[:MAX_KIND].strip()


def _order(word: str) -> tuple[int, int, str]:
    """Places, then media, each in the standard's order, then other words alphabetically."""
    known = PLACES + MEDIA
    return (0, known.index(word), "") if word in known else (1, 0, word)


def kind_from_label(label: str) -> str:
    """A kind from a client's free label: Google's ``Work Fax`` or ``* Mobile``, Apple's ``_$!<Pager>!$_``."""
    text = label.strip().removeprefix("* ")
    apple = _APPLE_LABEL.match(text)
    return kind_from_words((apple.group(1) if apple else text).split())


def vcard_types(kind: str) -> list[str]:
    """The TYPE values a card carries for ``kind``: each word a vCard parameter can hold as written."""
    return [word for word in kind.casefold().split() if _TOKEN.match(word)]


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def same_number(a: str, b: str) -> bool:
    """One number in two spellings: equal text, or equal digits where one may add a country code."""
    if a.strip() == b.strip():
        return True
    left, right = _digits(a), _digits(b)
    if len(left) < 7 or len(right) < 7:
        return bool(left) and left == right
    return left.endswith(right) or right.endswith(left)


def same_in(region: str) -> Callable[[str, str], bool]:
    """One number in two spellings, as ``phones.phone_key`` reads them in ``region``, or by digits."""
    return lambda a, b: phone_key(a, region) == phone_key(b, region) or same_number(a, b)


def kind_of(number: str, kinds: Mapping[str, str], same: Callable[[str, str], bool] = same_number) -> str:
    """The kind ``kinds`` gives ``number`` (its own key first, then another spelling of it); "" for none."""
    if number in kinds:
        return kinds[number]
    return next((kind for key, kind in kinds.items() if same(key, number)), "")


def kinds_for(
    numbers: Iterable[str], *sources: Mapping[str, str], same: Callable[[str, str], bool] = same_number
) -> dict[str, str]:
    """Each of ``numbers`` with the first kind a source gives it, keyed as the number is written."""
    found: dict[str, str] = {}
    for number in numbers:
        kind = next((kind for source in sources if (kind := kind_of(number, source, same))), "")
        if kind:
            found[number] = kind
    return found


def read_kinds(table: object, phones: list[str], path: KeyPath) -> dict[str, str]:
    """``[phone_kinds]`` as written, each key checked to name one of ``phones``.

    A kind for a number the file no longer lists is reported with its key, not dropped:
    the user may have mistyped the number, and the kind is theirs.
    """
    if not isinstance(table, dict):
        raise RecordError("'phone_kinds' must be a table of number = kind", path)
    kinds: dict[str, str] = {}
    for number, kind in table.items():
        if not isinstance(kind, str):
            raise RecordError(f"the kind of {number!r} must be a string, not {type(kind).__name__}", (*path, number))
        if not any(same_number(number, phone) for phone in phones):
            raise RecordError(f"{number!r} has a kind but is not one of 'phone'", (*path, number))
        kinds[number] = kind
    return kinds


def still_listed(kinds: Mapping[str, str], phones: list[str]) -> dict[str, str]:
    """The kinds whose number is still among ``phones``, keyed as the user wrote them.

    An edit that removes a number takes its kind with it; one that only reformats a number
    keeps the kind under the key it had, so a file is not rewritten for nothing.
    """
    return {key: kind for key, kind in kinds.items() if kind and any(same_number(key, phone) for phone in phones)}


def fill_kinds(
    phones: list[str], own: Mapping[str, str], other: Mapping[str, str], same: Callable[[str, str], bool] = same_number
) -> tuple[dict[str, str], list[str]]:
    """``own`` kinds, plus ``other``'s for the numbers that have none; and what differed.

    For merges and imports: the kept record's kind wins, a different one from the other
    side comes back as a sentence (``the kind of 905… was home``) for the notes.
    """
    added: dict[str, str] = {}
    differing: list[str] = []
    for number in phones:
        theirs = kind_of(number, other, same)
        mine = kind_of(number, own, same)
        if theirs and not mine:
            added[number] = theirs
        elif theirs and mine != theirs:
            differing.append(f"the kind of {number} was {theirs}")
    return {**own, **added}, differing
