"""A person a sync kept as two records: the line on either's screen, m opens that pair's merge, N dismisses it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot

from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.modals.merge_preview import MergePreview
from networkday.ui.screens.contact import ContactScreen
from tests.ui.screens import text_of

SIZE = (100, 40)

OURS = 'format = 1\nname = "Twin [b]Ada\\u001b[31m"\ntitle = "Poet"\nlikely_duplicate_of = "twin-ada-2"\n'
THEIRS = 'format = 1\nname = "Twin [b]Ada\\u001b[31m"\ntitle = "Engineer"\nlikely_duplicate_of = "twin-ada"\n'


@asynccontextmanager
async def person(store: Store, contact_id: str) -> AsyncIterator[tuple[NetworkdayApp, Pilot]]:
    """The app running on the person's screen."""
    app = create_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ContactScreen(contact_id))
        await pilot.pause()
        yield app, pilot


def flagged_pair(store: Store) -> None:
    folder = store.root / "contacts"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    (folder / "twin-ada.toml").write_text(OURS, encoding="utf-8")
    (folder / "twin-ada-2.toml").write_text(THEIRS, encoding="utf-8")
    store.scan()


async def test_either_screen_names_the_other_and_m_opens_that_pairs_merge(store: Store) -> None:
    flagged_pair(store)
    async with person(store, "twin-ada-2") as (app, pilot):
        story = text_of(app, "#contact-story")
        assert "! Likely the same person as Twin [b]Ada[31m (twin-ada) (added on both machines)" in story
        assert "m merges the two records; N says they are two people." in story
        assert "likely_duplicate_of" not in story  # not also listed among the other keys
        assert "\x1b" not in story  # the name as typed, its escape dropped, its markup shown
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MergePreview)  # no picker: the pair straight away
        preview = text_of(app, "#merge-body")
        assert "Kept: Twin [b]Ada[31m (twin-ada-2)" in preview
        assert "Merged into it, then deleted: Twin [b]Ada[31m (twin-ada)" in preview
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactScreen)
        assert "Likely the same person" not in text_of(app, "#contact-story")
    assert "twin-ada" not in store.contacts
    kept = store.contact("twin-ada-2")
    assert "likely_duplicate_of" not in kept.extra
    assert "title was Poet" in kept.notes


async def test_n_says_they_are_two_people_and_drops_both_flags(store: Store) -> None:
    flagged_pair(store)
    async with person(store, "twin-ada") as (app, pilot):
        assert "Likely the same person as Twin [b]Ada[31m (twin-ada-2)" in text_of(app, "#contact-story")
        assert app.screen.check_action("not_same", ()) is True
        await pilot.press("N")
        await pilot.pause()
        assert "Likely the same person" not in text_of(app, "#contact-story")
        assert app.screen.check_action("not_same", ()) is False  # N is offered only while flagged
    for contact_id in ("twin-ada", "twin-ada-2"):
        assert "likely_duplicate_of" not in store.contact(contact_id).extra


async def test_m_without_a_flag_still_asks_whom_to_merge_with(store: Store) -> None:
    flagged_pair(store)
    (store.root / "contacts" / "twin-ada.toml").write_text('format = 1\nname = "Twin Ada"\n', encoding="utf-8")
    store.scan()
    async with person(store, "twin-ada") as (app, pilot):
        await pilot.press("m")
        await pilot.pause()
        assert not isinstance(app.screen, MergePreview)
        assert type(app.screen).__name__ == "PickContact"


@pytest.mark.parametrize(("flag", "who"), [("twin-ada", "themselves"), ("gone", "gone (no such contact now)")])
async def test_a_flag_naming_no_other_record_offers_no_merge_and_n_clears_it(store: Store, flag: str, who: str) -> None:
    """A hand-edited flag can name its own file, or a record gone since: m has no pair to merge."""
    flagged_pair(store)
    (store.root / "contacts" / "twin-ada.toml").write_text(OURS.replace('"twin-ada-2"', f'"{flag}"'), "utf-8")
    store.scan()
    async with person(store, "twin-ada") as (app, pilot):
        story = text_of(app, "#contact-story")
        assert f"! Flagged by a sync as likely the same person as {who}" in story
        assert "There is no other record to merge: N clears the flag." in story
        assert "m merges" not in story
        await pilot.press("N")
        await pilot.pause()
        assert "likely the same person" not in text_of(app, "#contact-story")
    assert "likely_duplicate_of" not in store.contact("twin-ada").extra
