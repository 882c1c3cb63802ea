"""`networkday check` on ``[keys]``: refused entries fail it, located; a key taken is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.cli import main
from tests.conftest import NOW


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


def folder_with_keys(tmp_path: Path, keys: str) -> Path:
    data = tmp_path / "data"
    assert main(["add", "Maya", "--data-dir", str(data)]) == 0
    config = data / "config.toml"
    config.write_text(f"[goals]\ncalls_per_day = 3\n\n[keys]\n{keys}", "utf-8")
    config.chmod(0o600)
    return data


def test_unknown_id_and_a_taken_only_key_fail_check_each_on_its_line(tmp_path: Path, capsys) -> None:
    data = folder_with_keys(tmp_path, '"app.help" = "f1"\n"today.will" = "x"\n  "today.wil" = "v"\n')
    capsys.readouterr()
    assert main(["check", "--data-dir", str(data)]) == 1
    config = data / "config.toml"
    assert capsys.readouterr().err.splitlines() == [
        f"{config}:6:1: [keys] 'today.will' = 'x' is refused: 'x' is the only key of 'today.wont'",
        f"{config}:7:3: [keys] no action has the id 'today.wil'; ignored",
        f"2 problem(s) in {data}",
    ]


def test_a_key_taken_from_an_action_with_another_is_a_warning(tmp_path: Path, capsys) -> None:
    data = folder_with_keys(tmp_path, '"today.will" = "delete"\n')
    capsys.readouterr()
    assert main(["check", "--data-dir", str(data)]) == 0
    out = capsys.readouterr()
    assert out.err.splitlines() == [
        f"{data / 'config.toml'}:5:1: [keys] 'today.will' = 'delete' takes 'delete' from 'today.remove', which keeps d"
    ]
    assert out.out.endswith("no problems\n")


def test_keys_that_take_nothing_say_nothing(tmp_path: Path, capsys) -> None:
    data = folder_with_keys(tmp_path, '"today.will" = "x"\n"today.wont" = "w"\n')
    capsys.readouterr()
    assert main(["check", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().err == ""
