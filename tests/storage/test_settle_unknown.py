"""An in-place save racing `networkday log` when networkday knows nothing, or something old, of the file.

The data folder is a copy of the demo, as a fresh clone of it would be: with no
``.networkday`` cache at all, or with one made before the file was edited by hand. The
editor is a real second process that truncates the file, writes its head, pauses, then
writes the rest; `networkday log` runs during the pause and must not save the head alone.
Two networkday processes saving the same person in turn, on the other hand, never wait
for each other's file to settle: networkday never leaves a file half-written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-25T10:00:00+01:00"
PERSON = "aisha-bello"

#: Truncates argv[1] in place, writes argv[2]'s first argv[3] bytes, says "cut", pauses
#: argv[4] seconds, then writes the rest, as an editor's slow in-place save would.
EDITOR = """
import os, sys, time
path, text, head, pause = sys.argv[1], open(sys.argv[2], "rb").read(), int(sys.argv[3]), float(sys.argv[4])
fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
os.write(fd, text[:head])
print("cut", flush=True)
time.sleep(pause)
os.write(fd, text[head:])
os.close(fd)
"""

#: Logs argv[3] touches to argv[2] in the folder argv[1], one `networkday log` each, notes
#: named after argv[4]; prints each exit status.
LOGGER = """
import sys
from networkday.cli import main
root, person, count, who = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
for number in range(count):
    status = main(["log", person, "talked", "--note", f"{who}-{number}", "--data-dir", root])
    print("status", status, flush=True)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "NETWORKDAY_NOW": NOW}


def _networkday(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "networkday", "--data-dir", str(root), *args],
        check=False,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )


def _race(path: Path, text: bytes, head: int, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`networkday log` while the editor is paused after writing the first ``head`` bytes of ``text``."""
    buffer = tmp_path / "editor-buffer.toml"
    buffer.write_bytes(text)
    editor = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(EDITOR), str(path), str(buffer), str(head), "1.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert editor.stdout is not None
    assert editor.stdout.readline() == "cut\n"
    result = _networkday(path.parents[1], "log", PERSON, "talked", "--note", "during")
    assert editor.wait(timeout=60) == 0
    return result


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A private copy of the demo folder, with no ``.networkday`` (a fresh clone)."""
    root = tmp_path / "r2"
    shutil.copytree(REPO / "examples" / "demo", root)
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.chmod(Path(folder) / name, 0o700 if name in dirs else 0o600)
    os.chmod(root, 0o700)
    assert not (root / ".networkday").exists()
    return root


def test_a_log_racing_an_in_place_save_with_no_cache_keeps_the_whole_file(demo: Path, tmp_path: Path) -> None:
    path = demo / "contacts" / f"{PERSON}.toml"
    text = path.read_bytes()
    result = _race(path, text, 60, tmp_path)
    assert result.returncode == 0, result.stderr
    saved = tomllib.loads(path.read_text())
    assert {key: value for key, value in saved.items() if key != "log"} == tomllib.loads(text.decode())
    assert [entry.get("note") for entry in saved["log"]] == ["during"]
    assert _networkday(demo, "check").returncode == 0


def test_a_log_racing_an_in_place_save_with_an_old_cache_keeps_the_touches_added_by_hand(
    demo: Path, tmp_path: Path
) -> None:
    """The index knows the file at 241 bytes; the editor's head alone is longer than that."""
    assert _networkday(demo, "check").returncode == 0
    path = demo / "contacts" / f"{PERSON}.toml"
    long_note = "a long note typed by hand " * 20
    before = path.read_bytes()
    touches = (
        f'\n[[log]]\nat = 2026-11-20T10:00:00+01:00\nchannel = "email"\nnote = "{long_note}first"\n'
        f'\n[[log]]\nat = 2026-11-21T10:00:00+01:00\nchannel = "phone"\nnote = "{long_note}second"\n'
    )
    text = before.replace(b'met = "', f'met = "{long_note}'.encode()) + touches.encode()
    cut = text.index(b"\n[[log]]")
    assert cut > len(before)
    result = _race(path, text, cut, tmp_path)
    assert result.returncode == 0, result.stderr
    notes = [entry.get("note") for entry in tomllib.loads(path.read_text())["log"]]
    assert notes == [f"{long_note}first", f"{long_note}second", "during"]


def test_networkday_processes_saving_one_person_in_turn_never_wait_for_each_other(demo: Path) -> None:
    """Eight commands log two touches each to one person at once. Each save holds the folder
    lock, so they take turns; one that waited for the file another had just saved to settle
    would hold the lock long enough for the others to give up on it."""
    loggers = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(LOGGER), str(demo), PERSON, "2", f"w{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for n in range(8)
    ]
    for logger in loggers:
        out, err = logger.communicate(timeout=120)
        statuses = [line for line in out.splitlines() if line.startswith("status ")]
        assert (logger.returncode, statuses, err) == (0, ["status 0", "status 0"], "")
    notes = sorted(
        entry.get("note") for entry in tomllib.loads((demo / "contacts" / f"{PERSON}.toml").read_text())["log"]
    )
    assert notes == sorted(f"w{n}-{number}" for n in range(8) for number in range(2))
