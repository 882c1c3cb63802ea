"""The command palette offers every action by name, and nothing that leaks data."""

from __future__ import annotations

from networkday.storage.store import Store
from networkday.ui.app import create_app


async def test_palette_lists_screen_and_global_actions_but_no_screenshot(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
    for wanted in (
        "Will help",
        "Won't help",
        "No answer",
        "Left a message",
        "Postpone",
        "Add",
        "Timer on/off",
        "Help",
        "Import contacts",
        "Quit",
    ):
        assert wanted in titles
    assert "Screenshot" not in titles


async def test_a_palette_command_runs_its_action(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Timer on/off")
        command.callback()
        await pilot.pause()
    day = small_store.day(small_store.clock.today())
    assert [session.kind for session in day.time] == ["networking"]
