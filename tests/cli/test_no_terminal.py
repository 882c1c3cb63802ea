"""The app needs a terminal: without one it exits 2 at once, naming what works instead.

Under cron, ``ssh host networkday`` without ``-t``, or in a pipe, a full-screen app would
wait for keys that never come. Each test runs the real command in a child process with
real pipes and pseudo-terminals; the timeouts only guard the test run against a hang.
On a terminal, a missing data folder is asked about before the screen is taken.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.rawterm import REPO, Terminal, networkday_in_pty

GUARD = 60  # seconds; the command answers in well under one


def app(folder: Path, **streams: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("NETWORKDAY_HOME", None)
    return subprocess.run(
        [sys.executable, "-m", "networkday", "--data-dir", str(folder)],
        cwd=REPO,
        env=env,
        timeout=GUARD,
        check=False,
        **streams,  # type: ignore[call-overload]
    )


def assert_refused(done: subprocess.CompletedProcess[bytes], err: bytes, folder: Path) -> None:
    assert done.returncode == 2
    lines = err.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("networkday: the app needs a terminal; without one, run a command: ")
    for command in ("today", "timer", "log", "add", "export", "import", "check"):
        assert command in lines[0]
    assert not folder.exists()


def test_in_a_pipe_the_app_exits_2_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    done = app(folder, input=b"q\n", capture_output=True)
    assert done.stdout == b""
    assert_refused(done, done.stderr, folder)


def test_with_no_stdin_at_all_as_under_cron(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    done = app(folder, stdin=subprocess.DEVNULL, capture_output=True)
    assert_refused(done, done.stderr, folder)


def test_a_terminal_for_input_but_output_to_a_pipe(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    master, slave = pty.openpty()
    try:
        done = app(folder, stdin=slave, capture_output=True)
    finally:
        os.close(slave)
        os.close(master)
    assert_refused(done, done.stderr, folder)


def test_output_to_a_terminal_but_input_from_a_pipe(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    master, slave = pty.openpty()
    try:
        done = app(folder, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE)
    finally:
        os.close(slave)
        os.close(master)
    assert_refused(done, done.stderr, folder)


@contextmanager
def asked(folder: Path) -> Iterator[Terminal]:
    """The app on a terminal, at the question whether to make the missing ``folder``."""
    with networkday_in_pty(folder, {"PYTHONPATH": str(REPO)}) as terminal:
        terminal.wait_for(b"Create it? [Y/n]")
        yield terminal


@pytest.mark.e2e
def test_on_a_terminal_a_missing_folder_is_asked_for_and_no_leaves_nothing(tmp_path: Path) -> None:
    with asked(tmp_path / "typo") as terminal:
        terminal.press(b"n\r")
        assert terminal.finish() == 1
    assert b"nothing created" in terminal.output
    assert not (tmp_path / "typo").exists()


@pytest.mark.e2e
def test_on_a_terminal_enter_makes_the_folder_and_opens_the_app(tmp_path: Path) -> None:
    with asked(tmp_path / "new") as terminal:
        terminal.press(b"\r")
        terminal.wait_for(b"Welcome to networkday")
        assert (tmp_path / "new").is_dir()
