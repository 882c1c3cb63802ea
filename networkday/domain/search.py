"""Search-as-you-type over the whole network: fuzzy, ranked, case- and accent-insensitive.

Everything a keystroke needs is prepared once: folded names kept in name order (a name
prefix is a bisection), and an inverted index from each distinct folded word of names and
of company, title and tags to the contacts that hold it. Typos are matched by rapidfuzz
against those distinct words, which are far fewer than the contacts, and notes are scanned
with C-level substring tests. A changed contact is re-folded alone and moved into place.

Rank, best first (``Hit.tier``):
  0 the name is the query; 1 the name starts with it; 2 every query word starts a word of
  the name; 3 the name matches fuzzily (a typo, the middle of a word); 4 company, title or
  tags match (together with the name when the query has several words); 5 the notes hold
  the query's words (of several, some may match in the fields above instead). Within a
  tier: the higher score, then name order.

Typo budget per query word: none below four letters, one up to eight, two from nine.
Search engines commonly start at five; names are short, and "prya" must find Priya, so
one typo counts from four, in a word that starts with the query's first letter: three
letters of four in order are found in too many words ("navy" in "analytical") otherwise.
Words of one or two letters only match word starts and are never looked for in notes:
one letter matching anywhere would match everyone.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from rapidfuzz import fuzz, process

from networkday.domain.summary import ContactSummary
from networkday.domain.text import spell_whole_letters

NAME_EXACT, NAME_PREFIX, NAME_WORD, NAME_FUZZY, DETAILS, NOTES = range(6)
TIER_FIELDS = ("name", "name", "name", "name", "company, title or tags", "notes")
SUBSTRING_MIN = 3
#: Query words shorter than this forgive a typo only in words with the same first letter.
ANCHORED_BELOW = 5
_SPLIT = re.compile(r"[\W_]+")
_LAST = "\U0010ffff"


class Hit(NamedTuple):
    id: str
    tier: int
    score: float

    @property
    def field(self) -> str:
        """Where the query matched, for a hint beside the row."""
        return TIER_FIELDS[self.tier]


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class _Folder:
    """Exactly ``text.fold``, several times faster on long text, which matters at 30,000 notes.

    ``fold`` tests every character in Python. Here only non-ASCII characters not met
    before are tested, and the marks found so far are dropped by one compiled regex.
    """

    def __init__(self) -> None:
        self.classified: set[str] = set()
        self.marks: set[str] = set()
        self.pattern: re.Pattern[str] | None = None

    def __call__(self, text: str) -> str:
        if text.isascii():
            return text.lower()
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        if decomposed.isascii():
            return decomposed
        decomposed = spell_whole_letters(decomposed)
        new = set(_NON_ASCII.findall(decomposed)) - self.classified
        if new:
            self.classified |= new
            marks = {char for char in new if unicodedata.combining(char)}
            if marks:
                self.marks |= marks
                self.pattern = re.compile("[" + "".join(map(re.escape, sorted(self.marks))) + "]")
        return self.pattern.sub("", decomposed) if self.pattern else decomposed


fast_fold = _Folder()


def folded_words(text: str) -> list[str]:
    """Case- and accent-folded words, split at anything that is not a letter or digit."""
    return [word for word in _SPLIT.split(fast_fold(text)) if word]


def typo_cutoff(length: int) -> float:
    """The lowest ``partial_ratio`` a query word of ``length`` letters may score.

    A typo (a wrong, missing, extra or swapped letter) costs two insertions or deletions,
    so one typo in L letters scores 100 * (1 - 1/L); below four letters only exact
    substrings (100) count. The margin below is wide: rapidfuzz's ``process.extract`` turns
    the cutoff into a distance and drops a score that equals it by rounding (83.33 for one
    typo in six letters), while two scores of a short query differ by far more than 0.001.
    """
    typos = 0 if length < 4 else 1 if length < 9 else 2
    return 100.0 * (1 - typos / length) - 1e-3


class _Words:
    """Distinct folded words in order, each with the ids of the contacts that use it."""

    def __init__(self, rows: Iterable[tuple[str, list[str]]] = ()) -> None:
        self.ids: dict[str, set[str]] = {}
        for contact_id, words in rows:
            for word in words:
                self.ids.setdefault(word, set()).add(contact_id)
        self.vocab = sorted(self.ids)

    def add(self, contact_id: str, words: Iterable[str]) -> None:
        for word in words:
            holders = self.ids.get(word)
            if holders is None:
                self.ids[word] = {contact_id}
                self.vocab.insert(bisect_left(self.vocab, word), word)
            else:
                holders.add(contact_id)

    def discard(self, contact_id: str, words: Iterable[str]) -> None:
        for word in words:
            holders = self.ids.get(word)
            if holders is None:
                continue
            holders.discard(contact_id)
            if not holders:
                del self.ids[word]
                del self.vocab[bisect_left(self.vocab, word)]

    def starting(self, prefix: str) -> set[str]:
        """Ids holding a word that starts with ``prefix``."""
        low = bisect_left(self.vocab, prefix)
        high = bisect_left(self.vocab, prefix + _LAST)
        found: set[str] = set()
        for word in self.vocab[low:high]:
            found |= self.ids[word]
        return found

    def scores(self, query: str) -> dict[str, float]:
        """Ids holding a word that contains ``query`` or is a typo away from it, best score each.

        partial_ratio aligns the shorter string inside the longer, so a word shorter than
        the query is scored whole: "li" must not score 100 against "olivia". A longer word
        keeps the better of the two, so the word a typo came from ranks above one that only
        shares a stretch with it: "prya" puts "priya" (89) before "ryan" (86).
        """
        cutoff = typo_cutoff(len(query))
        # A letter typed twice or in the middle ("hannxah") leaves the word one shorter than
        # the query, which partial_ratio scores as a typo in one letter fewer: let those
        # through the first pass, then hold every word to the query's own cutoff.
        loose = typo_cutoff(len(query) - 1) if len(query) >= ANCHORED_BELOW else cutoff
        best: dict[str, float] = {}
        found = process.extract(
            query, self.vocab, scorer=fuzz.partial_ratio, processor=None, score_cutoff=loose, limit=None
        )
        for word, partial, _ in found:
            whole = fuzz.ratio(query, word, score_cutoff=cutoff)
            score = max(partial, whole) if len(word) >= len(query) else whole
            if score < cutoff or (score < 100 and len(query) < ANCHORED_BELOW and word[0] != query[0]):
                continue
            for contact_id in self.ids[word]:
                if best.get(contact_id, 0.0) < score:
                    best[contact_id] = score
        return best


class _Row(NamedTuple):
    key: tuple[str, str]  # (folded name, id): the name order
    name_words: list[str]
    detail_words: list[str]


@lru_cache(maxsize=16_384)
def _shared_words(text: str) -> tuple[str, ...]:
    """Companies, titles and tags repeat across a network: each is folded once."""
    return tuple(folded_words(text))


def _row(summary: ContactSummary) -> _Row:
    name_words = folded_words(summary.name)
    detail_words = [word for text in (summary.company, summary.title, *summary.tags) for word in _shared_words(text)]
    return _Row((" ".join(name_words), summary.id), name_words, detail_words)


class SearchIndex:
    """The prepared haystack of every contact, updated one contact at a time."""

    def __init__(self, summaries: Iterable[ContactSummary] = ()) -> None:
        summaries = list(summaries)
        rows = {summary.id: _row(summary) for summary in summaries}
        self._rows = rows
        self._order = sorted(row.key for row in rows.values())
        self._names = _Words((contact_id, row.name_words) for contact_id, row in rows.items())
        self._details = _Words((contact_id, row.detail_words) for contact_id, row in rows.items())
        #: folded notes of the contacts that have any, scanned whole for each query
        self._notes = {summary.id: fast_fold(summary.notes) for summary in summaries if summary.notes}

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, contact_id: object) -> bool:
        return contact_id in self._rows

    def update(self, summary: ContactSummary) -> None:
        """Adds the contact, or re-folds it after a change; costs one row, not a rebuild."""
        self.remove(summary.id)
        row = self._rows[summary.id] = _row(summary)
        self._order.insert(bisect_left(self._order, row.key), row.key)
        self._names.add(summary.id, row.name_words)
        self._details.add(summary.id, row.detail_words)
        if summary.notes:
            self._notes[summary.id] = fast_fold(summary.notes)

    def remove(self, contact_id: str) -> None:
        row = self._rows.pop(contact_id, None)
        if row is None:
            return
        del self._order[bisect_left(self._order, row.key)]
        self._names.discard(contact_id, row.name_words)
        self._details.discard(contact_id, row.detail_words)
        self._notes.pop(contact_id, None)

    def refresh(self, changed: Iterable[str], contacts: Mapping[str, ContactSummary]) -> None:
        """Follows a store scan: changed ids are updated, ids no longer in ``contacts`` removed."""
        for contact_id in changed:
            summary = contacts.get(contact_id)
            if summary is None:
                self.remove(contact_id)
            else:
                self.update(summary)

    def named(self, name: str) -> list[str]:
        """Ids of the contacts whose name is ``name`` word for word, ignoring case, accents and
        punctuation: one bisection of the name order, as a search's exact tier."""
        text = " ".join(folded_words(name))
        low = bisect_left(self._order, (text,))
        high = bisect_left(self._order, (text, _LAST))
        return [key[1] for key in self._order[low:high]] if text else []

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        """Contacts matching ``query``, best first, at most ``limit``; empty for a blank query."""
        words = folded_words(query)
        if not words:
            return []
        return _Search(self, words, limit).run()


class _Search:
    """One query's pass through the tiers, stopping once ``limit`` hits are found."""

    def __init__(self, index: SearchIndex, words: list[str], limit: int | None) -> None:
        self.index = index
        self.words = words
        self.text = " ".join(words)
        self.limit = limit
        self.hits: list[Hit] = []
        self.taken: set[str] = set()
        #: per query word: ids whose name matched it, with the score (set by ``_name_words``)
        self.name_scores: list[dict[str, float]] = []
        #: the same for name, company, title or tags (set by ``_details``)
        self.detail_scores: list[dict[str, float]] = []

    def full(self) -> bool:
        return self.limit is not None and len(self.hits) >= self.limit

    def run(self) -> list[Hit]:
        for tier in (self._name_prefix, self._name_words, self._details, self._notes):
            tier()
            if self.full():
                return self.hits[: self.limit]
        return self.hits

    def _emit(self, tier: int, ids: Iterable[str], scores: Mapping[str, float] | None = None) -> None:
        taken = self.taken
        fresh = [contact_id for contact_id in ids if contact_id not in taken]
        taken.update(fresh)
        values = map(scores.__getitem__, fresh) if scores else repeat(100.0)
        self.hits.extend(map(Hit._make, zip(fresh, repeat(tier), values)))

    def _in_order(self, ids: set[str], scores: Mapping[str, float] | None = None) -> list[str]:
        """``ids`` by score, then name order; a large set is filtered from the kept order, not sorted."""
        order = self.index._order
        if len(ids) * 8 < len(order):
            rows = self.index._rows
            ranked = sorted(ids, key=lambda contact_id: rows[contact_id].key)
        else:
            ranked = [key[1] for key in order if key[1] in ids]
        if scores:
            ranked.sort(key=lambda contact_id: -scores[contact_id])
        return ranked

    def _name_prefix(self) -> None:
        order, text = self.index._order, self.text
        low = bisect_left(order, (text,))
        high = bisect_left(order, (text + _LAST,))
        self._emit(NAME_EXACT, [key[1] for key in order[low:high] if key[0] == text])
        self._emit(NAME_PREFIX, [key[1] for key in order[low:high]])

    def _name_words(self) -> None:
        names = self.index._names
        starts = [names.starting(word) for word in self.words]
        self._emit(NAME_WORD, self._in_order(set.intersection(*starts) - self.taken))
        if self.full():
            return
        fuzzy = [names.scores(word) if len(word) >= SUBSTRING_MIN else {} for word in self.words]
        self.name_scores = [_merge(start, score) for start, score in zip(starts, fuzzy, strict=True)]
        self._emit_all(NAME_FUZZY, self.name_scores)

    def _details(self) -> None:
        details = self.index._details
        scores = []
        for word, in_name in zip(self.words, self.name_scores, strict=True):
            fuzzy = details.scores(word) if len(word) >= SUBSTRING_MIN else {}
            in_details = _merge(details.starting(word), fuzzy)
            for contact_id, score in in_name.items():
                if in_details.get(contact_id, 0.0) < score:
                    in_details[contact_id] = score
            scores.append(in_details)
        self.detail_scores = scores
        self._emit_all(DETAILS, scores)

    def _emit_all(self, tier: int, per_word: list[dict[str, float]]) -> None:
        """Ids every query word matched, scored by their weakest word."""
        common = set(per_word[0].keys()).intersection(*(scores.keys() for scores in per_word[1:])) - self.taken
        found = {contact_id: min(scores[contact_id] for scores in per_word) for contact_id in common}
        self._emit(tier, self._in_order(common, found), found)

    def _notes(self) -> None:
        """Notes holding the query's words of three letters or more; shorter words must match elsewhere.

        With several words, each must be in the notes or have matched in the fields above,
        and at least one must be in the notes.
        """
        notes = self.index._notes
        in_notes = {
            word: {contact_id for contact_id, text in notes.items() if word in text}
            for word in self.words
            if len(word) >= SUBSTRING_MIN
        }
        found: set[str] = set().union(*in_notes.values())
        if len(self.words) > 1:
            for word, elsewhere in zip(self.words, self.detail_scores, strict=True):
                found &= in_notes.get(word, set()) | elsewhere.keys()
        self._emit(NOTES, self._in_order(found - self.taken))


def _merge(starts: set[str], scores: dict[str, float]) -> dict[str, float]:
    """Word starts score 100; fuzzy matches keep their score."""
    merged = dict(scores)
    merged.update(dict.fromkeys(starts, 100.0))
    return merged
