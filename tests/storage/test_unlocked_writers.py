"""A program that takes no lock writes a record between the store's read and its rename: both changes are kept.

The other writer is a real second process that rewrites the file with a plain
``open(path, "w")``, as an editor saving in place or a sync would. The store's change
callback itself asks it to write and waits until it has, so its write lands exactly in
the gap between the read the change is applied to and the rename that saves it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from networkday.domain.contact import Contact
from networkday.domain.day import Call
from networkday.storage.problems import StoreError
from networkday.storage.store import REWRITE_TRIES, DayBatch, Store

#: For each line read, sets the record's ``key`` (argv[2]) to that line, with no lock and in
#: place (``open(path, "w")``), then says "written".
WRITER = """
import sys, tomllib, tomli_w
path, key = sys.argv[1], sys.argv[2]
for line in sys.stdin:
    with open(path, "rb") as file:
        table = tomllib.load(file)
    table[key] = line.rstrip("\\n")
    with open(path, "w", encoding="utf-8") as file:
        file.write(tomli_w.dumps(table))
    print("written", flush=True)
"""


class Writer:
    """The second process; ``write(value)`` returns once the file holds it."""

    def __init__(self, path: Path, key: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(WRITER), str(path), key],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def write(self, value: str) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(value + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline() == "written\n"

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=30) == 0


@pytest.fixture
def ada(store: Store) -> Contact:
    return store.add_contact(Contact(id="", name="Ada Lovelace", company="Analytical"))


@pytest.fixture
def writer(store: Store, ada: Contact) -> Iterator[Writer]:
    other = Writer(store.contact_path(ada.id), "company")
    yield other
    other.close()


def on_disk(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def test_a_write_between_the_read_and_the_rename_is_kept(store: Store, ada: Contact, writer: Writer) -> None:
    seen: list[str] = []

    def retitle(contact: Contact) -> None:
        seen.append(contact.company)
        if len(seen) == 1:
            writer.write("Difference Engines Ltd")  # lands after this read, before the rename
        contact.title = "Countess"

    saved = store.update_contact(ada.id, retitle)
    table = on_disk(store.contact_path(ada.id))
    assert (table["company"], table["title"]) == ("Difference Engines Ltd", "Countess")
    assert seen == ["Analytical", "Difference Engines Ltd"]  # the change ran again on the fresh record
    assert (saved.company, saved.title) == ("Difference Engines Ltd", "Countess")
    assert (store.contacts[ada.id].company, store.contacts[ada.id].title) == ("Difference Engines Ltd", "Countess")


def test_a_file_changed_before_every_rename_is_refused_and_keeps_the_last_write(
    store: Store, ada: Contact, writer: Writer
) -> None:
    written: list[str] = []

    def retitle(contact: Contact) -> None:
        written.append(f"Difference Engines Ltd, try {len(written) + 1}")
        writer.write(written[-1])
        contact.title = "Countess"

    path = store.contact_path(ada.id)
    with pytest.raises(StoreError, match=rf"{path}: another program kept changing the file.*not saved"):
        store.update_contact(ada.id, retitle)
    assert 1 < len(written) <= REWRITE_TRIES  # tried again, each time once the file settled, then gave up
    table = on_disk(path)
    assert table["company"] == written[-1]
    assert "title" not in table
    assert not [name for name in path.parent.iterdir() if name.suffix == ".tmp"]


def test_a_batch_of_contacts_keeps_a_write_made_between_the_read_and_the_rename(
    store: Store, ada: Contact, writer: Writer
) -> None:
    bob = store.add_contact(Contact(id="", name="Bob Babbage"))
    seen: list[str] = []

    def tag(contact: Contact) -> bool:
        seen.append(contact.company)
        if len(seen) == 1:
            writer.write("Difference Engines Ltd")
        contact.tags.append("imported")
        return True

    outcomes = store.update_contacts([(ada.id, tag), (bob.id, lambda contact: contact.tags.append("imported"))])
    assert outcomes == {ada.id: True, bob.id: True}
    table = on_disk(store.contact_path(ada.id))
    assert (table["company"], table["tags"]) == ("Difference Engines Ltd", ["imported"])
    assert on_disk(store.contact_path(bob.id))["tags"] == ["imported"]


def test_a_day_batch_runs_again_on_a_day_file_written_meanwhile(store: Store) -> None:
    day = date(2026, 11, 25)
    store.update_day(day, lambda record: record.calls.append(Call(contact="ada")))
    other = Writer(store.day_path(day), "note")
    runs: list[int] = []

    def plan(batch: DayBatch) -> int:
        runs.append(len(runs))
        batch.day(day).calls.append(Call(contact="bob"))
        if len(runs) == 1:
            other.write("written by hand")
        return len(runs)

    try:
        assert store.change_days(plan) == 2
    finally:
        other.close()
    table = on_disk(store.day_path(day))
    assert table["note"] == "written by hand"
    assert [call["contact"] for call in table["call"]] == ["ada", "bob"]


def test_a_write_to_a_links_target_between_the_read_and_the_rename_is_kept(store: Store) -> None:
    """The compare looks at the file the save replaces: through a link, its target."""
    ada = store.add_contact(Contact(id="", name="Ada Lovelace", company="Analytical"))
    path = store.contact_path(ada.id)
    target = store.root / "shared" / "ada.toml"
    target.parent.mkdir()
    path.rename(target)
    path.symlink_to(target)
    other = Writer(target, "company")

    def retitle(contact: Contact) -> None:
        if contact.company == "Analytical":
            other.write("Difference Engines Ltd")
        contact.title = "Countess"

    try:
        store.update_contact(ada.id, retitle)
    finally:
        other.close()
    assert path.is_symlink()
    table = on_disk(target)
    assert (table["company"], table["title"]) == ("Difference Engines Ltd", "Countess")


def test_a_delete_returns_what_another_program_wrote_between_the_read_and_the_unlink(
    store: Store, ada: Contact, writer: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deleted contact is what an undo puts back: it must hold that write too."""
    read = store.rewriter.on_disk
    writes = iter(["Difference Engines Ltd"])

    def read_then_other_writes(*args):
        found = read(*args)
        for value in writes:  # once: the other program writes after the store's first read
            writer.write(value)
            break
        return found

    monkeypatch.setattr(store.rewriter, "on_disk", read_then_other_writes)
    gone = store.delete_contact(ada.id)
    assert gone.company == "Difference Engines Ltd"
    assert not store.contact_path(ada.id).exists()
