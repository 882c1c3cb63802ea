"""A sync's [[conflict]] entries on the person's screen: one warning line each, until one value is picked."""

from __future__ import annotations

import tomllib

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.screens.conflicts import ConflictsScreen
from networkday.ui.screens.contact import ContactScreen
from tests.conflict_world import PERSON, write
from tests.ui.screens import text_of

SIZE = (100, 40)


async def test_conflicts_show_as_plain_warnings_until_the_entry_is_removed(store: Store):
    path = write(store.root / "contacts" / "ada-lovelace.toml", PERSON)
    store.scan()
    app = create_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ContactScreen("ada-lovelace"))
        await pilot.pause()
        story = text_of(app, "#contact-story")
        assert "! sync conflict in title: kept 'Engineer'; other value '[b]Countess\\x1b[31m'" in story
        assert "! sync conflict in log[aaaa0001].note: kept 'mine'; other value 'theirs'" in story
        assert "To settle: x, then m keeps the kept value, o takes the other value." in story
        assert "\x1b" not in story
        path.write_text('format = 1\nname = "Ada Lovelace"\ntitle = "Engineer"\n', encoding="utf-8")
        app.screen.reload()
        await pilot.pause()
        story = text_of(app, "#contact-story")
        assert "sync conflict" not in story
        assert "Engineer" in story


async def test_x_settles_the_person_conflicts_there(store: Store):
    path = write(store.root / "contacts" / "ada-lovelace.toml", PERSON)
    store.scan()
    app = create_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ContactScreen("ada-lovelace"))
        await pilot.pause()
        await pilot.press("x")
        assert isinstance(app.screen, ConflictsScreen)
        assert [item.conflict.field for item in app.screen.items] == ["title", "log[aaaa0001].note"]
        await pilot.press("m")  # the kept title stays
        await pilot.press("o")  # the other machine's note
        await pilot.pause()
        assert app.screen.items == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        story = text_of(app, "#contact-story")
        assert "sync conflict" not in story
        assert "theirs" in story
    table = tomllib.loads(path.read_text("utf-8"))
    assert (table["title"], table["log"][0]["note"]) == ("Engineer", "theirs")
    assert "conflict" not in table
    assert store.contacts["ada-lovelace"].conflicts == 0
