"""A file nested past the parser's limits is one more unreadable file for the app, never a crash or a hidden file."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.store import Store
from networkday.ui.app import create_app

DEEP = 'format = 1\nname = "Deep"\nx = ' + "[" * 2000 + "]" * 2000 + "\n"


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """The quick start freezes what it built for the life of the app; a test process must not keep that."""
    yield
    gc.unfreeze()
    gc.enable()


@pytest.mark.parametrize("cached", [False, True], ids=["no cache", "cache"])
async def test_the_app_reports_a_file_nested_too_deeply_at_start(
    store: Store, clock: FixedClock, unfrozen: None, cached: bool
) -> None:
    store.add_contact(Contact(id="", name="Ada Lovelace"))
    path = store.contacts_dir / "deep.toml"
    path.write_text(DEEP, "utf-8")
    path.chmod(0o600)
    if not cached:
        store.index_path.unlink()
    quick = Store.open(store.root, clock, scan=False)
    gc.disable()  # as cli.run_app holds it
    app = create_app(quick, quick_start=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert (quick.problems[path].line, quick.problems[path].column) == (3, 405)
        messages = [notification.message for notification in app._notifications]
        assert "1 file(s) could not be read: press ! to see them" in messages
    assert path.read_text("utf-8") == DEEP
