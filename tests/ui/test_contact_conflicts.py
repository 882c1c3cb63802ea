"""A sync's [[conflict]] entries on the person's screen: one warning line each, until the file is edited."""

from __future__ import annotations

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.screens.contact import ContactScreen
from tests.ui.screens import text_of

SIZE = (100, 40)

CONFLICTED = """format = 1
name = "Ada Lovelace"
title = "Engineer"

[[conflict]]
field = "title"
value = "[b]Countess\\u001b[31m"
from = "origin/main"
at = 2026-11-20T10:00:00Z

[[conflict]]
field = "met"
removed = true
from = "origin/main"
at = 2026-11-20T10:00:00Z
"""


async def test_conflicts_show_as_plain_warnings_until_the_entry_is_removed(store: Store):
    path = store.root / "contacts" / "ada-lovelace.toml"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_text(CONFLICTED, encoding="utf-8")
    store.scan()
    app = create_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ContactScreen("ada-lovelace"))
        await pilot.pause()
        story = text_of(app, "#contact-story")
        assert "! sync conflict in title: kept 'Engineer'; origin/main had '[b]Countess\\x1b[31m'" in story
        assert "! sync conflict in met: kept this file's value; origin/main had removed it" in story
        assert "edit the file (networkday edit ada-lovelace) and remove the [[conflict]] entry" in story
        assert "\x1b" not in story
        path.write_text('format = 1\nname = "Ada Lovelace"\ntitle = "Engineer"\n', encoding="utf-8")
        app.screen.reload()
        await pilot.pause()
        story = text_of(app, "#contact-story")
        assert "sync conflict" not in story
        assert "[[conflict]]" not in story
        assert "Engineer" in story
