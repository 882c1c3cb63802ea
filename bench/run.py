"""networkday at the largest size a real user reaches: one table of figures against the goals.

    python bench/run.py            # full: about 2 minutes on 2 cores (and 30 s to make the data)
    python bench/run.py --quick    # fewer repeats: about a minute

Builds (bench/make_data.py) a folder of 30,000 contacts and three years of day files
whose last day is today, one of 500 contacts with the same years of days, and a
30,000-row LinkedIn export (bench/make_linkedin.py), then measures:

- start-up to the first usable Today screen in a real terminal (bench/startup.py: tmux,
  polling the pane), beside a bare Textual app that shows one line, taking turns;
- key to frame in the app, in process (bench/probes.py explains the method);
- one change saved at 500 and at 30,000 contacts;
- `networkday today` and `networkday timer status` in fresh processes, taking turns
  with `python -c pass`;
- a 30,000-row LinkedIn import into an empty folder;
- peak resident memory of the app in the terminal, and with every screen used.

Each figure is the median of its repeats, with min-max or p95. Every probe runs in a
fresh process. ``--code DIR`` measures the networkday package of another checkout (an
older commit, for before-and-after figures) with these same scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import make_linkedin, startup  # noqa: E402

TZ = "Europe/Berlin"
SEED = 1


@dataclass(frozen=True)
class Row:
    measure: str
    median: str
    spread: str
    goal: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        verdict = "" if self.met is None else "yes" if self.met else "**no**"
        return [self.measure, self.median, self.spread, self.goal, verdict]


@dataclass(frozen=True)
class Plan:
    runs_startup: int
    runs_commands: int
    keys: int
    saves: int
    imports: int


FULL = Plan(runs_startup=15, runs_commands=20, keys=30, saves=40, imports=2)
QUICK = Plan(runs_startup=4, runs_commands=8, keys=12, saves=15, imports=1)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def env_for(code: Path) -> dict[str, str]:
    """``python -m networkday`` looks in the working folder first, so runs also start in ``code``."""
    env = startup.bench_env()
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys((str(code), str(REPO))))
    env["NETWORKDAY_TZ"] = TZ
    return env


# -- data ------------------------------------------------------------------------------------


def prepare(work: Path, env: dict[str, str]) -> tuple[Path, Path, Path]:
    """The two folders and the export, made for today; reused when ``work`` already holds them."""
    today = datetime.now(ZoneInfo(TZ)).date().isoformat()
    big, small, export = work / "big", work / "small", work / "Connections.csv"
    stamp = work / "made-for"
    if stamp.exists() and stamp.read_text() == f"{SEED} {today}\n":
        log(f"reusing the data in {work}")
        return big, small, export
    for folder in (big, small):
        shutil.rmtree(folder, ignore_errors=True)
    make = [sys.executable, str(REPO / "bench" / "make_data.py"), "--seed", str(SEED), "--today", today]
    log("making 30,000 contacts and three years of days")
    subprocess.run([*make, "--out", str(big)], env=env, check=True, stdout=subprocess.DEVNULL)
    log("making 500 contacts and three years of days")
    subprocess.run([*make, "--out", str(small), "--contacts", "500"], env=env, check=True, stdout=subprocess.DEVNULL)
    make_linkedin.write(export, 30_000, SEED)
    stamp.write_text(f"{SEED} {today}\n")
    return big, small, export


# -- measuring -------------------------------------------------------------------------------


def probe(name: str, path: Path, env: dict[str, str], *extra: str) -> dict:
    command = [sys.executable, str(REPO / "bench" / "probes.py"), name, str(path), *extra]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"probe {name} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def interleaved(commands: list[list[str]], runs: int, env: dict[str, str], cwd: Path) -> list[list[float]]:
    """Wall times in ms; the commands take turns, after two warm-up rounds."""
    times: list[list[float]] = [[] for _ in commands]
    for round_number in range(runs + 2):
        for command, series in zip(commands, times, strict=True):
            began = time.perf_counter()
            subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            if round_number >= 2:
                series.append((time.perf_counter() - began) * 1000)
    return times


def ms(value: float) -> str:
    return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def spread(series: list[float]) -> str:
    return f"{ms(min(series))} – {ms(max(series))}"


def start_up_rows(big: Path, plan: Plan, env: dict[str, str], code: Path) -> list[Row]:
    log(f"start-up in tmux, {plan.runs_startup} runs each without Today's preview, then as many with it")
    cold_times = startup.measure(big, plan.runs_startup, env, code, cold=True)
    cold_bare, cold = cold_times["bare Textual app"], cold_times[startup.AFTER_CHANGE]
    times = startup.measure(big, plan.runs_startup, env, code)  # keeps a preview first, and leaves it
    bare, app = times["bare Textual app"], times["networkday"]
    ratio = statistics.median(app) / statistics.median(bare)
    ratios = sorted(a / b for a, b in zip(app, bare, strict=True))
    cold_ratio = statistics.median(cold) / statistics.median(cold_bare)
    logged = times[startup.AFTER_LOG]
    logged_ratio = statistics.median(logged) / statistics.median(bare)
    return [
        Row("Start-up to Today, 30,000 contacts (tmux)", ms(statistics.median(app)), spread(app)),
        Row("Start-up of a bare Textual app (tmux)", ms(statistics.median(bare)), spread(bare)),
        Row(
            "Start-up ratio, networkday / bare app",
            f"{ratio:.2f}x",
            f"{ratios[0]:.2f}x – {ratios[-1]:.2f}x per pair",
            "≤ 1.5x",
            ratio <= 1.5,
        ),
        Row(
            "  … the first start after `networkday log` (no app exit in between), and its ratio",
            ms(statistics.median(logged)),
            f"{logged_ratio:.2f}x",
            "≤ 1.5x",
            logged_ratio <= 1.5,
        ),
        Row(
            "  … the first start after the folder changed (no preview), and its ratio",
            ms(statistics.median(cold)),
            f"{cold_ratio:.2f}x (bare {ms(statistics.median(cold_bare))})",
        ),
    ]


def key_rows(big: Path, plan: Plan, env: dict[str, str]) -> list[Row]:
    log("key to frame, in process")
    found = probe("keys", big, env, "--count", str(plan.keys))
    rows = []
    goals = {"search": (50.0, "≤ 50 ms"), "": (16.7, "≤ 16 ms (a frame)")}
    for label, result in found.items():
        if not isinstance(result, dict):
            continue
        limit, goal = goals["search"] if label.startswith("search") else goals[""]
        first, last = result["first"], result["last"]
        rows.append(
            Row(f"Key to frame: {label}", ms(first["median"]), f"p95 {ms(first['p95'])}", goal, first["p95"] <= limit)
        )
        rows.append(Row(f"  … to its last frame ({label.split(':')[0]})", ms(last["median"]), f"p95 {ms(last['p95'])}"))
    return rows


def save_rows(big: Path, small: Path, plan: Plan, env: dict[str, str]) -> list[Row]:
    rows = []
    for folder in (small, big):
        log(f"saves in {folder.name}")
        found = probe("saves", folder, env, "--count", str(plan.saves))
        for label in ("log an outcome", "edit a note"):
            app, command = found[f"{label} (app)"], found[f"{label} (command)"]
            rows.append(
                Row(
                    f"Save: {label}, {found['contacts']:,} contacts",
                    ms(app["median"]),
                    f"p95 {ms(app['p95'])}",
                    "< 5 ms",
                    app["median"] < 5,
                )
            )
            rows.append(Row("  … of which CPU (the rest waits for the disk)", ms(app["cpu"]), ""))
            as_command = "  … as a command (index cache written too)"
            rows.append(Row(as_command, ms(command["median"]), f"p95 {ms(command['p95'])}"))
    return rows


def command_rows(big: Path, small: Path, plan: Plan, env: dict[str, str], code: Path) -> list[Row]:
    log(f"commands, {plan.runs_commands} runs each")
    networkday = [sys.executable, "-m", "networkday"]
    commands = [
        ("python -c pass", [sys.executable, "-c", "pass"], ""),
        ("networkday --version", [*networkday, "--version"], ""),
        ("networkday timer status, 30,000 contacts", [*networkday, "timer", "status", "--data-dir", str(big)], "tens"),
        ("networkday today, 500 contacts", [*networkday, "today", "--data-dir", str(small)], "tens"),
        ("networkday today, 30,000 contacts", [*networkday, "today", "--data-dir", str(big)], "tens"),
    ]
    times = interleaved([command for _, command, _ in commands], plan.runs_commands, env, code)
    rows = []
    for (label, _, goal), series in zip(commands, times, strict=True):
        middle = statistics.median(series)
        met = middle < 100 if goal else None
        rows.append(Row(f"Command: {label}", ms(middle), spread(series), "< 100 ms" if goal else "", met))
    return rows


def import_rows(export: Path, plan: Plan, env: dict[str, str], scratch: Path) -> list[Row]:
    log(f"LinkedIn import, {plan.imports} runs")
    rates, seconds = [], []
    for _ in range(plan.imports):
        found = probe("import", export, env, "--scratch", str(scratch))
        rates.append(found["rows/s"])
        seconds.append(found["parse s"] + found["import s"])
    rows = int(found["rows"])
    return [
        Row(
            f"Import: LinkedIn, {rows:,} rows into an empty folder",
            f"{statistics.median(rates):,.0f} rows/s",
            f"{min(seconds):.1f} – {max(seconds):.1f} s per import",
        )
    ]


def memory_rows(big: Path, env: dict[str, str], code: Path) -> list[Row]:
    log("memory")
    tmux = startup.Tmux(env)
    try:
        program = startup.programs(big, code)[1]
        _, terminal_kb = startup.time_to_ready(tmux, program, settle=3.0)
    finally:
        tmux.close()
    found = probe("memory", big, env)
    rows = []
    if terminal_kb:
        mb = terminal_kb / 1024
        rows.append(Row("Peak RSS: the app in the terminal, 3 s after start", f"{mb:.0f} MB", "", "< 250 MB", mb < 250))
    mb = found["peak rss kB"] / 1024
    rows.append(Row("Peak RSS: every screen and search used (headless)", f"{mb:.0f} MB", "", "< 250 MB", mb < 250))
    return rows


def phase_rows(big: Path, env: dict[str, str]) -> list[Row]:
    found = probe("phases", big, env)
    return [Row(f"  start-up step: {label}", ms(value), "one run") for label, value in found["steps"].items()]


# -- the report ------------------------------------------------------------------------------


def machine() -> list[str]:
    import textual

    memory = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout.split("\n")[1]
    return [
        f"- machine: {os.cpu_count()} cores (`nproc` {len(os.sched_getaffinity(0))}), "
        f"memory `{' '.join(memory.split()[:2])}`, {platform.platform()}",
        f"- Python {platform.python_version()}, Textual {textual.__version__}",
        f"- load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]


def table(rows: list[Row]) -> str:
    lines = ["| measure | median | spread | goal | met |", "|---|---:|---|---|---|"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about 2 minutes)")
    parser.add_argument("--work", type=Path, help="keep the generated data here and reuse it (default: a temp folder)")
    parser.add_argument("--code", type=Path, default=REPO, help="the checkout whose networkday is measured")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        parser.error("tmux is needed for the start-up figures")
    plan = QUICK if args.quick else FULL
    code = args.code.resolve()
    env = env_for(code)
    work = args.work or Path(tempfile.mkdtemp(prefix="networkday-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    header = machine()
    try:
        big, small, export = prepare(work, env)
        rows = start_up_rows(big, plan, env, code)
        rows += phase_rows(big, env)
        rows += key_rows(big, plan, env)
        rows += save_rows(big, small, plan, env)
        rows += command_rows(big, small, plan, env, code)
        rows += import_rows(export, plan, env, work)
        rows += memory_rows(big, env, code)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    minutes = (time.perf_counter() - began) / 60
    print("\n".join(header))
    print(f"- load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {minutes:.1f} minutes")
    print(f"- code measured: {code}; {'quick' if args.quick else 'full'} run\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
