"""Start-up in a real terminal: launch in a tmux window, poll the pane until a known line shows.

    python bench/startup.py --data-dir /tmp/big [--runs 7]

Each run opens a new tmux window (120x40) with the program and polls
``tmux capture-pane -p`` every 10 ms until the line that means "ready" is on
the screen: "Some will" (Today's score line) for networkday, the one line of
bench/bare_app.py for the bare Textual app. The time is from just before the window is
created to the poll that first sees the line, so both programs carry the same tmux
overhead; the resolution is the poll interval plus one capture (a few ms). The programs
take turns, so a busy machine slows them alike. Time to the first frame, not to exit:
leaving a terminal costs Textual a further ~180 ms that the user does not wait for.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLL = 0.01
TIMEOUT = 60.0
SIZE = (120, 40)
AFTER_LOG = "networkday, after a log"
AFTER_CHANGE = "networkday, no preview"


@dataclass(frozen=True)
class Program:
    label: str
    command: list[str]
    ready: str
    cwd: Path = REPO
    #: Run before each launch, outside the time measured.
    prepare: Callable[[], None] | None = None


def programs(
    data_dir: Path, code: Path = REPO, *, cold: bool = False, env: dict[str, str] | None = None
) -> list[Program]:
    """The bare app and networkday; ``code`` is the checkout whose networkday runs (``-m`` looks in the cwd).

    networkday starts as it does after a session that ended with ``q``: from the preview of
    Today that the exit kept (``keep_preview`` makes it once, as that exit would); and, in
    turn, right after a ``networkday log`` (run before the launch, outside the time): the
    first start after a command saved, with no app exit in between. With ``cold``, the
    preview is deleted before each launch instead: the first start after the folder
    changed under the app, which reads the index before its first frame.
    """
    python = sys.executable
    preview = data_dir / ".networkday" / "today.marshal"
    networkday = [python, "-m", "networkday", "--data-dir", str(data_dir)]
    bare = Program("bare Textual app", [python, str(REPO / "bench" / "bare_app.py")], "Bare Textual app ready")
    if cold:
        return [bare, Program(AFTER_CHANGE, networkday, "Some will", code, lambda: preview.unlink(missing_ok=True))]
    return [
        bare,
        Program("networkday", networkday, "Some will", code),
        Program(AFTER_LOG, networkday, "Some will", code, lambda: log_a_touch(data_dir, env or bench_env(), code)),
    ]


def log_a_touch(data_dir: Path, env: dict[str, str], code: Path = REPO) -> None:
    """``networkday log`` of an outcome for the folder's first contact, as someone would between two sessions."""
    first = min(entry.name for entry in os.scandir(data_dir / "contacts") if entry.name.endswith(".toml"))
    command = [sys.executable, "-m", "networkday", "--data-dir", str(data_dir), "log", first[: -len(".toml")], "will"]
    subprocess.run(command, env=env, cwd=code, stdout=subprocess.DEVNULL, check=True)


def keep_preview(data_dir: Path, env: dict[str, str], code: Path = REPO) -> None:
    """Today's preview, as the exit of a session would leave it: ``networkday today`` keeps one too."""
    command = [sys.executable, "-m", "networkday", "--data-dir", str(data_dir), "today"]
    subprocess.run(command, env=env, cwd=code, stdout=subprocess.DEVNULL, check=True)


class Tmux:
    """A private tmux server (its own socket), so the user's sessions are never touched."""

    def __init__(self, env: dict[str, str]) -> None:
        # One server per measure: a server that is closing keeps its socket for a moment.
        self.socket = f"networkday-bench-{os.getpid()}-{time.monotonic_ns()}"
        self.env = env
        width, height = SIZE
        self.run("new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), "sleep 100000")
        self.run("set-option", "-g", "default-size", f"{width}x{height}")
        self.run("set-option", "-g", "remain-on-exit", "on")  # a crash stays on screen to be reported

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], env=self.env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def launch(self, program: Program) -> None:
        line = "exec " + " ".join(_quote(part) for part in program.command)
        self.run("new-window", "-d", "-t", "bench:", "-n", "run", "-c", str(program.cwd), line)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "bench:run")

    def dead(self) -> bool:
        return self.run("display-message", "-p", "-t", "bench:run", "#{pane_dead}").strip() == "1"

    def pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", "bench:run", "#{pane_pid}").strip())

    def close_window(self) -> None:
        self.run("kill-window", "-t", "bench:run")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


def time_to_ready(tmux: Tmux, program: Program, settle: float = 0.0) -> tuple[float, int | None]:
    """Seconds until the ready line shows; with ``settle``, also the peak RSS (kB) that long after."""
    if program.prepare is not None:
        program.prepare()
    began = time.perf_counter()
    tmux.launch(program)
    polls = 0
    while program.ready not in (screen := tmux.screen()):
        polls += 1
        if time.perf_counter() - began > TIMEOUT or (polls % 50 == 0 and tmux.dead()):
            tmux.close_window()
            raise RuntimeError(f"{program.label}: {program.ready!r} never showed; the screen:\n{screen}")
        time.sleep(POLL)
    elapsed = time.perf_counter() - began
    peak = None
    if settle:
        time.sleep(settle)
        peak = peak_rss_kb(tmux.pid())
    tmux.close_window()
    time.sleep(0.3)  # let the killed program leave before the next one starts
    return elapsed, peak


def peak_rss_kb(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), None)


def measure(
    data_dir: Path, runs: int, env: dict[str, str], code: Path = REPO, *, cold: bool = False
) -> dict[str, list[float]]:
    """Milliseconds per program; one warm-up round first (page cache, bytecode)."""
    tmux = Tmux(env)
    times: dict[str, list[float]] = {}
    if not cold:
        keep_preview(data_dir, env, code)
    try:
        for round_number in range(runs + 1):
            for program in programs(data_dir, code, cold=cold, env=env):
                seconds, _ = time_to_ready(tmux, program)
                if round_number:
                    times.setdefault(program.label, []).append(seconds * 1000)
    finally:
        tmux.close()
    return times


def bench_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    env.setdefault("NETWORKDAY_TZ", "Europe/Berlin")
    for name in ("NETWORKDAY_NOW", "NETWORKDAY_HOME", "NO_COLOR", "TEXTUAL"):
        env.pop(name, None)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="without Today's preview (see programs)")
    args = parser.parse_args()
    times = measure(args.data_dir, args.runs, bench_env(), cold=args.cold)
    bare = statistics.median(times["bare Textual app"])
    for label, series in times.items():
        middle = statistics.median(series)
        print(f"{label:<24} median {middle:7.0f} ms   min {min(series):6.0f}   max {max(series):6.0f}", end="")
        print("" if label == "bare Textual app" else f"   ratio {middle / bare:.2f}x (goal at most 1.5x)")


if __name__ == "__main__":
    main()
