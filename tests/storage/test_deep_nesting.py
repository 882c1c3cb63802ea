"""Documents nested past the parser's limits are located problems, never a traceback."""

from __future__ import annotations

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.storage.store import Store
from tests.storage.saving import private_file

HEAD = 'format = 1\nname = "Deep"\n'
ARRAYS = "x = " + "[" * 2000 + "]" * 2000
TABLES = "x = " + "{a = " * 2000 + "1" + "}" * 2000
DOTTED = ".".join(["a"] * 3000) + " = 1"

#: Each document's third line, and where on it the parser's limit is passed.
TOO_DEEP = {
    "arrays": (ARRAYS, 405, "nested more than the allowed 400 levels"),
    "inline tables": (TABLES, 2005, "nested more than the allowed 400 levels"),
    "dotted key": (DOTTED, 2000, "more than the allowed 1000 parts"),
}


@pytest.mark.parametrize("case", TOO_DEEP)
def test_check_locates_a_document_nested_too_deeply(
    command_folder: Store, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    line, column, message = TOO_DEEP[case]
    path = private_file(command_folder.contact_path("deep"), f"{HEAD}{line}\n")
    assert main(["check", "--data-dir", str(command_folder.root)]) == 1
    out = capsys.readouterr().err
    assert f"{path}:3:{column}: invalid TOML: " in out
    assert message in out


@pytest.mark.parametrize("case", TOO_DEEP)
def test_every_command_and_a_start_without_a_cache_report_it_and_change_nothing(
    command_folder: Store, clock: FixedClock, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    path = private_file(command_folder.contact_path("deep"), f"{HEAD}{TOO_DEEP[case][0]}\n")
    before = path.read_bytes()
    for command in (["today"], ["review"], ["export", "csv"]):
        assert main([*command, "--data-dir", str(command_folder.root)]) == 0
    assert main(["log", "deep", "talked", "--data-dir", str(command_folder.root)]) == 1
    assert f"{path}:3:{TOO_DEEP[case][1]}: invalid TOML" in capsys.readouterr().err
    (command_folder.app_dir / "index.marshal").unlink(missing_ok=True)
    fresh = Store.open(command_folder.root, clock)
    assert fresh.problems[path].line == 3
    assert "deep" not in fresh.contacts
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param(f"\n[{'.'.join(['a'] * 900)}]\nb = 1\n", 4, id="header"),
        pytest.param(
            "\n[[conflict]]\nfield = 'title'\n" + "value." + ".".join(["a"] * 995) + " = 1\n", 4, id="conflict"
        ),
        pytest.param("x = " + "{a.a.a = " * 40 + "1" + "}" * 40 + "\n", 3, id="inline-dotted"),
    ],
)
def test_a_table_the_parser_reads_but_nested_past_100_levels_is_located_and_nothing_changes(
    command_folder: Store, capsys: pytest.CaptureFixture[str], text: str, line: int
) -> None:
    """A key's dotted parts nest as deep as the parser's 1,000, and in each of 400 inline tables:
    every walk over the values (``conflicts``, ``contacts show``, a settle, a save) would recurse past the limit."""
    path = private_file(command_folder.contact_path("deep"), f"{HEAD}{text}")
    before = path.read_bytes()
    root = str(command_folder.root)
    assert main(["check", "--data-dir", root]) == 1
    assert f"{path}:{line}:1: tables and arrays nested more than 100 levels deep" in capsys.readouterr().err
    for command in (["conflicts"], ["conflicts", "--json"], ["today"]):
        assert main([*command, "--data-dir", root]) == 0
    for command in (
        ["contacts", "show", "deep"],
        ["log", "deep", "talked"],
        ["conflicts", "keep", "person/deep", "title"],
    ):
        assert main([*command, "--data-dir", root]) == 1
    assert path.read_bytes() == before


def test_a_table_nested_100_levels_reads_and_saves(command_folder: Store) -> None:
    path = private_file(command_folder.contact_path("deep"), f"{HEAD}\n[{'.'.join(['a'] * 100)}]\nb = 1\n")
    assert main(["log", "deep", "talked", "--data-dir", str(command_folder.root)]) == 0
    assert command_folder.contact("deep").log[0].outcome == "talked"
    assert f"[{'.'.join(['a'] * 100)}]\nb = 1\n" in path.read_text("utf-8")
