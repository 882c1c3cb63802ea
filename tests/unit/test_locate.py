"""Locating a key path in TOML source, so a wrong value is reported where the user can fix it."""

from __future__ import annotations

import pytest

from networkday.storage.locate import locate

SOURCE = """\
format = 1
name = "Jane Doe"
motives = ["curiosity", "greed"]
notes = \"\"\"
[[log]]
outcome = "not a key: inside a string"
\"\"\"

[[log]]
at = 2026-11-20T10:00:00+01:00
outcome = "will"

[[log]]
  at = 2026-11-21T10:00:00+01:00
  outcome = "maybe"
  "quoted key" = 1

[journal]
rating = 9

[[journal.answer]]
prompt = "Who did I help?"

[[journal.answer]]
prompt = 3
"""


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("name",), (2, 1)),
        (("motives", 1), (3, 1)),
        (("log", 0, "outcome"), (11, 1)),
        (("log", 1, "outcome"), (15, 3)),
        (("log", 1, "quoted key"), (16, 3)),
        (("log", 1), (13, 1)),
        (("log", 1, "missing"), (13, 1)),
        (("journal", "rating"), (19, 1)),
        (("journal", "answer", 1, "prompt"), (25, 1)),
        (("journal", "answer", 0), (21, 1)),
    ],
)
def test_locates_the_deepest_part_found(path: tuple, where: tuple[int, int]) -> None:
    assert locate(SOURCE, path) == where


def test_a_missing_key_points_at_the_start() -> None:
    assert locate(SOURCE, ("company",)) == (1, 1)


def test_dotted_keys_and_inline_tables_point_at_their_line() -> None:
    source = 'name = "x"\njournal.rating = 9\n'
    assert locate(source, ("journal", "rating")) == (2, 1)
    inline = 'name = "x"\njournal = { rating = 9 }\n'
    assert locate(inline, ("journal", "rating")) == (2, 1)


def test_literal_multiline_strings_are_skipped() -> None:
    source = "notes = '''\ndate = 1\n'''\ndate = 2026-01-01\n"
    assert locate(source, ("date",)) == (4, 1)


NESTED = """\
format = 1
name = "Acme"

[[opportunity]]
id = "one"

[[opportunity.step]]
stage = "lead"

[[opportunity]]
id = "two"

[opportunity.extra]
kept = true

[[opportunity.step]]
stage = "lead"

[[opportunity.step]]
stage = "bogus"

[[opportunity.step.link]]
url = 1

[[other]]
x = 1
"""


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("opportunity", 0, "step", 0, "stage"), (8, 1)),
        (("opportunity", 1, "step", 0, "stage"), (17, 1)),
        (("opportunity", 1, "step", 1, "stage"), (20, 1)),
        (("opportunity", 1, "step", 1), (19, 1)),
        (("opportunity", 1, "step", 1, "at"), (19, 1)),
        (("opportunity", 1, "step", 1, "link", 0, "url"), (23, 1)),
        (("opportunity", 1, "extra", "kept"), (14, 1)),
        (("opportunity", 1, "step", 2), (10, 1)),
        (("other", 0, "x"), (26, 1)),
    ],
)
def test_a_nested_array_of_tables_counts_within_its_parent(path: tuple, where: tuple[int, int]) -> None:
    """``[[opportunity.step]]`` belongs to the last ``[[opportunity]]``, and counts from 0 in each."""
    assert locate(NESTED, path) == where
