"""The "Anything to add?" prompt writes onto its own touch, and never over a change made meanwhile."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import tomli_w

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.log_prompt import LogPrompt
from networkday.ui.screens.today import TodayScreen
from tests.conftest import NOW

REPO = Path(__file__).resolve().parents[2]


def read(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def log_from_another_process(store: Store, *args: str) -> None:
    env = {**os.environ, "NETWORKDAY_NOW": NOW.isoformat(), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "networkday", "log", *args, "--data-dir", str(store.root)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


async def test_the_prompt_amends_its_own_touch_when_another_process_logs_in_the_same_second(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, LogPrompt)
        log_from_another_process(small_store, "ada-lovelace", "talked", "--note", "from-cli")
        await pilot.press("tab", "tab", *"from the prompt", "enter")
        assert isinstance(app.screen, TodayScreen)
    log = read(small_store.contact_path("ada-lovelace"))["log"]
    assert [(e["outcome"], e.get("note")) for e in log] == [("will", "from the prompt"), ("talked", "from-cli")]
    assert log[0]["at"] == log[1]["at"]
    assert log[0]["id"] != log[1]["id"]
    calls = {c["touch"]: c["outcome"] for c in read(small_store.day_path(NOW.date()))["call"] if "outcome" in c}
    assert calls == {log[0]["id"]: "will", log[1]["id"]: "talked"}


def hand_edit(path: Path, note: str, follow_up) -> None:
    table = read(path)
    table["log"][-1]["note"] = note
    table["follow_up"] = follow_up
    path.write_text(tomli_w.dumps(table), "utf-8")


async def test_a_hand_edit_of_the_same_fields_meanwhile_reopens_the_prompt_with_the_typed_text(small_store: Store):
    path = small_store.contact_path("ada-lovelace")
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, LogPrompt)
        hand_edit(path, "from the editor", NOW.date().replace(day=28))
        await pilot.press("tab", "tab", *"from the prompt", "tab", "tab", *"2026-12-01", "enter")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, LogPrompt)
        message = str(prompt.query_one("#log-error").render())
        assert "note changed on disk meanwhile to 'from the editor'" in message
        assert "follow-up changed on disk meanwhile to '2026-11-28'" in message
        assert prompt.query_one("#log-note").value == "from the prompt"
        assert prompt.query_one("#log-follow-up").value == "2026-12-01"
        on_disk = read(path)
        assert on_disk["log"][-1]["note"] == "from the editor"
        assert on_disk["follow_up"].isoformat() == "2026-11-28"
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
    on_disk = read(path)
    assert on_disk["log"][-1]["note"] == "from the prompt"
    assert on_disk["follow_up"].isoformat() == "2026-12-01"


async def test_escape_after_a_clash_keeps_the_file_as_it_was_edited(small_store: Store):
    path = small_store.contact_path("ada-lovelace")
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        hand_edit(path, "from the editor", NOW.date().replace(day=28))
        await pilot.press("tab", "tab", *"from the prompt", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LogPrompt)
        await pilot.press("escape", "down", "down", "enter")  # the text typed: discard it
        assert isinstance(app.screen, TodayScreen)
    assert read(path)["log"][-1]["note"] == "from the editor"


async def test_a_file_unreadable_when_enter_is_pressed_keeps_the_prompt_and_its_text(small_store: Store):
    path = small_store.contact_path("ada-lovelace")
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        good = path.read_bytes()
        path.write_bytes(b"")  # an editor halfway through saving in place
        await pilot.press("tab", "tab", *"from the prompt", "enter")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, LogPrompt)
        assert "the file is empty" in str(prompt.query_one("#log-error").render())
        assert prompt.query_one("#log-note").value == "from the prompt"
        path.write_bytes(good)
        await pilot.press("enter")
        assert isinstance(app.screen, TodayScreen)
    assert read(path)["log"][-1]["note"] == "from the prompt"
