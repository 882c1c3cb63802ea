"""The network list's rules: which contacts a filter keeps and in which order they stand.

Everything works on the store's summaries with plain comprehensions. What is slow per
contact at 30,000 (normalising a company, folding a name, comparing strings while
sorting) is memoised per distinct string in a ``Network``, and sorts compare integer
ranks instead of strings. The memos are keyed by the raw text, so they stay right when
contacts change and never need clearing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, tzinfo

from networkday.domain.cadence import losing_touch_test
from networkday.domain.search import Hit, fast_fold
from networkday.domain.settings import Config
from networkday.domain.summary import ContactSummary
from networkday.domain.text import normalise_company

SORT_NAME, SORT_COMPANY, SORT_LAST_TOUCH, SORT_FOLLOW_UP = "name", "company", "last_touch", "follow_up"
#: Beyond any rank, date ordinal or timestamp: where the empty values go.
_LAST = 10**10
SORTS: dict[str, str] = {
    SORT_NAME: "name",
    SORT_COMPANY: "company",
    SORT_LAST_TOUCH: "last touch",
    SORT_FOLLOW_UP: "next follow-up",
}


@dataclass(frozen=True)
class Filter:
    """What the list keeps; every condition set must hold."""

    tag: str | None = None
    #: matched as companies are compared everywhere: "ACME Inc." is "Acme"
    company: str | None = None
    targets_only: bool = False
    hiring_managers: bool = False
    #: follow-up due today or overdue
    due: bool = False
    #: longer than the contact's cadence since the last touch
    losing_touch: bool = False
    never_contacted: bool = False

    @property
    def active(self) -> bool:
        return any(getattr(self, item.name) for item in fields(self))

    def describe(self) -> str:
        """A short line for the list's header: ``tag python · target companies · due``."""
        parts = []
        if self.tag:
            parts.append(f"tag {self.tag}")
        if self.company:
            parts.append(f"company {self.company}")
        labels = (
            (self.targets_only, "target companies"),
            (self.hiring_managers, "hiring managers"),
            (self.due, "follow-up due"),
            (self.losing_touch, "losing touch"),
            (self.never_contacted, "never contacted"),
        )
        parts.extend(label for wanted, label in labels if wanted)
        return " · ".join(parts)


class _Ranks:
    """Integer ranks of strings in the order of ``key``; strings with one key share a rank.

    Kept until an unseen string turns up, so sorting compares integers, not strings.
    """

    def __init__(self, key: Callable[[str], str]) -> None:
        self.key = key
        self.rank: dict[str, int] = {}
        self.key_rank: dict[str, int] = {}

    def add(self, texts: Iterable[str]) -> None:
        missing = set(texts) - self.rank.keys()
        if missing:
            keys = {text: self.key(text) for text in self.rank.keys() | missing}
            self.key_rank = {key: number for number, key in enumerate(sorted(set(keys.values())))}
            self.rank = {text: self.key_rank[key] for text, key in keys.items()}


class Network:
    """Filters, sorts and choices over summaries for one config and time zone."""

    def __init__(self, config: Config, tz: tzinfo) -> None:
        self.config = config
        self.tz = tz
        self._company_keys: dict[str, str] = {}
        self._targets: dict[str, bool] = {}
        self._names = _Ranks(fast_fold)
        self._companies = _Ranks(self.company_key)

    def company_key(self, company: str) -> str:
        """The normalised company ("" for none or a placeholder such as Self-employed)."""
        key = self._company_keys.get(company)
        if key is None:
            key = self._company_keys[company] = normalise_company(company)
        return key

    def is_target(self, company: str) -> bool:
        target = self._targets.get(company)
        if target is None:
            target = self._targets[company] = self.config.is_target(company)
        return target

    def filter(self, summaries: Iterable[ContactSummary], wanted: Filter, today: date) -> list[ContactSummary]:
        """The contacts ``wanted`` keeps, in the order given; each condition narrows the last."""
        kept = list(summaries)
        if wanted.hiring_managers:
            kept = [s for s in kept if s.hiring_manager]
        if wanted.never_contacted:
            kept = [s for s in kept if not s.entries]
        if wanted.due:
            ordinal = today.toordinal()
            kept = [s for s in kept if s.follow_up is not None and s.follow_up <= ordinal]
        if wanted.tag:
            tag = wanted.tag
            kept = [s for s in kept if tag in s.tags]
        if wanted.company:
            want = self.company_key(wanted.company) or wanted.company
            company_key = self.company_key
            kept = [s for s in kept if company_key(s.company) == want or s.company == want]
        if wanted.targets_only:
            is_target = self.is_target
            kept = [s for s in kept if is_target(s.company)]
        if wanted.losing_touch:
            losing = losing_touch_test(self.config, today, self.tz)
            kept = [s for s in kept if losing(s)]
        return kept

    def sort(
        self, summaries: Iterable[ContactSummary], key: str = SORT_NAME, *, reverse: bool = False
    ) -> list[ContactSummary]:
        """Sorted by ``key`` (one of ``SORTS``); ties in name order, A to Z even when reversed.

        Companies compare normalised ("ACME Inc." is "Acme"). People without a company (or
        with a placeholder such as Self-employed) or without a follow-up go last either way.
        By last touch the never-contacted come first (least recently touched of all), or
        last when reversed. One sort on a number: the name rank is folded in as the tiebreak.
        """
        if key not in SORTS:
            raise ValueError(f"unknown sort {key!r} (expected one of {', '.join(SORTS)})")
        items = list(summaries)
        try:
            return self._sort(items, key, reverse)
        except KeyError:
            self._names.add(s.name for s in items)
            self._companies.add(s.company for s in items)
            return self._sort(items, key, reverse)

    def _sort(self, items: list[ContactSummary], key: str, reverse: bool) -> list[ContactSummary]:
        """Always ascending: reversing negates the primary key, so ties stay A to Z."""
        names = self._names.rank
        if key == SORT_NAME:
            return sorted(items, key=lambda s: names[s.name], reverse=reverse)
        sign = -1 if reverse else 1
        span = len(names) + 1
        if key == SORT_LAST_TOUCH:
            never = _LAST if reverse else -_LAST

            def touch_key(s: ContactSummary) -> float:
                return sign * s.entries[-1][0] if s.entries else never + names[s.name]

            return sorted(items, key=touch_key)
        if key == SORT_COMPANY:
            companies = self._companies.rank
            none = self._companies.key_rank.get("", -1)  # no company or a placeholder, if anyone has one
            return sorted(
                items,
                key=lambda s: (
                    (_LAST * span if (rank := companies[s.company]) == none else sign * rank * span) + names[s.name]
                ),
            )
        return sorted(
            items,
            key=lambda s: (_LAST * span if s.follow_up is None else sign * s.follow_up * span) + names[s.name],
        )

    def listing(
        self,
        contacts: Mapping[str, ContactSummary],
        wanted: Filter,
        today: date,
        *,
        sort: str = SORT_NAME,
        reverse: bool = False,
        hits: list[Hit] | None = None,
    ) -> list[ContactSummary]:
        """The rows of the network list: search hits in rank order when searching, else sorted."""
        if hits is None:
            return self.sort(self.filter(contacts.values(), wanted, today), sort, reverse=reverse)
        found = [contacts[hit.id] for hit in hits if hit.id in contacts]
        return self.filter(found, wanted, today) if wanted.active else found

    def tag_choices(self, summaries: Iterable[ContactSummary]) -> list[tuple[str, int]]:
        """Every tag with how many contacts carry it, the most used first."""
        counts = Counter(tag for s in summaries for tag in s.tags)
        return sorted(counts.items(), key=lambda item: (-item[1], fast_fold(item[0]), item[0]))

    def company_choices(self, summaries: Iterable[ContactSummary]) -> list[tuple[str, int]]:
        """Companies with their head counts; spellings of one company count together under the commonest."""
        spellings: dict[str, Counter[str]] = {}
        for s in summaries:
            key = self.company_key(s.company)
            if key:
                spellings.setdefault(key, Counter())[s.company] += 1
        choices = [(counts.most_common(1)[0][0], counts.total()) for counts in spellings.values()]
        return sorted(choices, key=lambda item: (-item[1], fast_fold(item[0])))
