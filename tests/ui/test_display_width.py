"""Columns of Today and the network list stay aligned with emoji, CJK, zero-width and bidi characters in names.

A terminal and Rich disagree on zero-width characters (a stray joiner, a zero-width
space, a BOM) and ZWJ sequences, so these are dropped from display and a column is laid
out by display cells; a bidi control is shown as its escape. Checked at 80x24 on the
lines the lists draw.
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from textual.widgets import OptionList

from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.storage.store import Store
from networkday.ui.app import create_app
from networkday.ui.widgets.contact_list import ContactList
from networkday.ui.widgets.queue_list import QueueList
from tests.conftest import NOW

NAMES = [
    "Zoë\u200b李明😀 Wang",
    "Ann\u200d",
    "👩\u200d💻 Dev Person",
    "\u200b\u200b\ufeffBob\u2060 Ray",
    "Kim\u202eeeL\u202c Two",
    "王小明 (Wang Xiaoming)",
    "Plain Name",
]
HIDDEN = re.compile("[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069\u061c]")


@pytest.fixture
def wide_store(store: Store) -> Store:
    contacts = store.add_contacts([Contact(id="", name=name, company=f"Co {n}😀") for n, name in enumerate(NAMES)])
    store.update_day(NOW.date(), lambda day: day.calls.extend(Call(c.id) for c in contacts))
    return store


def lines(widget: QueueList | ContactList) -> list[list[str]]:
    height = widget.scrollable_content_region.height
    return [[segment.text for segment in widget.render_line(y)] for y in range(height)]


async def test_today_columns_line_up_whatever_the_names(wide_store: Store) -> None:
    app = create_app(wide_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        queue = app.screen.query_one(QueueList)
        sizes = [size + 2 for _, size in queue.columns()]
        drawn = lines(queue)[: len(NAMES) + 1]
        for row in drawn:
            assert [cell_len(text) for text in row[: len(sizes)]] == sizes, row
            assert not HIDDEN.search("".join(row)), row
        text = "".join(part for row in drawn for part in row)
        assert "Kim\\u202e" in text
        assert "Bob Ray" in text


async def test_the_network_list_lines_up_whatever_the_names(wide_store: Store) -> None:
    app = create_app(wide_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        network = app.screen.query_one(ContactList)
        width = network.scrollable_content_region.width
        drawn = ["".join(row) for row in lines(network)[: len(NAMES) + 1]]
        assert all(cell_len(row) == width for row in drawn), drawn
        assert not any(HIDDEN.search(row) for row in drawn)
        starts = {cell_len(row[: row.index("Co ")]) for row in drawn if "Co " in row}
        assert len(starts) == 1, drawn  # the company column starts at one cell on every row


def test_today_80x24_with_wide_and_hidden_characters(snap_compare, wide_store: Store) -> None:
    assert snap_compare(create_app(wide_store), terminal_size=(80, 24))


async def test_the_problems_view_shows_an_odd_file_name_escaped_on_one_line(store: Store) -> None:
    odd = store.contacts_dir / "bad\x1b[2J\nname\u202e.toml"
    odd.write_text("name = [\n", "utf-8")
    odd.chmod(0o600)
    app = create_app(Store.open(store.root, store.clock))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        problems = app.screen.query_one("#problems-list", OptionList)
        shown = [str(problems.get_option_at_index(i).prompt) for i in range(problems.option_count)]
    assert len(shown) == 1
    assert shown[0].startswith("contacts/bad\\x1b[2J\\nname\\u202e.toml:1:1: ")
    assert "\n" not in shown[0]
