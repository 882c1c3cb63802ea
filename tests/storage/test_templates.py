"""Template files on real folders: defaults written once, the user's edits and deletions kept, bad files located."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from networkday.clock import FixedClock
from networkday.services.templates import templates
from networkday.storage.demo import demo_copy
from networkday.storage.problems import ProblemError, StoreError
from networkday.storage.store import Store
from networkday.storage.templates import (
    DEFAULTS_DIR,
    read_template,
    read_templates,
    template_names,
    templates_dir,
    write_defaults,
)
from tests.conftest import NOW
from tests.storage.saving import private_file

DEFAULTS = ["follow-up", "introduction-request", "outreach", "outreach-referred", "thank-you"]


def test_a_new_folder_gets_every_default_private(store: Store) -> None:
    folder = templates_dir(store.root)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert template_names(store.root) == DEFAULTS
    for name in DEFAULTS:
        path = folder / f"{name}.txt"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes() == (DEFAULTS_DIR / f"{name}.txt").read_bytes()


def test_defaults_are_short_and_say_what_they_are_for(store: Store) -> None:
    templates, problems = read_templates(store.root)
    assert problems == []
    for template in templates:
        assert template.text.count("\n") < 20
        assert "\nSubject: " in template.text or template.text.startswith("Subject: ")


def test_user_edits_and_deletions_survive_every_later_start_and_use(store: Store, clock: FixedClock) -> None:
    folder = templates_dir(store.root)
    (folder / "outreach.txt").write_text("Hi {first_name}, my own words\n", "utf-8")
    (folder / "thank-you.txt").unlink()
    private_file(folder / "mine.txt", "Mine\n")
    templates(Store.open(store.root, clock))
    assert write_defaults(store.root) == []
    assert (folder / "outreach.txt").read_text("utf-8") == "Hi {first_name}, my own words\n"
    assert not (folder / "thank-you.txt").exists()
    assert template_names(store.root) == ["follow-up", "introduction-request", "mine", "outreach", "outreach-referred"]


def test_an_emptied_folder_stays_empty(store: Store) -> None:
    for path in templates_dir(store.root).iterdir():
        path.unlink()
    assert templates(store) == ([], [])


def _remove_templates(root: Path) -> None:
    folder = templates_dir(root)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()


def test_an_existing_folder_without_templates_gets_them_at_first_use_not_at_start(
    store: Store, clock: FixedClock
) -> None:
    """A folder from before templates: an ordinary start (a command that only reads) writes nothing."""
    _remove_templates(store.root)
    reopened = Store.open(store.root, clock)
    assert not templates_dir(store.root).exists()
    found, problems = templates(reopened)
    assert [template.name for template in found] == DEFAULTS
    assert problems == []


def test_removing_the_folder_brings_the_defaults_back_at_next_use(store: Store) -> None:
    _remove_templates(store.root)
    templates(store)
    assert template_names(store.root) == DEFAULTS


def test_a_file_made_meanwhile_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program writes outreach.txt between the folder's making and the default's rename: it is kept."""
    from networkday.storage import atomic

    real_write_new = atomic._write_new

    def write_new(temp: Path, data: bytes, *, sync: bool = True) -> None:
        real_write_new(temp, data, sync=sync)
        target = temp.parent / "outreach.txt"
        if temp.name.startswith(".outreach.txt.") and not target.exists():
            target.write_text("theirs\n", "utf-8")

    monkeypatch.setattr(atomic, "_write_new", write_new)
    written = write_defaults(tmp_path)
    assert (tmp_path / "templates" / "outreach.txt").read_text("utf-8") == "theirs\n"
    assert tmp_path / "templates" / "outreach.txt" not in written
    assert len(written) == len(DEFAULTS) - 1
    assert not [path for path in (tmp_path / "templates").iterdir() if path.name.endswith(".tmp")]


def test_a_folder_that_cannot_be_saved_to_gets_no_templates(tmp_path: Path, clock: FixedClock) -> None:
    root = tmp_path / "data"
    root.mkdir()
    private_file(root / ".networkday", "a file where the cache folder goes: nothing is saved")
    store = Store.open(root, clock)
    assert store.cannot_save
    assert templates(store) == ([], [])
    assert not templates_dir(root).exists()


def test_non_utf8_template_is_reported_by_path_line_and_column(store: Store) -> None:
    path = private_file(templates_dir(store.root) / "latin.txt", "Hi {name},\ncaf\xe9\n".encode("latin-1"))
    templates, problems = read_templates(store.root)
    assert [template.name for template in templates] == DEFAULTS
    assert [(problem.path, problem.line, problem.column) for problem in problems] == [(path, 2, 4)]
    assert "not UTF-8" in problems[0].message
    with pytest.raises(ProblemError, match=r"latin\.txt:2:4: not UTF-8"):
        read_template(store.root, "latin")


def test_unreadable_template_is_reported_by_path(store: Store) -> None:
    broken = templates_dir(store.root) / "broken.txt"
    os.symlink(store.root / "nowhere", broken)
    (templates_dir(store.root) / "folder.txt").mkdir()
    _, problems = read_templates(store.root)
    assert sorted(problem.path.name for problem in problems) == ["broken.txt", "folder.txt"]
    assert all("cannot read the template" in problem.message for problem in problems)


def test_a_huge_file_is_not_a_template(store: Store) -> None:
    private_file(templates_dir(store.root) / "huge.txt", b"x" * (65 * 1024))
    with pytest.raises(ProblemError, match="under 64 KB"):
        read_template(store.root, "huge")


def test_names_never_reach_outside_the_folder(store: Store) -> None:
    private_file(store.root / "secret.txt", "not a template")
    for name in ("../secret", "/etc/passwd", "", ".hidden", "outreach.txt"):
        with pytest.raises(StoreError, match="no template called"):
            read_template(store.root, name)


def test_hidden_and_temp_files_are_not_templates(store: Store) -> None:
    private_file(templates_dir(store.root) / ".draft.txt", "x")
    private_file(templates_dir(store.root) / ".outreach.txt.123.deadbeef.tmp", "x")
    private_file(templates_dir(store.root) / "notes.md", "x")
    assert template_names(store.root) == DEFAULTS


def test_a_byte_order_mark_is_not_part_of_the_text(store: Store) -> None:
    private_file(templates_dir(store.root) / "bom.txt", "\ufeffSubject: Hi\n".encode())
    assert read_template(store.root, "bom").text == "Subject: Hi\n"


def test_the_demo_brings_the_defaults(tmp_path: Path) -> None:
    copy = demo_copy(NOW.date(), tmp_path / "demo")
    assert template_names(copy) == DEFAULTS
    assert stat.S_IMODE(templates_dir(copy).stat().st_mode) == 0o700
