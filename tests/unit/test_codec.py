"""The TOML codec: what it writes reads back the same, and what it cannot read is located."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from networkday.storage.codec import build, dumps, parse
from networkday.storage.problems import ProblemError, StoreError

PATH = Path("contacts/jane-doe.toml")


def roundtrip(table: dict) -> dict:
    return tomllib.loads(dumps(table).decode("utf-8"))


def problem_of(data: bytes) -> tuple[int, int, str]:
    with pytest.raises(ProblemError) as caught:
        parse(PATH, data)
    problem = caught.value.problem
    assert problem.path == PATH
    return problem.line, problem.column, problem.message


def test_arrays_of_tables_are_sections_people_can_edit() -> None:
    text = dumps({"name": "Jane", "log": [{"note": "a"}, {"note": "b"}], "journal": {"answer": [{"text": "x"}]}})
    assert text.decode().count("[[log]]") == 2
    assert "[[journal.answer]]" in text.decode()


def test_multiline_notes_stay_multiline_and_exact() -> None:
    notes = 'first line\n\n  "quoted" and \\backslash\\ \ttab   \ntrailing spaces   \n'
    text = dumps({"notes": notes}).decode()
    assert '"""' in text
    assert roundtrip({"notes": notes}) == {"notes": notes}


@pytest.mark.parametrize("value", ["a\r\nb", "line\r\n\r\nnext\n", "mixed\nand\r\n"])
def test_crlf_inside_notes_survives(value: str) -> None:
    assert roundtrip({"notes": value, "nested": {"list": [value]}}) == {"notes": value, "nested": {"list": [value]}}


def test_offsets_in_seconds_are_written_as_the_same_instant() -> None:
    lmt = timezone(timedelta(minutes=53, seconds=28))
    at = datetime(1890, 1, 1, 12, 0, tzinfo=lmt)
    back = roundtrip({"at": at, "log": [{"at": at}]})
    assert back["at"] == at
    assert back["at"].utcoffset() == timedelta(0)
    assert back["log"][0]["at"] == at


def test_minute_offsets_are_kept_as_written() -> None:
    at = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=5, minutes=45)))
    back = roundtrip({"at": at})["at"]
    assert back.utcoffset() == timedelta(hours=5, minutes=45)


@pytest.mark.parametrize("key", ["a = b", "0\n", "x\r", 'say "hi"', "with.dot", "ünï", " ", "[x]"])
def test_odd_table_names_are_quoted(key: str) -> None:
    table = {"t": {key: {"c": 1}}, "items": [{key: {"d": [1, 2]}}]}
    assert roundtrip(table) == table


def test_a_none_fails_before_anything_is_returned() -> None:
    with pytest.raises(TypeError):
        dumps({"name": "Jane", "company": None})


def test_undecodable_command_line_bytes_are_refused_with_a_store_error() -> None:
    with pytest.raises(StoreError, match="not valid Unicode"):
        dumps({"name": "Jane \udcff"})


def test_plain_values_of_every_toml_type_survive() -> None:
    table = {
        "format": 1,
        "flag": True,
        "ratio": 0.85,
        "day": date(2026, 11, 25),
        "at": datetime(2026, 11, 25, 9, 30, 15, 123456, tzinfo=UTC),
        "local": datetime(2026, 11, 25, 9, 30),
        "mixed": [1, "two", {"three": 3}],
        "empty": [],
        "table": {},
    }
    assert roundtrip(table) == table


# -- reading broken files ------------------------------------------------------------


def test_empty_and_blank_files_are_problems() -> None:
    assert problem_of(b"") == (1, 1, "the file is empty")
    assert problem_of(b"  \n\n\t\n")[2] == "the file is empty"


def test_nul_bytes_are_located_in_characters() -> None:
    line, column, message = problem_of('name = "Zoë"\nnote = "é\x00"\n'.encode())
    assert (line, column) == (2, 10)
    assert "NUL" in message


def test_invalid_utf8_is_located() -> None:
    line, column, message = problem_of(b'name = "Jane"\ncompany = "caf\xe9"\n')
    assert (line, column) == (2, 15)
    assert "UTF-8" in message


def test_invalid_toml_is_located_by_tomllib() -> None:
    line, column, message = problem_of(b'name = "Jane"\n\ncompany = = 1\n')
    assert (line, column) == (3, 11)
    assert message.startswith("invalid TOML: ")
    assert "line" not in message


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b'name = "Jan', (1, 12)),
        (b'name = "Jane"\n[[log]]\nat = ', (3, 6)),
        (b'name = "Jane"\nnotes = """first\n\nsecond', (4, 7)),
        (b"tags = [\n  'a',\n  'b'", (3, 6)),
    ],
)
def test_a_truncated_file_is_located_where_it_stops(data: bytes, where: tuple[int, int]) -> None:
    line, column, message = problem_of(data)
    assert (line, column) == where
    assert "end of document" not in message


def test_a_byte_order_mark_is_accepted() -> None:
    table, _ = parse(PATH, '\ufeffname = "Jane"\n'.encode())
    assert table == {"name": "Jane"}


def test_build_locates_record_errors() -> None:
    from networkday.domain.errors import RecordError

    text = 'name = "Jane"\n\n[[log]]\nat = 2026-11-25T09:30:00+01:00\n  outcome = "maybe"\n'

    def make() -> None:
        raise RecordError("unknown outcome 'maybe'", ("log", 0, "outcome"))

    with pytest.raises(ProblemError) as caught:
        build(PATH, text, make)
    assert (caught.value.problem.line, caught.value.problem.column) == (5, 3)
    assert str(caught.value) == f"{PATH}:5:3: unknown outcome 'maybe'"
