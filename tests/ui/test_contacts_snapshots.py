"""What the network list and a person's screen look like at 80x24 and 120x40.

The network is the small fixed one of ``contacts_world`` and the clock is the tests' fixed
instant, so only a change to the screens changes a snapshot. After a deliberate change,
update them with ``pytest --snapshot-update`` and look at the report.
"""

from __future__ import annotations

import pytest

from networkday.domain.sync_duplicates import FLAG
from networkday.storage.store import Store
from networkday.ui.app import create_app
from tests.ui.contacts_world import build

LIST_KEYS = ["2", "j"]
PERSON_KEYS = ["2", "j", "j", "enter"]  # Bob Byrne: referred by Ada, on the path to Grace
SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def network(store: Store) -> Store:
    return build(store)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_network_list(snap_compare, network: Store, size: tuple[int, int]):
    assert snap_compare(create_app(network), press=LIST_KEYS, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_person(snap_compare, network: Store, size: tuple[int, int]):
    assert snap_compare(create_app(network), press=PERSON_KEYS, terminal_size=size)


def test_network_list_searching_80x24(snap_compare, network: Store):
    assert snap_compare(create_app(network), press=["2", "slash", *"navy"], terminal_size=(80, 24))


def test_network_list_80x24_ansi_theme(snap_compare, network: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("COLORTERM")
    app = create_app(network)
    assert snap_compare(app, press=LIST_KEYS, terminal_size=(80, 24))
    assert app.theme == "networkday-ansi"


def test_contact_form_80x24(snap_compare, network: Store):
    assert snap_compare(create_app(network), press=["2", "e"], terminal_size=(80, 24))


def test_person_likely_the_same_as_another_80x24(snap_compare, network: Store):
    """Ada as a sync leaves her when both machines added her unlike: the warning, and the two keys."""
    network.update_contact("ada-lovelace", lambda contact: contact.extra.update({FLAG: "ada-lovelace-2"}))
    assert snap_compare(create_app(network), press=["2", "enter"], terminal_size=(80, 24))
