"""The date you connected is not a touch, in files written before ``connected`` existed too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.store import Store
from tests.conftest import NOW

#: What a LinkedIn import wrote before the ``connected`` field: the date as a history entry.
LEGACY = """\
format = 1
name = "Maya Lindqvist"
company = "Northwind Traders"

[[log]]
at = 2014-03-07T12:00:00+01:00
channel = "message"
note = "Connected on LinkedIn"
"""


def write(root: Path, contact_id: str, text: str) -> Path:
    path = root / "contacts" / f"{contact_id}.toml"
    path.write_text(text, "utf-8")
    return path


def test_an_older_import_s_connection_entry_is_the_connected_date_not_a_touch(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data", FixedClock(NOW))
    path = write(store.root, "maya", LEGACY)
    before = path.read_bytes()
    store = Store.open(store.root, FixedClock(NOW))
    summary = store.contacts["maya"]
    assert summary.entries == ()
    assert summary.connected == date(2014, 3, 7).toordinal()
    maya = store.contact("maya")
    assert maya.last_touch is None
    assert maya.connected_on == date(2014, 3, 7)
    assert len(maya.log) == 1  # kept as written
    assert path.read_bytes() == before


def test_an_entry_that_says_more_than_the_connection_is_a_touch(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data", FixedClock(NOW))
    write(store.root, "maya", LEGACY + 'outcome = "talked"\n')
    write(store.root, "noa", LEGACY.replace("Maya Lindqvist", "Noa Levi") + 'id = "9f3c02ab"\n')
    store = Store.open(store.root, FixedClock(NOW))
    assert len(store.contacts["maya"].entries) == 1
    assert len(store.contacts["noa"].entries) == 1  # networkday's own touches have an id


def test_connected_is_written_and_read_back_as_its_own_field(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data", FixedClock(NOW))
    contact = store.add_contact(Contact(id="", name="Wen Zhou", connected=date(2019, 8, 15)))
    text = store.contact_path(contact.id).read_text("utf-8")
    assert "connected = 2019-08-15" in text
    assert "[[log]]" not in text
    assert store.contact(contact.id).connected == date(2019, 8, 15)
