"""Every ``--json`` output has ``version`` and the keys docs/JSON.md shows for it, so the page cannot drift."""

from __future__ import annotations

import argparse
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from networkday.cli import build_parser
from networkday.commands.common import JSON_VERSION, print_json
from tests.cli.json_doc import DOC, Example, cut, examples, run, shape

DOCUMENTED = examples(DOC.read_text("utf-8"))


def json_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The words of every command and subcommand that takes ``--json``, found by walking the parser."""
    found = [path] if any("--json" in action.option_strings for action in parser._actions) else []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.extend(json_commands(sub, (*path, name)))
    return found


def test_the_page_has_an_example_for_every_command_with_json() -> None:
    commands = json_commands(build_parser(None))
    assert ("today",) in commands  # the walk finds them, subcommands too
    assert ("timer", "report") in commands
    shown = {example.args[: len(words)] for example in DOCUMENTED for words in commands}
    assert [words for words in commands if words not in shown] == []


@pytest.mark.parametrize("example", DOCUMENTED, ids=lambda example: " ".join(example.args))
def test_the_example_has_the_keys_of_the_real_output(example: Example, tmp_path: Path) -> None:
    real = run(example.args, tmp_path / "home")
    assert real["version"] == JSON_VERSION == example.shown["version"]
    assert shape(example.shown) == shape(real)


def test_version_comes_first_and_is_the_formats_not_the_packages() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        print_json({"queue": [], "date": "2026-11-25"})
    assert list(json.loads(out.getvalue())) == ["version", "queue", "date"]
    assert json.loads(out.getvalue())["version"] == 1  # an integer, raised only when a key changes


def test_a_shape_sees_a_renamed_key_inside_a_list_and_a_cut_list_keeps_every_key() -> None:
    rows = [
        {"id": "a", "serves": None},
        {"id": "b", "serves": {"id": "x", "stage": "lead"}},
        {"id": "c", "serves": None},
    ]
    assert cut(rows) == rows[:2]
    assert shape(cut(rows)) == shape(rows)
    assert shape([{"id": "a", "serves": {"opportunity": "x", "stage": "lead"}}]) != shape(rows)
