"""Whom you introduced someone to, as typed in the log prompt: contact ids where the words name one.

A touch's ``introduced`` holds contact ids, or names of people not in the network
(docs/FORMAT.md). The prompt takes what is quick to type: ids or names, separated by
commas. A name that is exactly one person's (ignoring case, accents and punctuation, as
the search does, so "Jose Alvarez" is José Álvarez) becomes that person's id, so the
queue and the review name them as their file does even after a rename; a name two
people share, or nobody has, is kept as typed: a guess could credit the wrong person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence

from networkday.domain.text import one_line

#: What separates the people typed: a comma or a semicolon.
_SEPARATORS = re.compile(r"[,;]")


def introduced_from(text: str, ids: Container[str], named: Callable[[str], Sequence[str]]) -> tuple[str, ...]:
    """The ids or names in ``text``, in the order typed, each once.

    ``ids`` are the contact ids; ``named`` gives the ids of the people with a name
    (``SearchIndex.named``: a bisection, where comparing every name costs 40 ms a name
    at 30,000 contacts, bench/introduced_names.py).
    """
    found: list[str] = []
    for words in filter(None, (one_line(part) for part in _SEPARATORS.split(text))):
        people = () if words in ids else named(words)
        whom = people[0] if len(people) == 1 else words
        if whom not in found:
            found.append(whom)
    return tuple(found)
