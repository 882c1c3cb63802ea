"""A search answers as the key changes the query, so the results go out in the frame that shows it.

Handled on Input.Changed, they came a frame later (16 ms at 60 frames a second). Setting
the value here and looking at once, with no await between, sees only what ran in step.
"""

from __future__ import annotations

from textual.widgets import Input, OptionList

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.pick_contact import NEW_PERSON, PickContact
from networkday.ui.widgets.contact_list import ContactList


async def test_the_add_dialog_lists_matches_in_step_with_the_query(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PickContact)
        app.screen.query_one(Input).value = "grace"
        results = app.screen.query_one(OptionList)
        assert [results.get_option_at_index(i).id for i in range(results.option_count)] == ["grace-hopper", NEW_PERSON]
        assert results.highlighted == 0


async def test_the_network_search_filters_in_step_with_the_query(small_store: Store) -> None:
    app = create_app(small_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "slash")
        await pilot.pause()
        app.screen.query_one("#contacts-search", Input).value = "linus"
        assert [row.id for row in app.screen.query_one(ContactList).rows] == ["linus-pauling"]
