"""The queue over a large synthetic network follows its rules, whatever shortcuts the loop takes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bench.network_data import synthetic_summaries
from networkday.domain.day import Call, Day
from networkday.domain.queue import FALLBACK_CADENCE_DAYS, FOLLOW_UP, PLANNED, build_queue
from networkday.domain.ranking import Ranking
from networkday.domain.referrals import build_referrals
from networkday.domain.settings import Config

TODAY = date(2026, 11, 25)
SUMMARIES = synthetic_summaries(3000, seed=11)
CONTACTS = {summary.id: summary for summary in SUMMARIES}
TARGETS = ("Acme Corp", "Globex Inc", "Initech")


def _due_for_touch(summary, config: Config, ordinal: int) -> bool:
    """The rule as the docs say it, one contact at a time."""
    if summary.follow_up is not None and summary.follow_up > ordinal:
        return False
    if not summary.entries:
        return True
    cadence = config.cadence_for(summary.cadence_days, list(summary.tags)) or FALLBACK_CADENCE_DAYS
    return ordinal - datetime.fromtimestamp(summary.entries[-1][0], UTC).toordinal() > cadence


@pytest.mark.parametrize(
    "config",
    [
        Config(targets=TARGETS),
        Config(targets=TARGETS, tag_cadence={"mentor": 30, "friend": 60}, calls_per_day=40),
        Config(tag_cadence={"mentor": 30}, default_cadence_days=90, calls_per_day=400),
    ],
)
def test_commitments_then_the_best_ranked_up_to_the_goal(config: Config) -> None:
    day = Day(date=TODAY, calls=[Call("c5"), Call("c9")], dismissed=["c12"])
    items = build_queue(day, CONTACTS, config, TODAY, is_target=config.is_target, tz=UTC)
    skip = {"c5", "c9", "c12"}
    ordinal = TODAY.toordinal()
    due = sorted(
        (s for s in SUMMARIES if s.id not in skip and s.follow_up is not None and s.follow_up <= ordinal),
        key=lambda s: (s.follow_up, s.id),
    )
    assert [item.kind for item in items[:2]] == [PLANNED, PLANNED]
    assert [item.contact_id for item in items if item.kind == FOLLOW_UP] == [s.id for s in due]
    fills = items[2 + len(due) :]
    assert len(items) == max(config.calls_per_day, 2 + len(due))
    candidates = [s for s in SUMMARIES if s.id not in skip | {s.id for s in due} and _due_for_touch(s, config, ordinal)]
    ranking = Ranking(CONTACTS, build_referrals(CONTACTS, config.is_target), config.is_target, TODAY, UTC)
    best = sorted(candidates, key=ranking.key)[: len(fills)]
    assert [item.contact_id for item in fills] == [s.id for s in best]
    assert all(item.rank_reason for item in items)
