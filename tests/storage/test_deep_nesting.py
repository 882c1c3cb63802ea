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


def test_a_table_nested_900_levels_that_reads_is_saved_or_refused_in_one_line(
    command_folder: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    path = private_file(command_folder.contact_path("deep"), f"{HEAD}\n[{'.'.join(['a'] * 900)}]\nb = 1\n")
    before = path.read_bytes()
    assert main(["check", "--data-dir", str(command_folder.root)]) == 0
    capsys.readouterr()
    code = main(["log", "deep", "talked", "--data-dir", str(command_folder.root)])
    err = capsys.readouterr().err
    if code == 0:
        assert command_folder.contact("deep").log[0].outcome == "talked"
    else:
        assert code == 1
        assert err == (
            f"networkday: {path}: not saved, the file is unchanged: "
            "cannot save a record whose tables nest this deeply; edit the file by hand\n"
        )
        assert path.read_bytes() == before
