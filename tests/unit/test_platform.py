"""networkday needs POSIX (fcntl's lock, a folder's fsync): on Windows it says so in one line, not a traceback."""

from __future__ import annotations

import subprocess
import sys

from tests.e2e.rawterm import REPO


def test_on_windows_the_command_refuses_to_start_naming_the_reason() -> None:
    pretend = "import sys, runpy; sys.platform = 'win32'; runpy.run_module('networkday', run_name='__main__')"
    done = subprocess.run(
        [sys.executable, "-c", pretend, "today"], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("networkday: Windows is not supported: ")
    assert "WSL" in done.stderr
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
