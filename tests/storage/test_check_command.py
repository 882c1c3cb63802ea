"""`networkday check`: 0 and a summary, 1 and every located problem on stderr, 2 for usage errors."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.store import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path: Path, clock: FixedClock) -> Path:
    store = Store.open(tmp_path / "data", clock)
    for name in ("Ann Lee", "Bo Chen", "Cy Diaz"):
        store.add_contact(Contact(id="", name=name))
    store.update_day(date(2026, 11, 25), lambda day: setattr(day.journal, "rating", 4))
    return store.root


@pytest.fixture
def broken(data: Path) -> Path:
    (data / "contacts" / "bo-chen.toml").write_text(
        'name = "Bo Chen"\n\n[[log]]\nat = 2026-11-20T10:00:00+01:00\noutcome = "maybe"\n'
    )
    (data / "days" / "2026" / "2026-11-25.toml").write_bytes(b"date = 2026-11-25\n[journal\n")
    (data / "config.toml").write_text("[goals]\ncalls_per_day = -1\n")
    (data / "config.toml").chmod(0o600)
    return data


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NETWORKDAY_NOW": "2026-11-25T09:30:00+01:00"}
    env.pop("NETWORKDAY_HOME", None)
    return subprocess.run(
        [sys.executable, "-m", "networkday", *args], check=False, capture_output=True, text=True, env=env, timeout=60
    )


def test_a_clean_folder_prints_a_summary_and_exits_0(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--data-dir", str(data)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{data}: 3 contacts, 1 days, no problems\n"
    assert captured.err == ""


def test_the_data_dir_may_come_before_the_command(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data), "check"]) == 0
    assert "3 contacts" in capsys.readouterr().out


def test_networkday_home_is_used_without_data_dir(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETWORKDAY_HOME", str(data))
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith(f"{data}: 3 contacts")


def test_problems_are_listed_on_stderr_with_path_line_and_column(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data-dir", str(broken)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"{broken / 'config.toml'}:2:1: 'calls_per_day' must be between 0 and 200",
        f"{broken / 'contacts' / 'bo-chen.toml'}:5:1: unknown outcome 'maybe'"
        " (expected one of will, wont, no-answer, left-message, talked, scheduled)",
        f"{broken / 'days' / '2026' / '2026-11-25.toml'}:2:9: invalid TOML: Expected ']' at the end of a table"
        " declaration",
        f"3 problem(s) in {broken}",
    ]


def test_warnings_go_to_stderr_and_do_not_fail_the_check(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "contacts" / "ann-lee.toml").chmod(0o644)
    assert main(["check", "--data-dir", str(data)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{data}: 3 contacts, 1 days, no problems\n"
    path = data / "contacts" / "ann-lee.toml"
    assert captured.err == f"networkday: warning: {path}: the file is open to other users; run chmod 600 on it\n"


def test_an_empty_folder_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "new").mkdir(mode=0o700)  # a missing one is an error: tests/cli/test_missing_folder.py
    assert main(["check", "--data-dir", str(tmp_path / "new")]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'new'}: 0 contacts, 0 days, no problems\n"


@pytest.mark.parametrize(
    "argv",
    [["check", "--no-such-option"], ["no-such-command"], ["check", "extra-argument"], ["check", "--data-dir"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: networkday" in capsys.readouterr().err


def test_a_data_dir_that_is_a_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    assert main(["check", "--data-dir", str(path)]) == 2
    assert capsys.readouterr().err == f"networkday: {path}: not a folder\n"


def test_check_through_python_m(data: Path, broken_copy: Path) -> None:
    ok = _run("check", "--data-dir", str(data))
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, f"{data}: 3 contacts, 1 days, no problems\n", "")
    bad = _run("check", "--data-dir", str(broken_copy))
    assert bad.returncode == 1
    assert bad.stdout == ""
    assert f"{broken_copy / 'contacts' / 'bo-chen.toml'}:5:1: unknown outcome 'maybe'" in bad.stderr
    assert bad.stderr.endswith(f"3 problem(s) in {broken_copy}\n")
    usage = _run("check", "--bogus")
    assert usage.returncode == 2
    assert "unrecognized arguments: --bogus" in usage.stderr
    help_text = _run("check", "--help")
    assert help_text.returncode == 0
    assert "--data-dir PATH" in help_text.stdout


@pytest.fixture
def broken_copy(tmp_path: Path, clock: FixedClock) -> Path:
    """A second, broken folder beside the clean one."""
    store = Store.open(tmp_path / "other", clock)
    for name in ("Ann Lee", "Bo Chen"):
        store.add_contact(Contact(id="", name=name))
    (store.root / "contacts" / "bo-chen.toml").write_text(
        'name = "Bo"\n\n[[log]]\nat = 2026-11-20T10:00:00Z\noutcome = "maybe"\n'
    )
    (store.root / "contacts" / "Ann.toml").write_text('name = "Ann"\n')
    (store.root / "contacts" / "cy.toml").write_bytes(b"")
    return store.root


def test_a_likely_duplicate_flag_is_listed_at_its_line_with_how_to_settle_it(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = data / "contacts" / "ann-lee.toml"
    ann.write_text('format = 1\nname = "Ann Lee"\ntitle = "Poet"\nlikely_duplicate_of = "ann-lee-2"\n')
    other = data / "contacts" / "ann-lee-2.toml"
    other.write_text('format = 1\nname = "Ann Lee"\nlikely_duplicate_of = ""\n')
    other.chmod(0o600)
    day = data / "days" / "2026" / "2026-11-25.toml"
    day.write_text(day.read_text() + 'likely_duplicate_of = "ann-lee"\n')  # only a person's file is flagged
    assert main(["check", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"{ann}:4:1: likely the same person as ann-lee-2 (added on both machines): press m on either's screen"
        " to merge them, or N there if they are two people (deleting likely_duplicate_of from both files does"
        " the same)"
    )
    assert len(err) == 2  # that line and the count: an empty flag names nobody, a day file is not a person


def test_a_record_a_sync_could_not_split_off_is_listed_not_lost(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ann = data / "contacts" / "ann-lee.toml"
    ann.write_text('format = 1\nname = "Ann Lee"\n\n[added_on_both_machines]\nformat = 1\nname = "Ann Lee"\n')
    assert main(["check", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{ann}:4:1: another machine's record of this person, added there under the same id,")
    assert err[0].endswith("move it into a new contact file, then delete the table")
