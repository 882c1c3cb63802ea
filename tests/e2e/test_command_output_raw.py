"""No command writes a control from user data to a terminal: checked on the raw bytes of every one.

Each command runs as ``python -m networkday`` on a folder whose contact, day, journal,
file names and import file carry the hostile strings of the terminal tests, C1 controls
and bidi overrides. Whatever reaches stdout or stderr may hold tab, newline and a CR that
ends a line, and no other control, no C1 character and no bidi control.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.companies import Company, Opportunity, Step
from networkday.domain.contact import Contact, LogEntry
from networkday.domain.day import Answer, Call
from networkday.storage.store import Store
from tests.conftest import NOW
from tests.e2e.rawterm import REPO
from tests.e2e.test_raw_output import C1_CSI, CLEAR, CLIPBOARD, LINK, TITLE

pytestmark = pytest.mark.e2e

C1 = "\x90dcs\x9d0;osc\x9c"  # DCS, OSC and ST as single C1 characters
BIDI = "\u202egnp.exe\u202c \u2066iso\u2069 \u200e\u200f\u061c"
HOSTILE = f"{CLEAR}{CLIPBOARD}{TITLE}{LINK}{C1_CSI}{C1}{BIDI}"
NAME = f"Eve{HOSTILE}"
#: Any control but tab and newline (CR only before a newline), C1, and every bidi control.
UNSAFE = re.compile("\r(?!\n)|[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A contact, today's plan, a journal entry and a broken file, all hostile."""
    root = tmp_path_factory.mktemp("raw") / "data"
    store = Store.open(root, FixedClock(NOW))
    eve = store.add_contact(
        Contact(
            id="",
            name=NAME,
            company=f"Acme\nfake line{HOSTILE}",
            title=HOSTILE,
            email=["eve@example.com"],
            phone=["+1-415-555-0101"],
            tags=[HOSTILE],
            notes=f"notes {HOSTILE}",
            follow_up=NOW.date(),
            log=[LogEntry(at=NOW.replace(day=20), channel="email", outcome="will", note=HOSTILE)],
        )
    )
    store.update_day(NOW.date(), lambda day: day.calls.append(Call(eve.id, purpose=f"ask{HOSTILE}")))

    def write_journal(day) -> None:
        day.journal.answers.append(Answer(prompt=f"Who{HOSTILE}", text=f"Text{HOSTILE}\n\nmore"))

    store.update_day(NOW.date(), write_journal)
    ahead = Step(NOW + timedelta(days=7), "interview", f"panel{HOSTILE}")
    role = Opportunity(
        id="role", role=f"Role{HOSTILE}", stage="interview", via=(eve.id,), notes=HOSTILE, steps=(ahead,)
    )
    store.add_company(Company(id="", name=f"Co{HOSTILE}", target=True, aliases=(HOSTILE,), opportunities=(role,)))
    bad = root / "contacts" / f"bad\x1b[2J\n{BIDI}.toml"
    bad.write_text("name = [\n", encoding="utf-8")
    bad.chmod(0o600)
    (root.parent / f"cards{C1}.vcf").write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mal{HOSTILE}\r\nORG:Org{HOSTILE}\r\nEND:VCARD\r\n", encoding="utf-8"
    )
    return root


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    """The exit code, stdout and stderr of ``networkday ARGS`` on ``folder``."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(folder.parent),
        "LANG": "C.UTF-8",
        "NETWORKDAY_NOW": NOW.isoformat(),
        "NETWORKDAY_TZ": "Europe/Berlin",
        "VISUAL": "true",
    }
    done = subprocess.run(
        [sys.executable, "-m", "networkday", "--data-dir", str(folder), *args],
        capture_output=True,
        check=False,
        cwd=REPO,
        env=env,
        timeout=60,
    )
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def assert_inert(out: str, err: str) -> None:
    for stream in (out, err):
        assert UNSAFE.findall(stream) == [], stream
        assert "INJECTED" not in stream


COMMANDS = [
    ["check"],
    ["today"],
    ["today", "--json"],
    ["journal"],
    ["review"],
    ["review", "--json"],
    ["export", "csv"],
    ["export", "vcard"],
    ["export", "ics"],
    ["export", "journal"],
    ["export", "csv", "--opportunities"],
    ["company", "list"],
    ["company", "list", "--json"],
    ["company", "target", HOSTILE],
    ["company", "add", HOSTILE],
    ["opportunity", "list"],
    ["opportunity", "list", "--json"],
    ["opportunity", "move", HOSTILE, "offer"],
    ["opportunity", "add", "co", HOSTILE, "--via", HOSTILE],
    ["timer", "status"],
    ["timer", "report"],
    ["log", HOSTILE, "--outcome", "will"],
    ["today", "--date", HOSTILE],
    [HOSTILE],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(a for a in args if a.isprintable()) or "hostile")
def test_no_command_writes_a_control_from_user_data(folder: Path, args: list[str]) -> None:
    _, out, err = run(folder, *args)
    assert out or err
    assert_inert(out, err)


def test_import_and_add_write_no_control_either(folder: Path, tmp_path: Path) -> None:
    cards = next(folder.parent.glob("cards*.vcf"))
    _, out, err = run(folder, "import", "vcard", str(cards), "--dry-run")
    assert_inert(out, err)
    assert "cards\\x90dcs\\x9d0;osc\\x9c.vcf: 1 row read" in out
    code, out, err = run(tmp_path / "new", "add", NAME, "--company", HOSTILE)
    assert code == 0
    assert_inert(out, err)


def test_json_keeps_the_data_with_its_controls_as_escapes(folder: Path) -> None:
    _, out, _ = run(folder, "today", "--json")
    assert "\\u009b31m" in out
    assert "\\u202e" in out
    assert json.loads(out)["queue"][0]["name"] == NAME


def test_a_file_name_with_a_newline_and_esc_stays_on_its_one_line(folder: Path) -> None:
    code, _, err = run(folder, "check")
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 2, lines  # the problem, then the count
    assert "bad\\x1b[2J\\n\\u202egnp.exe\\u202c" in lines[0]
    assert "\\u2069 \\u200e\\u200f\\u061c.toml:1:1: the file name is not a contact id" in lines[0]


def test_a_newline_in_a_value_starts_no_line_of_today(folder: Path) -> None:
    _, out, _ = run(folder, "today")
    assert not any(line.startswith("fake line") for line in out.splitlines())
    assert "Acme fake line" in out


def test_text_that_is_safe_passes_unchanged(folder: Path, tmp_path: Path) -> None:
    _, out, _ = run(folder, "export", "ics")
    assert out.startswith("BEGIN:VCALENDAR\r\n")
    assert run(tmp_path / "plain", "add", "Zoë 李 🙂\tTab")[0] == 0
    _, out, _ = run(tmp_path / "plain", "export", "csv")
    assert ",Zoë 李 🙂\tTab," in out


def test_an_error_naming_an_odd_path_stays_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "odd\nnetworkday: fake\x1b[2J"
    odd.write_text("", "utf-8")
    code, _, err = run(odd, "check")
    assert code == 2
    assert err.count("\n") == 1
    assert "odd\\nnetworkday: fake\\x1b[2J: not a folder" in err


def test_export_to_stdout_is_utf8_in_any_locale(tmp_path: Path) -> None:
    folder = tmp_path / "cjk"
    assert run(folder, "add", "李明 🙂")[0] == 0
    done = subprocess.run(
        [sys.executable, "-m", "networkday", "--data-dir", str(folder), "export", "csv"],
        capture_output=True,
        check=False,
        cwd=REPO,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "PYTHONIOENCODING": "latin-1"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "李明 🙂".encode() in done.stdout


def test_a_name_the_locale_cannot_encode_is_escaped_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "latin"
    assert run(folder, "add", "李明", "--company", "Zoë")[0] == 0
    done = subprocess.run(
        [sys.executable, "-m", "networkday", "--data-dir", str(folder), "today"],
        capture_output=True,
        check=False,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "latin-1", "NETWORKDAY_NOW": NOW.isoformat()},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert b"\\u674e\\u660e" in done.stdout
    assert "Zoë".encode("latin-1") in done.stdout
