"""The CLI's start: Today from the index at once, then what changed on disk since, read in the background."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from networkday.cli import command_word, modules_for
from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.widgets.queue_list import QueueList
from tests.conftest import NOW


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """The quick start freezes what it built for the life of the app; a test process must not keep that."""
    yield
    gc.unfreeze()
    gc.enable()


async def test_a_quick_start_shows_the_index_then_what_changed_on_disk(
    store: Store, clock: FixedClock, unfrozen: None
) -> None:
    store.add_contact(Contact(id="", name="Ada Lovelace", follow_up=NOW.date()))
    path = store.contact_path("ada-lovelace")
    path.write_text(path.read_text("utf-8").replace("Ada Lovelace", "Ada King"), "utf-8")
    (store.contacts_dir / "broken.toml").write_text("name = \n", "utf-8")
    quick = Store.open(store.root, clock, scan=False)
    assert quick.contacts["ada-lovelace"].name == "Ada Lovelace"
    gc.disable()  # as cli.run_app holds it
    app = create_app(quick, quick_start=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert gc.isenabled()
        assert quick.contacts["ada-lovelace"].name == "Ada King"
        table = app.screen.query_one(QueueList)
        assert [summary.name for _, summary in table.rows if summary] == ["Ada King"]
        messages = [notification.message for notification in app._notifications]
        assert "1 file(s) could not be read: press ! to see them" in messages
        assert quick.contacts_dir / "broken.toml" in quick.problems
        await app.workers.wait_for_complete()  # the search index, started once the look was applied
        assert app._search is not None
        assert [hit.id for hit in app.search_index.search("ada king")] == ["ada-lovelace"]
        app._search = None
        app._prepare_search()
        quick.update_contact("ada-lovelace", lambda contact: setattr(contact, "name", "Augusta King"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [hit.id for hit in app._search.search("augusta")] == ["ada-lovelace"]
        quick.update_contact("ada-lovelace", lambda contact: setattr(contact, "title", "Countess"))
        assert quick.index_pending
    assert not quick.index_pending  # written as the app closed
    assert Store.open(store.root, clock, scan=False).contacts["ada-lovelace"].title == "Countess"


def test_a_command_imports_only_its_own_module() -> None:
    assert command_word(["--data-dir", "timer", "timer", "status"]) == "timer"
    assert command_word(["--data-dir=x", "today", "--json"]) == "today"
    assert command_word(["--demo"]) is None
    assert modules_for(["timer", "status"]) == ("timer",)
    assert "transfer" in modules_for(["import", "linkedin", "x.csv"])
    assert "today" in modules_for(["--help"])
    assert modules_for(["--data-dir", "x"]) == ()
    assert modules_for(["--demo"]) == ()
    assert len(modules_for(None)) > 1


async def test_a_quick_start_draws_todays_preview_before_it_reads_the_contacts(
    store: Store, clock: FixedClock, unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from networkday.services.queue import keep_today_preview
    from networkday.storage.preview import load_preview
    from networkday.ui.app import NetworkdayApp

    store.add_contacts([Contact(id="", name="Ada Lovelace", follow_up=NOW.date()), Contact(id="", name="Alan Kay")])
    keep_today_preview(store, NOW.date())
    quick = Store.open(store.root, clock, scan=False, contacts=False)
    preview = load_preview(quick, NOW.date())
    assert preview is not None
    seen: dict[str, object] = {}
    after_first_frame = NetworkdayApp._after_first_frame

    def spy(app: NetworkdayApp) -> None:
        seen["loaded"] = quick.contacts_loaded
        seen["rows"] = [summary.name for _, summary in app.screen.query_one(QueueList).rows if summary]
        after_first_frame(app)

    monkeypatch.setattr(NetworkdayApp, "_after_first_frame", spy)
    gc.disable()
    app = create_app(quick, quick_start=True, preview=preview)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert seen == {"loaded": False, "rows": ["Ada Lovelace", "Alan Kay"]}
        assert quick.contacts_loaded
        assert app.preview is None
        assert [summary.name for _, summary in app.screen.query_one(QueueList).rows if summary] == seen["rows"]
        await pilot.press("w", "escape")
        await pilot.pause()
    assert quick.contact("ada-lovelace").log[-1].outcome == "will"
    kept = load_preview(Store.open(store.root, clock, scan=False, contacts=False), NOW.date())
    assert kept is not None  # the exit kept a new one, with the call just made
    assert [item.outcome for item in kept.queue.items if item.contact_id == "ada-lovelace"] == ["will"]


async def test_an_empty_folder_is_welcomed_at_every_quick_start(tmp_path, clock: FixedClock, unfrozen: None) -> None:
    from networkday.storage.preview import load_preview
    from networkday.ui.modals.welcome import WelcomeScreen

    for _ in range(2):  # the first exit must not leave a preview that hides the welcome
        store = Store.open(tmp_path / "data", clock, scan=False, contacts=False)
        gc.disable()
        app = create_app(store, quick_start=True, preview=load_preview(store, NOW.date()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WelcomeScreen)


def quick_app(store: Store, clock: FixedClock):
    """As cli.build_app opens the folder: the contacts packed, Today's preview if one fits."""
    from networkday.storage.preview import load_preview

    quick = Store.open(store.root, clock, scan=False, contacts=False)
    gc.disable()
    return quick, create_app(quick, quick_start=True, preview=load_preview(quick, NOW.date()))


async def test_a_key_typed_during_a_quick_start_does_not_hide_the_idle_question(
    store: Store, clock: FixedClock, unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The question is asked from when the person was last seen; a key noted first would erase that."""
    from datetime import timedelta

    from networkday.domain.day import TimeSession
    from networkday.services import idle
    from networkday.services.queue import keep_today_preview
    from networkday.ui.app import NetworkdayApp
    from networkday.ui.modals.choice import ChoiceModal

    store.add_contact(Contact(id="", name="Ada Lovelace"))
    start = NOW - timedelta(hours=9)
    store.update_day(NOW.date(), lambda day: day.time.append(TimeSession("networking", start)))
    idle.touch_seen(store, at=start + timedelta(hours=1), every=0)
    keep_today_preview(store, NOW.date())
    _, app = quick_app(store, clock)
    on_mount = NetworkdayApp.on_mount

    def early_key(self: NetworkdayApp) -> None:
        from textual import events

        self.post_message(events.Key("down", None))  # typed while the app was starting
        on_mount(self)

    monkeypatch.setattr(NetworkdayApp, "on_mount", early_key)  # Textual calls handlers from the class
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.preview is None  # the first frame came from the preview, and it is done
        assert isinstance(app.screen, ChoiceModal)


async def test_a_file_from_a_newer_version_is_reported_after_a_start_from_the_preview(
    store: Store, clock: FixedClock, unfrozen: None
) -> None:
    from networkday.services.queue import keep_today_preview

    store.add_contact(Contact(id="", name="Ada Lovelace", follow_up=NOW.date()))
    (store.contacts_dir / "from-the-future.toml").write_text('format = 2\nname = "Tomorrow"\n', "utf-8")
    (store.contacts_dir / "from-the-future.toml").chmod(0o600)
    opened = Store.open(store.root, clock)
    keep_today_preview(opened, NOW.date())
    _, app = quick_app(store, clock)
    assert app.preview is not None
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
    assert any("from-the-future.toml" in message and "newer" in message for message in messages), messages


async def test_a_folder_emptied_by_hand_is_welcomed_once_the_look_sees_it(
    store: Store, clock: FixedClock, unfrozen: None
) -> None:
    from networkday.services.queue import keep_today_preview
    from networkday.ui.modals.welcome import WelcomeScreen

    store.add_contact(Contact(id="", name="Ada Lovelace", follow_up=NOW.date()))
    keep_today_preview(store, NOW.date())
    store.contact_path("ada-lovelace").unlink()
    _, app = quick_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
