"""Today's Add: a name that matches nobody becomes a person, with the call planned on the day."""

from __future__ import annotations

import tomllib

from textual.widgets import OptionList

from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.modals.pick_contact import NEW_PERSON, PickContact
from networkday.ui.widgets.queue_list import QueueList
from tests.ui.conftest import TODAY

SIZE = (100, 30)


def planned(store: Store) -> list[str]:
    return [call["contact"] for call in tomllib.loads(store.day_path(TODAY).read_text("utf-8")).get("call", [])]


def option_ids(app) -> list[str | None]:
    results = app.screen.query_one(OptionList)
    return [results.get_option_at_index(n).id for n in range(results.option_count)]


def option_text(app, index: int) -> str:
    results = app.screen.query_one(OptionList)
    return str(results.get_option_at_index(index % results.option_count).prompt)


async def test_enter_on_a_new_name_creates_the_person_and_plans_the_call_today(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, PickContact)
        await pilot.press(*"Priya Raman")
        assert option_ids(app) == [NEW_PERSON]
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PickContact)
        assert app.screen.query_one(QueueList).current().contact_id == "priya-raman"
        notes = [note.message for note in app._notifications]
    saved = tomllib.loads(small_store.contact_path("priya-raman").read_text("utf-8"))
    assert saved["name"] == "Priya Raman"
    assert planned(small_store) == ["ada-lovelace", "priya-raman"]
    assert "Added Priya Raman to your network and planned the call today." in notes


async def test_a_name_that_matches_someone_picks_them_and_offers_the_new_person_last(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Mary")
        ids = option_ids(app)
        assert ids[0] == "mary-jackson"
        assert ids[-1] == NEW_PERSON
        assert option_text(app, -1) == "+ Add Mary as a new person"
        await pilot.press("enter")
        await pilot.pause()
    assert planned(small_store) == ["ada-lovelace", "mary-jackson"]
    assert sorted(path.stem for path in small_store.contacts_dir.iterdir()) == sorted(small_store.contacts)
    assert len(small_store.contacts) == 5


async def test_the_same_name_typed_twice_makes_a_second_person_as_add_does(small_store: Store):
    app = create_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Mary Jackson")
        assert option_ids(app) == ["mary-jackson", NEW_PERSON]
        assert option_text(app, -1) == "+ Add another Mary Jackson as a new person"  # a namesake, said so
        await pilot.press("down", "down", "enter")
        await pilot.pause()
    assert small_store.contact("mary-jackson-2").name == "Mary Jackson"
    assert planned(small_store) == ["ada-lovelace", "mary-jackson-2"]
