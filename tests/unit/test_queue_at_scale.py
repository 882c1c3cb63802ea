"""The queue over a large synthetic network follows its rules, whatever shortcuts the loop takes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bench.network_data import synthetic_summaries
from networkday.domain.day import Call, Day
from networkday.domain.queue import CADENCE, FOLLOW_UP, PLANNED, SUGGESTED, build_queue
from networkday.domain.settings import Config

TODAY = date(2026, 11, 25)
SUMMARIES = synthetic_summaries(3000, seed=11)
CONTACTS = {summary.id: summary for summary in SUMMARIES}


def _cadence(summary, config: Config) -> int | None:
    return config.cadence_for(summary.cadence_days, list(summary.tags))


@pytest.mark.parametrize(
    "config",
    [
        Config(),
        Config(tag_cadence={"mentor": 30, "friend": 60}),
        Config(tag_cadence={"mentor": 30}, default_cadence_days=90, calls_per_day=400),
    ],
)
def test_follow_ups_then_cadence_then_suggestions_as_the_rules_say(config: Config) -> None:
    day = Day(date=TODAY, calls=[Call("c5"), Call("c9")], dismissed=["c12"])
    items = build_queue(day, CONTACTS, config, TODAY, tz=UTC)
    skip = {"c5", "c9", "c12"}
    ordinal = TODAY.toordinal()
    due = sorted(
        (s for s in SUMMARIES if s.id not in skip and s.follow_up is not None and s.follow_up <= ordinal),
        key=lambda s: (s.follow_up, s.id),
    )
    rest = [s for s in SUMMARIES if s.id not in skip and s not in due]

    def losing(s) -> bool:
        cadence = _cadence(s, config)
        if cadence is None or not s.entries:
            return False
        return ordinal - datetime.fromtimestamp(s.entries[-1][0], UTC).toordinal() > cadence

    behind = sorted((s for s in rest if losing(s)), key=lambda s: (s.entries[-1][0], s.id))
    kinds = [item.kind for item in items]
    assert kinds[:2] == [PLANNED, PLANNED]
    assert [item.contact_id for item in items if item.kind == FOLLOW_UP] == [s.id for s in due]
    assert [item.contact_id for item in items if item.kind == CADENCE] == [s.id for s in behind]
    suggested = [item for item in items if item.kind == SUGGESTED]
    assert len(suggested) == max(0, config.calls_per_day - 2 - len(due) - len(behind))
    assert kinds == sorted(kinds, key=[PLANNED, FOLLOW_UP, CADENCE, SUGGESTED].index)
    picked = {item.contact_id for item in suggested}
    assert not picked & skip
    assert len(picked) == len(suggested)


def test_suggestions_are_the_least_recently_touched_in_name_order() -> None:
    quiet = {s.id: s for s in SUMMARIES if s.follow_up is None and s.cadence_days is None and not s.tags}
    config = Config(calls_per_day=40)
    items = build_queue(Day(date=TODAY), quiet, config, TODAY, tz=UTC)
    start = datetime(2026, 11, 25, tzinfo=UTC).timestamp()
    fresh = [s for s in quiet.values() if s.last_ts is None or s.last_ts < start]
    expected = sorted(fresh, key=lambda s: (s.last_ts or 0.0, s.name.casefold()))[:40]
    assert [item.contact_id for item in items] == [s.id for s in expected]
    assert {item.kind for item in items} == {SUGGESTED}
