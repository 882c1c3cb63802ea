"""Switching to helping mode and back through the palette: Today, the timer and state.toml follow; nothing is lost."""

from __future__ import annotations

import pytest

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.messages import OpenContact
from networkday.ui.widgets.queue_list import QueueList
from tests.ui.helping_world import helping_world


@pytest.fixture
def helping_store(store: Store) -> Store:
    return helping_world(store)


def shown(app) -> str:
    return " ".join(str(widget.render()) for widget in app.screen.query("#day-title, #score"))


async def switch_in_palette(pilot, words: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    for key in words:
        await pilot.press(key if key != " " else "space")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)


async def test_the_palette_switches_to_helping_and_back(helping_store: Store):
    config = helping_store.root / "config.toml"
    config.write_text("# mine\n[goals]\ncalls_per_day = 4\n")
    config.chmod(0o600)
    before = config.read_bytes()
    contacts = sorted((p.name, p.read_bytes()) for p in helping_store.contacts_dir.iterdir())
    app = create_app(helping_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "made 0/1" in shown(app)
        await switch_in_palette(pilot, "helping mode")
        assert "helping · gave 0 of 3 this week" in shown(app)
        rows = [item.contact_id for item, _ in app.screen.query_one(QueueList).rows]
        assert rows == ["edsger-dijkstra", "alan-kay", "barbara-liskov", "ada-lovelace"]
        assert "grace-hopper" not in rows
        assert helping_store.state()["mode"] == "helping"
        await switch_in_palette(pilot, "job search mode")
        assert "made 0/1" in shown(app)
        assert "grace-hopper" in [item.contact_id for item, _ in app.screen.query_one(QueueList).rows]
    assert helping_store.state()["mode"] == "job-search"
    assert config.read_bytes() == before
    assert sorted((p.name, p.read_bytes()) for p in helping_store.contacts_dir.iterdir()) == contacts


async def test_the_palette_offers_the_mode_not_in_force(helping_store: Store):
    app = create_app(helping_store)
    async with app.run_test(size=(100, 30)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Switch to helping mode" in titles
        assert "Switch to job search mode" not in titles
    helping_store.update_state(mode="helping")
    app = create_app(helping_store)
    async with app.run_test(size=(100, 30)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Switch to job search mode" in titles


async def test_a_damaged_state_file_is_said_and_left_as_it_was(helping_store: Store):
    helping_store.state_path.parent.mkdir(parents=True, exist_ok=True)
    helping_store.state_path.write_text("mode = [\n")
    app = create_app(helping_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await switch_in_palette(pilot, "helping mode")
        assert "made 0/1" in shown(app)  # still a job search
        assert any(n.title == "Mode not switched" for n in app._notifications)
    assert helping_store.state_path.read_text() == "mode = [\n"


async def test_the_person_screen_shows_what_they_asked_and_whom_you_introduced_them_to(helping_store: Store):
    app = create_app(helping_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for contact_id, wanted in (
            ("alan-kay", "they asked: a look at his portfolio"),
            ("barbara-liskov", "introduced to: Grace Hopper"),  # the id shown as their name
        ):
            app.post_message(OpenContact(contact_id))
            await pilot.pause(0.3)
            assert wanted in " ".join(str(w.render()) for w in app.screen.query("Static"))
            await pilot.press("escape")
            await pilot.pause()
