"""Notices built from names: a name holding a newline (a hand-edited file) stays on one line."""

from __future__ import annotations

from networkday.ui.notices import planned_notice


def test_a_planned_call_names_the_person_on_one_line() -> None:
    assert planned_notice("Ada\nLovelace\x1b[31m", "tomorrow") == "Call with Ada Lovelace[31m planned tomorrow."
