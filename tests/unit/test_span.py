"""Lengths of time typed for --alarm and --within."""

from __future__ import annotations

from datetime import timedelta

import pytest

from networkday.domain.span import parse_span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("10m", timedelta(minutes=10)),
        ("15", timedelta(minutes=15)),
        ("2h", timedelta(hours=2)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        (" 1H 30M ", timedelta(hours=1, minutes=30)),
        ("45s", timedelta(seconds=45)),
        ("0m", timedelta()),
        ("6d", timedelta(days=6)),
    ],
)
def test_spans_as_typed(text: str, span: timedelta) -> None:
    assert parse_span(text) == span


@pytest.mark.parametrize("text", ["", "m", "10x", "-5m", "1.5h", "10m!", "h10", "999999m"])
def test_what_is_not_a_span_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"not a length of time|a week or more"):
        parse_span(text)


def test_a_week_or_more_is_refused() -> None:
    with pytest.raises(ValueError, match="a week or more"):
        parse_span("7d")
