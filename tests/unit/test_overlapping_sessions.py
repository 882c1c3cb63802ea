"""Which timer sessions of a day share time with one started before them (``domain.timer.overlapping``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from networkday.domain.timer import SessionRow, overlapping

NOW = 100.0


def test_sessions_one_after_another_share_nothing() -> None:
    rows: list[SessionRow] = [("networking", 0, 10), ("other", 10, 20), ("networking", 30, None)]
    assert overlapping(rows, NOW) == []


def test_each_later_session_is_named_with_the_earlier_one_it_starts_inside() -> None:
    rows: list[SessionRow] = [
        ("networking", 0, 60),
        ("other", 60, 75),  # inside the one from 30 to 90, which reaches furthest by then
        ("networking", 30, 90),  # inside the first
        ("other", 10, 20),  # inside the first
    ]
    assert sorted(overlapping(rows, NOW)) == [(1, 2), (2, 0), (3, 0)]


def test_a_running_session_reaches_now_and_two_starting_together_overlap() -> None:
    assert overlapping([("networking", 50, None), ("other", 90, 95)], NOW) == [(1, 0)]
    assert overlapping([("networking", 90, 95), ("other", 50, None)], NOW) == [(0, 1)]
    assert overlapping([("networking", 5, 9), ("other", 5, 6)], NOW) == [(1, 0)]
    assert overlapping([("networking", 90, 95)], 96.0) == []


intervals = st.lists(
    st.tuples(st.integers(0, 50), st.one_of(st.none(), st.integers(1, 30))).map(
        lambda pair: ("networking", float(pair[0]), None if pair[1] is None else float(pair[0] + pair[1]))
    ),
    max_size=8,
)


@given(intervals)
def test_a_session_is_named_exactly_when_an_earlier_started_one_shares_time_with_it(rows: list[SessionRow]) -> None:
    order = sorted(range(len(rows)), key=lambda i: rows[i][1])
    ends = [NOW if end is None else end for _, _, end in rows]
    expected = {
        later
        for position, later in enumerate(order)
        if any(rows[later][1] < ends[earlier] for earlier in order[:position])
    }
    found = overlapping(rows, NOW)
    assert {later for later, _ in found} == expected
    for later, earlier in found:  # and the one named beside it does share time with it
        assert rows[earlier][1] <= rows[later][1] < ends[earlier]
