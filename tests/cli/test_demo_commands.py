"""``--demo`` with a command works on a fresh copy of the demo, never on the user's own folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from networkday.cli import main


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NETWORKDAY_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    return tmp_path / "home"


def test_a_read_command_reads_the_demo(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "company", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["companies"]
    assert "brightwater-health" in [company["id"] for company in listed]
    assert not home.exists()


def test_a_write_goes_to_the_copy_which_is_then_discarded(home: Path, tmp_path: Path) -> None:
    assert main(["--demo", "company", "add", "DemoCo"]) == 0
    assert not home.exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_demo_and_a_data_dir_together_are_refused(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--demo", "today", "--data-dir", str(tmp_path / "mine")]) == 2
    assert "leave out --data-dir" in capsys.readouterr().err
    assert not (tmp_path / "mine").exists()


def test_a_command_ended_by_a_signal_leaves_no_copy(tmp_path: Path) -> None:
    """`journal --edit` waits on the editor; a kill then must still remove the demo's copy."""
    import os
    import signal
    import subprocess
    import sys
    import time

    temp = tmp_path / "tmp"
    temp.mkdir()
    editor = tmp_path / "editor"
    editor.write_text("#!/bin/sh\nsleep 30\n")
    editor.chmod(0o755)
    env = {**os.environ, "TMPDIR": str(temp), "EDITOR": str(editor), "NETWORKDAY_HOME": str(tmp_path / "home")}
    process = subprocess.Popen([sys.executable, "-m", "networkday", "--demo", "journal", "--edit"], env=env)
    deadline = time.monotonic() + 20
    while not any(temp.glob("networkday-demo-*/days")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(temp.glob("networkday-demo-*"))
    time.sleep(0.5)  # the editor is running
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 128 + signal.SIGTERM
    assert list(temp.glob("networkday-demo-*")) == []
