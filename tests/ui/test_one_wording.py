"""One wording everywhere: no raw outcome value or short time form on any screen or in any command's text.

The demo is opened as a new user opens it, every screen and every person in it is shown,
and the commands' plain text is read; none may say ``wont``, ``left-message``, ``no-answer``,
``5d ago``, ``0 days ago`` or ``4640 days ago``. ``--json`` keeps the raw values.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from networkday import cli
from networkday.clock import FixedClock
from networkday.storage.demo import demo_copy
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.screens.contact import ContactScreen
from tests.conftest import NOW

RAW = re.compile(
    r"\b[Ww]ont\b|left-message|no-answer"  # outcomes as stored, and as a column's heading
    r"|\b\d+(d|w|mo|y) (ago|overdue)\b"  # short forms: 5d ago, 3mo ago, 2d overdue
    r"|\b[01] days\b|\b1 (months|years)\b"  # 0 days ago, 1 days ago
    r"|\b(\d{3,}|[6-9]\d) days (ago|overdue)\b"  # 4640 days ago: months or years then
    r"|out of touch \d{3,} days"
)
TODAY = NOW.date()


def raw_forms(text: str) -> list[str]:
    return [match.group(0) for match in RAW.finditer(text)]


def test_the_pattern_catches_every_form_the_issue_names() -> None:
    said = "wont · Wont · left-message · no-answer · 5d ago · 0 days ago · 4640 days ago · 3mo ago · 2d overdue"
    assert len(raw_forms(said)) == 9
    fine = "won't help · Won't · left a message · no answer · 5 days ago · today · 12 years ago · 2 days overdue"
    assert raw_forms(fine) == []


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return demo_copy(TODAY, tmp_path / "demo")


@pytest.fixture
def command_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands read the same fixed instant and zone as the app in the test above."""
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    monkeypatch.delenv("NETWORKDAY_HOME", raising=False)


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_no_screen_of_the_demo_shows_a_raw_form(demo: Path) -> None:
    store = Store.open(demo, FixedClock(NOW))
    app = create_app(store)
    shown: dict[str, str] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, name in (("1", "today"), ("2", "network"), ("3", "journal"), ("4", "companies"), ("5", "review")):
            await pilot.press(key)
            await pilot.pause()
            shown[name] = screen_text(app)
        await pilot.press("1")
        for row in range(8):  # each row's detail pane on Today
            await pilot.pause()
            shown[f"today row {row}"] = screen_text(app)
            await pilot.press("down")
        for contact_id in sorted(store.contacts):
            app.push_screen(ContactScreen(contact_id))
            await pilot.pause()
            shown[contact_id] = screen_text(app)
            app.pop_screen()
    assert "won't help" in "\n".join(shown.values())  # the demo has the outcomes to say
    assert {name: raw_forms(text) for name, text in shown.items() if raw_forms(text)} == {}


def test_no_command_of_the_demo_prints_a_raw_form(
    demo: Path, command_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = ["--data-dir", str(demo)]
    runs = [
        ["today"],
        ["today", "--date", (TODAY - timedelta(days=1)).isoformat()],
        ["journal", "--date", (TODAY - timedelta(days=1)).isoformat()],
        ["review", "--week"],
        ["review", "--month"],
        ["log", "dmitri-ivanov", "wont", "--channel", "email"],
        ["log", "omar-farouk", "no-answer"],
        ["log", "olivia-grant", "left-message"],
    ]
    printed = {}
    for argv in runs:
        cli.main([*argv, *folder])
        printed[" ".join(argv)] = capsys.readouterr().out
    assert "won't help" in printed["log dmitri-ivanov wont --channel email"]
    assert {run: raw_forms(out) for run, out in printed.items() if raw_forms(out)} == {}


def test_json_keeps_the_raw_values(demo: Path, command_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["today", "--json", "--data-dir", str(demo)])
    rows = json.loads(capsys.readouterr().out)["queue"]
    assert "no-answer" in {row["outcome"] for row in rows}
