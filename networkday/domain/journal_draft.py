"""A journal entry open for editing, and how it meets the day file again.

The journal screen keeps what the person typed apart from the journal as last read from
or written to disk (``base``). Whenever a newer journal from disk arrives (the result of
a save, the day file changed by hand, or the person's choice after a clash),
:meth:`Draft.rebase` takes it, answer by answer and for the rating:

- an answer the person changed keeps their text when the disk still holds the old one
  (or always, with ``prefer_mine``);
- everything else takes the text on disk, so a hand edit shows up on screen and is
  never written back stale by the next save.

Answers are keyed by (prompt, occurrence), as the store's three-way save keys them, so
a prompt written twice by hand stays two answers. Texts are kept exactly as given: the
screen passes back an answer only when the person changed it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import date

from networkday.domain.day import Answer, Journal
from networkday.domain.journal import sections

Key = tuple[str, int]


def answer_keys(journal: Journal) -> dict[Key, Answer]:
    """The answers keyed by (prompt, how many earlier answers share that prompt)."""
    seen: dict[str, int] = {}
    keyed: dict[Key, Answer] = {}
    for answer in journal.answers:
        number = seen.get(answer.prompt, 0)
        seen[answer.prompt] = number + 1
        keyed[(answer.prompt, number)] = answer
    return keyed


def _texts(journal: Journal) -> dict[Key, str]:
    return {key: answer.text for key, answer in answer_keys(journal).items()}


class Draft:
    """One day's entry as shown: the text of every answer on screen and the rating."""

    def __init__(self, day: date, journal: Journal, prompts: Sequence[str]) -> None:
        self.day = day
        self.prompts = tuple(prompts)
        self.base = journal
        self.texts: dict[Key, str] = _texts(journal)
        self.rating = journal.rating

    def sections(self) -> list[tuple[Key, str]]:
        """(key, text) in display order: the configured prompts, then every other answer."""
        edited = self.edited()
        occurrence = {id(answer): key for key, answer in answer_keys(edited).items()}
        return [
            (occurrence[id(answer)] if answer is not None else (prompt, 0), answer.text if answer else "")
            for prompt, answer in sections(edited, self.prompts)
        ]

    def set_text(self, key: Key, text: str) -> None:
        self.texts[key] = text

    def edited(self) -> Journal:
        """The base journal with the on-screen texts and rating; empty new answers are left out."""
        result = copy.deepcopy(self.base)
        result.rating = self.rating
        keyed = answer_keys(result)
        for key, text in self.texts.items():
            if key in keyed:
                keyed[key].text = text
            elif text:
                result.answers.append(Answer(key[0], text))
        return result

    @property
    def dirty(self) -> bool:
        """Something on screen differs from the day file as last read or written."""
        return self.edited() != self.base

    def rebase(self, disk: Journal, *, prefer_mine: bool = False) -> bool:
        """Takes ``disk`` as the new base, keeping the person's changes (see the module docstring).

        Returns whether the texts or the rating on screen changed, so the screen knows to
        show them again.
        """
        before = (dict(self.texts), self.rating)
        self.texts = self._merged(_texts(self.base), _texts(disk), prefer_mine)
        mine, old, theirs = self.rating, self.base.rating, disk.rating
        self.rating = mine if mine != old and (prefer_mine or theirs == old) else theirs
        self.base = disk
        return before != (self.texts, self.rating)

    def _merged(self, old: Mapping[Key, str], theirs: Mapping[Key, str], prefer_mine: bool) -> dict[Key, str]:
        merged: dict[Key, str] = {}
        for key in [*self.texts, *(key for key in theirs if key not in self.texts)]:
            was = old.get(key, "")
            mine = self.texts.get(key, was)
            disk = theirs.get(key, "")
            merged[key] = mine if mine != was and (prefer_mine or disk == was) else disk
        return merged

    def clashes(self, disk: Journal) -> list[Key]:
        """The answers the person changed that ``disk`` changed differently since the base."""
        old, theirs = _texts(self.base), _texts(disk)
        return [
            key
            for key, mine in self.texts.items()
            if mine != old.get(key, "") and theirs.get(key, "") not in (old.get(key, ""), mine)
        ]

    def keep_both(self, disk: Journal, label: str) -> Journal:
        """``disk`` with every change that does not clash, and each clashing text as a new answer.

        The new answer's prompt is the old one followed by `` (label)``, so the hand edit
        and the words typed here both survive, side by side, for the person to merge.
        """
        clashing = self.clashes(disk)
        kept = {key: self.texts[key] for key in clashing}
        self.rebase(disk)
        result = self.edited()
        result.answers.extend(Answer(f"{prompt} ({label})", text) for (prompt, _), text in kept.items())
        return result
