"""Whom you introduced someone to, as typed in the log prompt: contact ids where the words name one.

A touch's ``introduced`` holds contact ids, or names of people not in the network
(docs/FORMAT.md). The prompt takes what is quick to type: ids or names, separated by
commas. A name that is exactly one person's (ignoring case and accents, so "Jose
Alvarez" is José Álvarez) becomes that person's id, so the queue and the review name
them as their file does even after a rename; a name two people share, or nobody has,
is kept as typed: a guess could credit the wrong person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from networkday.domain.summary import ContactSummary
from networkday.domain.text import fold, one_line

#: What separates the people typed: a comma or a semicolon.
_SEPARATORS = re.compile(r"[,;]")


def introduced_from(text: str, contacts: Mapping[str, ContactSummary]) -> tuple[str, ...]:
    """The ids or names in ``text``, in the order typed, each once."""
    typed = [one_line(part) for part in _SEPARATORS.split(text)]
    found: list[str] = []
    for words in filter(None, typed):
        whom = words if words in contacts else _only_one_named(words, contacts)
        if whom not in found:
            found.append(whom)
    return tuple(found)


def _only_one_named(words: str, contacts: Mapping[str, ContactSummary]) -> str:
    """The id of the one person whose name is ``words``; ``words`` when none or several are."""
    wanted = fold(words)
    named = [summary.id for summary in contacts.values() if fold(summary.name) == wanted]
    return named[0] if len(named) == 1 else words
