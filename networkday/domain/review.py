"""The week or month in review: each day's figures, the totals, the best and weakest day.

A review covers the period's days up to today; days still to come have no figures. Best
and weakest are chosen among the *active* days (a call planned or made, a touch logged,
or time tracked): an empty Sunday is a day off, not a weak day. Days are ranked by
:func:`strength`:

1. calls made (the day's main job),
2. then networking's share of the tracked time (no tracking counts as 0),
3. then how many said they will help,
4. then the journal rating (none counts as 0).

On a tie the earlier day wins. The weakest day is only named when it ranks strictly
below the best one and there are at least two active days, so one day is never both.

A day whose file cannot be read is *unknown*: it keeps its row, marked so, but is left
out of the totals, the sparkline and best and weakest, rather than counted as empty.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from networkday.domain.figures import DayFigures
from networkday.domain.timer import period_days


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar week (ISO: Monday to Sunday) or a calendar month."""

    kind: str
    first: date
    last: date

    @classmethod
    def of(cls, kind: str, day: date) -> Period:
        """The week or month holding ``day``; ValueError for another kind."""
        days = period_days(day, kind, date.max)
        return cls(kind, days[0], days[-1])

    def dates(self, today: date) -> list[date]:
        """The period's dates up to ``today``: days still to come have no figures yet."""
        return period_days(self.first, self.kind, today)

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{calendar.month_name[self.first.month]} {self.first.year}"
        year, week, _ = self.first.isocalendar()
        return f"Week {week} of {year}, {self.first.isoformat()} to {self.last.isoformat()}"

    def to_json(self) -> dict[str, str]:
        """The period as ``review --json`` and ``timer report --json`` both give it."""
        return {"kind": self.kind, "first": self.first.isoformat(), "last": self.last.isoformat(), "label": self.label}

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` weeks or months away (negative for earlier), for paging."""
        if self.kind == "week":
            return Period.of("week", self.first + timedelta(weeks=steps))
        month = self.first.year * 12 + self.first.month - 1 + steps
        return Period.of("month", date(month // 12, month % 12 + 1, 1))


@dataclass(frozen=True, slots=True)
class ReviewTotals:
    planned: int = 0
    made: int = 0
    will: int = 0
    wont: int = 0
    gave: int = 0
    asked: int = 0
    networking: float = 0.0
    other: float = 0.0
    active_days: int = 0
    rated_days: int = 0
    rating_sum: int = 0

    @property
    def share(self) -> float | None:
        total = self.networking + self.other
        return self.networking / total if total > 0 else None

    @property
    def mean_rating(self) -> float | None:
        return self.rating_sum / self.rated_days if self.rated_days else None

    @classmethod
    def of(cls, days: Sequence[DayFigures]) -> ReviewTotals:
        rated = [f.rating for f in days if f.rating is not None]
        return cls(
            planned=sum(f.planned for f in days),
            made=sum(f.made for f in days),
            will=sum(f.will for f in days),
            wont=sum(f.wont for f in days),
            gave=sum(f.gave for f in days),
            asked=sum(f.asked for f in days),
            networking=sum(f.networking for f in days),
            other=sum(f.other for f in days),
            active_days=sum(1 for f in days if f.active),
            rated_days=len(rated),
            rating_sum=sum(rated),
        )


def strength(figures: DayFigures) -> tuple[int, float, int, int]:
    """The ranking key for best and weakest (see the module docstring)."""
    return (figures.made, figures.share or 0.0, figures.will, figures.rating or 0)


@dataclass(frozen=True)
class Review:
    period: Period
    days: tuple[DayFigures, ...]
    totals: ReviewTotals
    best: DayFigures | None
    weakest: DayFigures | None
    unknown: frozenset[date] = frozenset()

    @classmethod
    def build(cls, period: Period, days: Sequence[DayFigures], unknown: frozenset[date] = frozenset()) -> Review:
        """``days`` holds the figures of the period's dates up to today, in order; ``unknown``
        the dates whose file cannot be read."""
        known = [f for f in days if f.date not in unknown]
        candidates = [f for f in known if f.active]
        best = weakest = None
        for figures in candidates:
            if best is None or strength(figures) > strength(best):
                best = figures
            if weakest is None or strength(figures) < strength(weakest):
                weakest = figures
        if weakest is not None and best is not None and strength(weakest) >= strength(best):
            weakest = None
        return cls(period, tuple(days), ReviewTotals.of(known), best, weakest, unknown & {f.date for f in days})

    def to_json(self) -> dict[str, Any]:
        totals = self.totals
        return {
            "period": self.period.to_json(),
            "days": [
                {"date": f.date.isoformat(), "unreadable": True} if f.date in self.unknown else f.to_json()
                for f in self.days
            ],
            "totals": {
                "planned": totals.planned,
                "made": totals.made,
                "will": totals.will,
                "wont": totals.wont,
                "gave": totals.gave,
                "asked": totals.asked,
                "networking_seconds": round(totals.networking),
                "other_seconds": round(totals.other),
                "share": None if totals.share is None else round(totals.share, 4),
                "active_days": totals.active_days,
                "mean_rating": None if totals.mean_rating is None else round(totals.mean_rating, 2),
            },
            "best": self.best.date.isoformat() if self.best else None,
            "weakest": self.weakest.date.isoformat() if self.weakest else None,
        }
