"""``--help`` everywhere: help for every argument, an example for every command, the environment that is read."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual

import networkday
from networkday.cli import EPILOG, build_parser

#: Where an 80-column terminal wraps: an example line must fit to be copied as one line.
WIDTH = 80


def parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser, the top one and each command's and subcommand's, however deep, with its words."""
    yield " ".join(("networkday", *path)), parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, (*path, name))


ALL = list(parsers(build_parser(None)))


def test_the_walk_reaches_subcommands() -> None:
    names = [name for name, _ in ALL]
    assert {"networkday", "networkday today", "networkday timer status", "networkday opportunity move"} <= set(names)


@pytest.mark.parametrize(("name", "parser"), ALL, ids=[name for name, _ in ALL])
def test_every_argument_has_help(name: str, parser: argparse.ArgumentParser) -> None:
    commands = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    missing = [action.dest for action in parser._actions if not action.help and action not in commands]
    assert missing == [], f"{name}: arguments without help"
    for action in commands:  # listed by their commands' help lines
        unlisted = [choice.dest for choice in action._choices_actions if not choice.help]
        assert unlisted == [], f"{name}: subcommands without a help line"


@pytest.mark.parametrize(("name", "parser"), ALL, ids=[name for name, _ in ALL])
def test_every_command_has_an_example_that_fits_the_terminal(name: str, parser: argparse.ArgumentParser) -> None:
    text = parser.format_help()
    assert re.search(r"^examples?\b.*:$", text, re.M), f"{name}: no examples in its help"
    example = text[re.search(r"^examples?\b", text, re.M).start() :]  # type: ignore[union-attr]
    assert "networkday" in example
    assert [line for line in example.splitlines() if len(line) >= WIDTH] == []


def read_names(root: Path) -> set[str]:
    """The environment variables named in quotes in the Python source under ``root``."""
    names: set[str] = set()
    for path in root.rglob("*.py"):
        names.update(re.findall(r"[\"']([A-Z][A-Z_]{2,})[\"']", path.read_text("utf-8")))
    return names


def test_the_environment_listed_is_what_networkday_or_textual_reads() -> None:
    section = EPILOG[EPILOG.index("environment:") :]
    listed = set(re.findall(r"^  ([A-Z_]+(?:, [A-Z_]+)*)  ", section, re.M))
    listed = {name for names in listed for name in names.split(", ")}
    wanted = {"NETWORKDAY_HOME", "NETWORKDAY_NOW", "NETWORKDAY_TZ", "NO_COLOR", "EDITOR", "VISUAL", "ESCDELAY"}
    assert wanted <= listed
    read = read_names(Path(networkday.__file__).parent) | read_names(Path(textual.__file__).parent)
    assert listed - read == set()
