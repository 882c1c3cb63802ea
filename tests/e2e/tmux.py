"""Drives the installed `networkday` in a real terminal: tmux on a private socket."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

NOW = "2026-11-25T09:30:00+01:00"


def installed_command() -> list[str]:
    """The console script next to this Python, as `pip install` put it; else the module."""
    script = Path(sys.executable).parent / "networkday"
    return [str(script)] if script.exists() else [sys.executable, "-m", "networkday"]


class Terminal:
    def __init__(self, args: list[str], *, width: int = 100, height: int = 30, env: dict[str, str] | None = None):
        if shutil.which("tmux") is None:
            pytest.fail("tmux is needed for the end-to-end tests (apt-get install tmux)")
        self.socket = f"networkday-test-{os.getpid()}-{time.monotonic_ns()}"
        settings = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "NETWORKDAY_NOW": NOW, **(env or {})}
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in settings.items())
        unset = "unset NO_COLOR; " if "NO_COLOR" not in settings else ""
        command = f"{unset}env {exports} {shlex.join(installed_command() + args)}; sleep 60"
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), "-s", "e2e", command)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """The screen once it shows ``text`` and holds still for a moment.

        tmux can be caught between two reads of one frame, and Textual can draw a
        screen over two frames, so a screen is returned only when two captures a
        moment apart agree; what the caller asserts next is then all there."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while True:
            if text in screen:
                time.sleep(0.05)
                again = self.screen()
                if again == screen or (text in again and time.monotonic() > deadline):
                    return again
                screen = again
                continue
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear; the screen was:\n{screen}")
            time.sleep(0.1)
            screen = self.screen()

    def press(self, *keys: str) -> None:
        """One key at a time, as a person types, so no burst is read as a paste."""
        for key in keys:
            self._tmux("send-keys", "-t", "e2e", key)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "e2e", "-l", text)
        time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)
