"""Runs networkday in a pseudo-terminal and records every byte it writes to the terminal.

Pilot never writes bytes, so the escape-sequence guarantees are checked here, on what a
real terminal would receive: the app runs as ``python -m networkday`` on a pty of a fixed
size, keys are written to it as a terminal would send them, and the output is kept whole.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: Every escape sequence: CSI, OSC (ended by BEL or ST), or ESC and one more character.
SEQUENCE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.", re.DOTALL)
#: SGR colour parameters: 30-37, 38, 40-47, 48, 90-97 and 100-107.
COLOUR_PARAMETER = re.compile(r"^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$")


class Terminal:
    def __init__(self, master: int, process: subprocess.Popen[bytes]) -> None:
        self.master = master
        self.process = process
        self.output = bytearray()

    def _pump(self, seconds: float) -> None:
        ready, _, _ = select.select([self.master], [], [], seconds)
        if ready:
            try:
                self.output.extend(os.read(self.master, 65536))
            except OSError:  # the app closed the terminal
                time.sleep(seconds)

    def wait_for(self, needle: bytes, timeout: float = 20.0) -> None:
        """Reads until ``needle`` has been written, from where the last wait ended."""
        start = len(self.output)
        deadline = time.monotonic() + timeout
        while needle not in self.output[start:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} never reached the terminal; last output: {self.output[-400:]!r}")
            self._pump(0.05)

    def settle(self, seconds: float = 0.5) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._pump(0.05)

    def press(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._pump(0.05)
        self.settle(0.2)
        return self.process.wait(timeout=1)


@contextmanager
def networkday_in_pty(
    data_dir: Path, environ: Mapping[str, str], size: tuple[int, int] = (120, 40)
) -> Iterator[Terminal]:
    """The app on ``data_dir`` in a ``size`` (columns, rows) terminal with exactly ``environ``."""
    master, slave = pty.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(data_dir.parent), "LANG": "C.UTF-8", **environ}
    process = subprocess.Popen(
        [sys.executable, "-m", "networkday", "--data-dir", str(data_dir)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=REPO,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    terminal = Terminal(master, process)
    try:
        yield terminal
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=5)
        os.close(master)


def sequences(output: bytes) -> list[bytes]:
    return SEQUENCE.findall(output)


def colour_parameters(output: bytes) -> set[str]:
    """The colour parameters of every SGR sequence (``ESC [ ... m``) in ``output``."""
    found: set[str] = set()
    for sequence in sequences(output):
        if sequence.startswith(b"\x1b[") and sequence.endswith(b"m"):
            found.update(part for part in sequence[2:-1].decode().split(";") if COLOUR_PARAMETER.match(part))
    return found
