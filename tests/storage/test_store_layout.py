"""File names are record keys: hostile names cannot leave the folder, odd ones are reported, not ignored."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.domain.contact import Contact
from networkday.storage.layout import valid_id
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


def _every_file(root: Path) -> list[Path]:
    return [Path(folder) / name for folder, _, names in os.walk(root) for name in names]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../x", "x"),
        ("../../etc/passwd", "etc-passwd"),
        ("/etc/passwd", "etc-passwd"),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("a\x00b", "a-b"),
        ("..", "contact-9608161c"),
        (".", "contact-0ed4e242"),
        ("李小龙", "contact-755bbbf1"),
        ("山田 太郎", "contact-cbe59097"),
        ("🙂🚀", "contact-64b96155"),
        ("Zoë Ångström-Łukasz", "zoe-angstrom-lukasz"),
        ("x" * 5000, "x" * 60),
        ("-leading and trailing-", "leading-and-trailing"),
        ("$(rm -rf ~); `id`", "rm-rf-id"),
    ],
)
def test_hostile_names_get_a_safe_id_inside_the_folder(store: Store, name: str, expected: str) -> None:
    contact = store.add_contact(Contact(id="", name=name))
    assert contact.id == expected
    assert valid_id(contact.id)
    for path in _every_file(store.root):
        assert path.resolve().is_relative_to(store.root.resolve())
    assert store.contact_path(contact.id).parent == store.contacts_dir
    assert store.contact(contact.id).name == name.strip()


@pytest.mark.parametrize("name", ["", "   ", "\n\t"])
def test_blank_names_are_refused_and_nothing_is_written(store: Store, name: str) -> None:
    from networkday.domain.errors import RecordError

    with pytest.raises(RecordError, match="'name' must not be empty"):
        store.add_contact(Contact(id="", name=name))
    assert _every_file(store.contacts_dir) == []


def test_same_names_get_numbered_ids(store: Store) -> None:
    ids = [store.add_contact(Contact(id="", name=name)).id for name in ("李", "🙂", "Jane Doe", "jane doe", "JANE-DOE")]
    assert ids == ["contact-9cc12f70", "contact-f258e529", "jane-doe", "jane-doe-2", "jane-doe-3"]
    again = [store.add_contact(Contact(id="", name=name)).id for name in ("李", " 李 ", "王芳")]
    assert again == ["contact-9cc12f70-2", "contact-9cc12f70-3", "contact-baf8a6bf"]


@pytest.mark.parametrize(
    "bad_id",
    [
        "../x",
        "/etc/passwd",
        "a/b",
        "a\x00b",
        "",
        ".",
        "..",
        "UPPER",
        "a b",
        "-x",
        "x" * 81,
        "é",
        "a.toml",
        "jane-doe\n",
    ],
)
def test_ids_that_are_not_slugs_are_refused_everywhere(store: Store, bad_id: str) -> None:
    calls = [
        lambda: store.contact(bad_id),
        lambda: store.update_contact(bad_id, lambda c: None),
        lambda: store.put_contact(Contact(id=bad_id, name="X")),
        lambda: store.delete_contact(bad_id),
    ]
    for call in calls:
        with pytest.raises(StoreError, match="is not a contact id"):
            call()
    assert _every_file(store.contacts_dir) == []


def test_a_hand_made_file_with_a_bad_name_is_reported_not_ignored(store: Store) -> None:
    path = store.contacts_dir / "Jane Doe.toml"
    path.write_text('name = "Jane Doe"\n')
    store.scan()
    problem = store.problems[path]
    assert "not a contact id" in problem.message
    assert "jane-doe.toml" in problem.message
    path.rename(store.contacts_dir / "jane-doe.toml")
    store.scan()
    assert store.problems == {}
    assert store.contacts["jane-doe"].name == "Jane Doe"


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("2026/2026-02-30.toml", "2026-02-30 is not a date"),
        ("2026/2026-13-01.toml", "is not a date"),
        ("2026/2025-12-31.toml", "belongs in days/2025/"),
        ("2026/26-1-5.toml", "named YYYY-MM-DD.toml"),
        ("2026/notes.toml", "named YYYY-MM-DD.toml"),
        ("2026-11-25.toml", "belong in days/YYYY/"),
    ],
)
def test_day_files_with_wrong_names_are_reported(tmp_path: Path, clock: FixedClock, where: str, message: str) -> None:
    store = Store.open(tmp_path / "data", clock)
    store.update_day(date(2026, 11, 25), lambda day: setattr(day.journal, "rating", 4))
    path = store.days_dir / where
    path.parent.mkdir(exist_ok=True)
    path.write_text("date = 2026-02-28\n")
    reopened = Store.open(store.root, clock)
    assert message in reopened.problems[path].message
    assert reopened.days[date(2026, 11, 25).toordinal()].rating == 4
    path.unlink()
    reopened.scan()
    assert reopened.problems == {}


def test_folders_named_like_records_are_reported(store: Store) -> None:
    (store.contacts_dir / "folder.toml").mkdir()
    store.scan()
    assert "not a regular file" in store.problems[store.contacts_dir / "folder.toml"].message


def test_other_files_in_the_folders_are_left_alone(store: Store) -> None:
    for name in ("README.md", ".gitkeep", "jane-doe.toml~", ".#jane-doe.toml", "jane-doe.toml.swp"):
        (store.contacts_dir / name).write_text("anything\n")
    (store.days_dir / "archive").mkdir()
    (store.days_dir / "archive" / "old.toml").write_text("x = \n")
    store.scan()
    assert store.problems == {}
    assert store.contacts == {}
