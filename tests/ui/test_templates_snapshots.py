"""The filled-message dialog at 80x24: a template filled for Bob Byrne from the fixed network."""

from __future__ import annotations

import pytest

from networkday.storage.store import Store
from networkday.ui.app import create_app
from tests.ui.contacts_world import build

PERSON_KEYS = ["2", "j", "j", "enter"]  # Bob Byrne: referred by Ada, no email address


@pytest.fixture
def network(store: Store) -> Store:
    return build(store)


def test_filled_template_80x24(snap_compare, network: Store):
    keys = [*PERSON_KEYS, "t", *"outreach-ref", "enter"]
    assert snap_compare(create_app(network), press=keys, terminal_size=(80, 24))


def test_filled_template_with_an_email_link_80x24(snap_compare, network: Store):
    keys = ["2", "enter", "t", *"thank", "enter"]  # Ada Lovelace, the first row, with an email address
    assert snap_compare(create_app(network), press=keys, terminal_size=(80, 24))
