"""Who fills the rest of the day: people due for a touch, ranked by what leads to a job first.

Planned calls and due follow-ups are commitments and are not ranked here. The day's
remaining room is filled from the people due for a touch (never contacted, or past
their cadence), best first:

1. hiring managers at target companies;
2. the people on the known way to one (their referrer first, then whoever introduced
   you to the referrer);
3. other people at target companies, who can refer you from inside;
4. warm referrals never contacted (someone named them to you);
5. people who said they would help;
6. people you talked to, longest out of touch first;
7. people never contacted (an imported connection is one until a touch is logged).

Within a tier the longest out of touch comes first, then names in order. Target
matching is a parameter (``is_target``), so a richer test than ``config.targets`` can
be passed in. Only the few picked get a reason written; the rest cost one key each.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from networkday.domain.referrals import Referrals
from networkday.domain.summary import ContactSummary
from networkday.domain.wording import span

HIRING_MANAGER, ON_PATH, AT_TARGET, WARM_REFERRAL, WILL_HELP, OUT_OF_TOUCH, NEVER_CONTACTED = range(7)


@dataclass(frozen=True, slots=True)
class Pick:
    """A person chosen to fill the day, with the words that say why."""

    summary: ContactSummary
    tier: int
    reason: str


class Ranking:
    """The ranking for one day: the referral index and the target test, asked once per company."""

    def __init__(
        self,
        contacts: Mapping[str, ContactSummary],
        referrals: Referrals,
        is_target: Callable[[str], bool],
        day: date,
        tz: tzinfo,
    ) -> None:
        self.contacts = contacts
        self.referrals = referrals
        self._through = referrals.through
        self._is_target = is_target
        self._targets: dict[str, bool] = {}
        self.day = day
        self.tz = tz

    def target(self, company: str) -> bool:
        if not company:
            return False
        known = self._targets.get(company)
        if known is None:
            known = self._targets[company] = self._is_target(company)
        return known

    def tier(self, summary: ContactSummary) -> int:
        # This meets every candidate (30,000 after an import): known targets are a dict look-up.
        company = summary.company
        if company and (self._targets.get(company) or self.target(company)):
            if summary.hiring_manager:
                return HIRING_MANAGER
            return ON_PATH if summary.id in self._through else AT_TARGET
        if summary.id in self._through:
            return ON_PATH
        entries = summary.entries
        if not entries:
            return WARM_REFERRAL if summary.referred_by else NEVER_CONTACTED
        return WILL_HELP if said_will_help(summary) else OUT_OF_TOUCH

    def key(self, summary: ContactSummary) -> tuple[int, int, float, str, str]:
        """Tier, steps to a hiring manager (on a path), last touch (never: 0), name, id."""
        tier = self.tier(summary)
        steps = self.steps(summary.id)[0] if tier == ON_PATH else 0
        entries = summary.entries
        return (tier, steps, entries[-1][0] if entries else 0.0, summary.name.casefold(), summary.id)

    def steps(self, contact_id: str) -> tuple[int, str]:
        """The fewest introductions from ``contact_id`` to a hiring manager at a target company, and that manager."""
        best = (0, "")
        for manager in self.referrals.hiring_managers_via(contact_id):
            path = self.referrals.paths[manager]
            away = len(path) - 1 - path.index(contact_id)
            if away and (not best[1] or away < best[0]):
                best = (away, manager)
        return best

    def pick(self, candidates: Iterable[ContactSummary], room: int) -> list[Pick]:
        """The best ``room`` of ``candidates`` without sorting them all (a heap of ``room``)."""
        chosen = heapq.nsmallest(room, candidates, key=self.key)
        return [Pick(summary, tier := self.tier(summary), self.reason(summary, tier)) for summary in chosen]

    def reason(self, summary: ContactSummary, tier: int) -> str:
        """The row's ``rank_reason``: short plain words."""
        if tier == HIRING_MANAGER:
            return f"hiring manager at {summary.company} (target)"
        if tier == ON_PATH:
            away, manager_id = self.steps(summary.id)
            manager = self.contacts[manager_id]
            steps = "one step" if away == 1 else f"{away} steps"
            return f"{steps} from {manager.name}, hiring manager at {manager.company}"
        if tier == AT_TARGET:
            return f"works at {summary.company} (target)"
        if tier == WARM_REFERRAL:
            referrer = self.contacts.get(summary.referred_by or "")
            return f"referred by {referrer.name if referrer else summary.referred_by}, never contacted"
        if tier == WILL_HELP:
            return "said they'd help"
        if tier == OUT_OF_TOUCH:
            last = datetime.fromtimestamp(summary.last_ts or 0.0, self.tz).date()
            return f"out of touch {span(last, self.day)}"
        return "never contacted"


def said_will_help(summary: ContactSummary) -> bool:
    """Their latest touch with an outcome was "will help"."""
    for entry in reversed(summary.entries):
        if entry[2]:
            return entry[2] == "will"
    return False
