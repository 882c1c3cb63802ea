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
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("networkday: Windows is not supported: ")
    assert "WSL" in done.stderr
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_the_installed_commands_entry_point_refuses_before_fcntl_is_imported() -> None:
    """The console script imports ``networkday.cli``: the package refuses first, and nothing took the lock's module."""
    pretend = (
        "import sys\nsys.platform = 'win32'\n"
        "try:\n    from networkday.cli import main\nexcept SystemExit as end:\n"
        "    print(end.code, 'fcntl' in sys.modules, 'networkday.cli' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", pretend], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout == "2 False False\n"
    assert done.stderr.startswith("networkday: Windows is not supported: ")
