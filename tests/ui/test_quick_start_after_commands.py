"""The first app start after a command saved draws Today from the preview that command kept."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from networkday.cli import main
from networkday.clock import clock_from_environ
from networkday.domain.contact import Contact
from networkday.storage.preview import load_preview
from networkday.storage.store import Store
from networkday.ui.app import NetworkdayApp, create_app
from networkday.ui.widgets.queue_list import QueueList
from tests.conftest import NOW


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Two people due today and Today's preview kept; the collector restored after the quick start."""
    monkeypatch.setenv("NETWORKDAY_NOW", NOW.isoformat())
    monkeypatch.setenv("NETWORKDAY_TZ", "Europe/Berlin")
    root = tmp_path / "data"
    store = Store.open(root, clock_from_environ())
    store.add_contacts([Contact(id="", name="Ada Lovelace", follow_up=NOW.date()), Contact(id="", name="Alan Kay")])
    assert main(["today", "--data-dir", str(root)]) == 0
    yield root
    gc.unfreeze()
    gc.enable()


def rows(app: NetworkdayApp) -> list[tuple[str, str | None]]:
    table = app.screen.query_one(QueueList)
    return [(summary.name, item.outcome) for item, summary in table.rows if summary]


async def first_frame(root: Path, monkeypatch: pytest.MonkeyPatch, *, preview: bool) -> tuple[list, list, bool]:
    """Today's rows at the first frame and once the start's look is done, as cli.build_app opens the app."""
    store = Store.open(root, clock_from_environ(), scan=False, contacts=False)
    kept = load_preview(store, NOW.date()) if preview else None
    if not preview:
        store.contacts  # noqa: B018 -- a start with no preview reads the index first
    seen: dict[str, list] = {}
    after_first_frame = NetworkdayApp._after_first_frame

    def spy(app: NetworkdayApp) -> None:
        seen["first"] = rows(app)
        after_first_frame(app)

    monkeypatch.setattr(NetworkdayApp, "_after_first_frame", spy)
    gc.disable()
    app = create_app(store, quick_start=True, preview=kept)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return seen["first"], rows(app), kept is not None


async def test_after_a_log_the_start_draws_the_logged_outcome_from_the_preview(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "ada-lovelace", "will", "--data-dir", str(data)]) == 0
    first, settled, from_preview = await first_frame(data, monkeypatch, preview=True)
    assert from_preview
    assert ("Ada Lovelace", "will") in first
    assert first == settled
    assert (first, settled) == (await first_frame(data, monkeypatch, preview=False))[:2]


async def test_a_hand_edit_after_the_log_shows_once_the_start_has_looked(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["log", "ada-lovelace", "will", "--data-dir", str(data)]) == 0
    path = data / "contacts" / "ada-lovelace.toml"
    path.write_text(path.read_text("utf-8").replace("Ada Lovelace", "Ada King"), "utf-8")
    first, settled, from_preview = await first_frame(data, monkeypatch, preview=True)
    assert from_preview  # a contact file is not in the stamp: the look after the first frame finds it
    assert ("Ada Lovelace", "will") in first
    assert ("Ada King", "will") in settled
    assert ("Ada Lovelace", "will") not in settled
