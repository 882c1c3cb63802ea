"""A person whose file cannot be read: their screen shows the problem with its path, and the keys still work.

The file goes unreadable after the app listed the person (a ``chmod 000``, or as root,
where a mode stops nothing, a folder put in its place): opening them reads it through the
store's real path, which crashed the screen before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.screens.contact import ContactScreen
from networkday.ui.screens.contacts import ContactsScreen
from networkday.ui.widgets.contact_list import ContactList
from tests.ui.contacts_world import build
from tests.ui.screens import go_to, text_of

SIZE = (100, 40)


@pytest.fixture
def network(store: Store) -> Store:
    return build(store)


@pytest.fixture
def unreadable(network: Store) -> Iterator[tuple[Path, bytes, str]]:
    """Ada's file, made unreadable on demand; put back as it was afterwards."""
    path = network.contact_path("ada-lovelace")
    data = path.read_bytes()
    reason = "Is a directory" if os.geteuid() == 0 else "Permission denied"
    yield path, data, reason
    _put_back(path)


def _make_unreadable(path: Path) -> None:
    if os.geteuid() == 0:
        path.rename(path.with_name(".ada-aside"))
        path.mkdir(mode=0o700)
    else:
        path.chmod(0o000)


def _put_back(path: Path) -> None:
    if path.is_dir():
        path.rmdir()
        path.with_name(".ada-aside").rename(path)
    path.chmod(0o600)


async def test_the_screen_shows_the_problem_and_the_keys_work(
    network: Store, unreadable: tuple[Path, bytes, str]
) -> None:
    path, data, reason = unreadable
    app = create_app(network)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        people = await go_to(app, pilot, "2", ContactsScreen)
        people.query_one(ContactList).select("ada-lovelace")
        _make_unreadable(path)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert text_of(app, "#contact-title") == f"! {path}:1:1: cannot be read: {reason}"
        assert text_of(app, "#contact-story") == "Esc goes back."
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        notices = [(notice.title, notice.message) for notice in app._notifications]
        assert ("Cannot edit", f"{path}:1:1: cannot be read: {reason}") in notices
        await pilot.press("y", "o", "g", "j", "k")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is people
        assert people.query_one(ContactList).cursor is not None
    _put_back(path)
    assert path.read_bytes() == data
